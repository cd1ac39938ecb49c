import type { BulkAction, CreateBulkActionInput } from '@coinbook/api/contracts'
import { apiRequest } from '../../api/client'

export type { BulkAction, CreateBulkActionInput }

export function createBulkAction(input: CreateBulkActionInput): Promise<BulkAction> {
  return apiRequest<BulkAction>('/customers/bulk', { method: 'POST', body: input })
}

export function getBulkAction(id: string, signal?: AbortSignal): Promise<BulkAction> {
  return apiRequest<BulkAction>(`/bulk-actions/${encodeURIComponent(id)}`, { signal })
}
