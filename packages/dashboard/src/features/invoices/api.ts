import type {
  Invoice,
  InvoiceList,
  InvoiceSummary,
  ListInvoicesInput,
  RecordInvoicePaymentInput,
} from '@coinbook/api/contracts'
import { apiRequest } from '../../api/client'

export type { Invoice, InvoiceList, InvoiceSummary }

export type InvoiceStatus = Invoice['status']
export type AppliedPayment = Invoice['payments'][number]

/** The list query as the dashboard sends it (every member optional, the API applies defaults). */
export type ListInvoicesParams = Partial<Omit<ListInvoicesInput, 'limit' | 'overdue'>> & {
  limit?: number
  overdue?: 'true' | 'false'
}

export function listInvoices(params: ListInvoicesParams, signal?: AbortSignal): Promise<InvoiceList> {
  return apiRequest<InvoiceList>('/invoices', { query: { ...params }, signal })
}

export function getInvoice(id: string, signal?: AbortSignal): Promise<Invoice> {
  return apiRequest<Invoice>(`/invoices/${encodeURIComponent(id)}`, { signal })
}

/** Opens a draft: it gets its pay link (and the customer's credit). */
export function sendInvoice(id: string): Promise<Invoice> {
  return apiRequest<Invoice>(`/invoices/${encodeURIComponent(id)}/send`, { method: 'POST' })
}

export function voidInvoice(id: string): Promise<Invoice> {
  return apiRequest<Invoice>(`/invoices/${encodeURIComponent(id)}/void`, { method: 'POST' })
}

/** Records a payment made outside Coinbook, in the invoice's currency. */
export function recordInvoicePayment(id: string, input: RecordInvoicePaymentInput): Promise<Invoice> {
  return apiRequest<Invoice>(`/invoices/${encodeURIComponent(id)}/payments`, { method: 'POST', body: input })
}
