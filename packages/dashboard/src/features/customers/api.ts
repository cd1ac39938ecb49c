import type {
  CreateCustomerInput,
  CustomerDetail,
  CustomerDto,
  CustomerList,
  CustomerListItem,
  DuplicateGroup,
  ListCustomersInput,
  UpdateCustomerInput,
} from '@coinbook/api/contracts'
import { apiRequest } from '../../api/client'

export type { CustomerDetail, CustomerDto, CustomerListItem, DuplicateGroup }

export type CustomerSort = NonNullable<ListCustomersInput['sort']>
export type CustomerStatus = CustomerDto['status']
export type CustomerType = CustomerDto['type']
export type CustomerTier = NonNullable<CustomerDto['tier']>

/** The list query as the dashboard sends it (every member optional, the API applies defaults). */
export type ListCustomersParams = Partial<Omit<ListCustomersInput, 'limit'>> & { limit?: number }

export function listCustomers(params: ListCustomersParams, signal?: AbortSignal): Promise<CustomerList> {
  return apiRequest<CustomerList>('/customers', { query: { ...params }, signal })
}

export function getCustomer(id: string, signal?: AbortSignal): Promise<CustomerDetail> {
  return apiRequest<CustomerDetail>(`/customers/${encodeURIComponent(id)}`, { signal })
}

export function createCustomer(input: CreateCustomerInput): Promise<CustomerDto> {
  return apiRequest<CustomerDto>('/customers', { method: 'POST', body: input })
}

export function updateCustomer(id: string, input: UpdateCustomerInput): Promise<CustomerDto> {
  return apiRequest<CustomerDto>(`/customers/${encodeURIComponent(id)}`, { method: 'PATCH', body: input })
}

export function deleteCustomer(id: string): Promise<void> {
  return apiRequest<void>(`/customers/${encodeURIComponent(id)}`, { method: 'DELETE' })
}

export async function listDuplicates(signal?: AbortSignal): Promise<DuplicateGroup[]> {
  const res = await apiRequest<{ data: DuplicateGroup[] }>('/customers/duplicates', { signal })
  return res.data
}

/** Merges `duplicateId` into `keepId`; the duplicate is gone afterwards. */
export function mergeCustomers(keepId: string, duplicateId: string): Promise<CustomerDto> {
  return apiRequest<CustomerDto>(`/customers/${encodeURIComponent(keepId)}/merge`, {
    method: 'POST',
    body: { duplicateId },
  })
}

/** One entry of a customer's activity; read defensively, the audit API is young. */
export interface AuditEntry {
  id: string
  action: string
  /** "user", "api_key" or "system". */
  actorType: string | null
  /** The user's name or email, or the API key's name. */
  actorName: string | null
  data: unknown
  createdAt: string | null
}

function asAuditEntry(raw: unknown, index: number): AuditEntry | null {
  if (!raw || typeof raw !== 'object') return null
  const r = raw as Record<string, unknown>
  const str = (v: unknown) => (typeof v === 'string' ? v : null)
  const actor = r.actor && typeof r.actor === 'object' ? (r.actor as Record<string, unknown>) : {}
  return {
    id: str(r.id) ?? `entry-${index}`,
    action: str(r.action) ?? 'unknown',
    actorType: str(actor.type) ?? str(r.actorType),
    actorName: str(actor.name),
    data: r.data ?? null,
    createdAt: str(r.createdAt),
  }
}

export async function listCustomerAudit(id: string, signal?: AbortSignal): Promise<AuditEntry[]> {
  const res = await apiRequest<{ data?: unknown }>(`/customers/${encodeURIComponent(id)}/audit`, { signal })
  const list = Array.isArray(res?.data) ? res.data : []
  return list.map(asAuditEntry).filter((e): e is AuditEntry => e !== null)
}
