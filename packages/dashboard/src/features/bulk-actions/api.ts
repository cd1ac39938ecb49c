import type {
  BulkAction,
  BulkMessagePreview,
  BulkMessagePreviewInput,
  CreateBulkActionInput,
} from '@coinbook/api/contracts'
import { apiRequest } from '../../api/client'

export type { BulkAction, BulkMessagePreview, BulkMessagePreviewInput, CreateBulkActionInput }
export type BulkSelectionInput = CreateBulkActionInput['selection']

export function createBulkAction(input: CreateBulkActionInput): Promise<BulkAction> {
  return apiRequest<BulkAction>('/customers/bulk', { method: 'POST', body: input })
}

export function getBulkAction(id: string, signal?: AbortSignal): Promise<BulkAction> {
  return apiRequest<BulkAction>(`/bulk-actions/${encodeURIComponent(id)}`, { signal })
}

/** Who a message to the selection would reach, who it skips, and the email the first recipient gets. */
export function previewBulkMessage(
  input: BulkMessagePreviewInput,
  signal?: AbortSignal,
): Promise<BulkMessagePreview> {
  return apiRequest<BulkMessagePreview>('/customers/bulk/message-preview', {
    method: 'POST',
    body: input,
    signal,
  })
}
