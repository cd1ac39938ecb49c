import type {
  ChargeInput,
  ChargeResult,
  CreateInvoiceInput,
  CustomerBilling,
  InstallmentPlan,
  Invoice,
  InvoiceList,
  InvoiceSettings,
  InvoiceSummary,
  ListInvoicesInput,
  RecordInvoicePaymentInput,
  TaxRate,
  UpdateCustomerBillingInput,
  UpdateInvoiceInput,
  UpdateInvoiceSettingsInput,
} from '@coinbook/api/contracts'
import { apiRequest } from '../../api/client'

export type { Invoice, InvoiceList, InvoiceSettings, InvoiceSummary, UpdateInvoiceSettingsInput }

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

export type {
  ChargeInput,
  ChargeResult,
  CreateInvoiceInput,
  CustomerBilling,
  InstallmentPlan,
  TaxRate,
  UpdateCustomerBillingInput,
  UpdateInvoiceInput,
}

/** Creates a draft (or, with `installments`, a plan of invoices: the answer is the first). */
export function createInvoice(input: CreateInvoiceInput): Promise<Invoice> {
  return apiRequest<Invoice>('/invoices', { method: 'POST', body: input })
}

/** Edits a draft: what is given replaces what it had (the lines all at once); it is priced again. */
export function updateInvoice(id: string, input: UpdateInvoiceInput): Promise<Invoice> {
  return apiRequest<Invoice>(`/invoices/${encodeURIComponent(id)}`, { method: 'PATCH', body: input })
}

/** Charge now: a one-line invoice due today, sent, with a ready quote per coin. */
export function chargeCustomer(customerId: string, input: ChargeInput): Promise<ChargeResult> {
  return apiRequest<ChargeResult>(`/customers/${encodeURIComponent(customerId)}/charge`, {
    method: 'POST',
    body: input,
  })
}

export function getCustomerBilling(customerId: string, signal?: AbortSignal): Promise<CustomerBilling> {
  return apiRequest<CustomerBilling>(`/customers/${encodeURIComponent(customerId)}/billing`, { signal })
}

export function updateCustomerBilling(
  customerId: string,
  input: UpdateCustomerBillingInput,
): Promise<CustomerBilling> {
  return apiRequest<CustomerBilling>(`/customers/${encodeURIComponent(customerId)}/billing`, {
    method: 'PATCH',
    body: input,
  })
}

export function getInstallmentPlan(id: string, signal?: AbortSignal): Promise<InstallmentPlan> {
  return apiRequest<InstallmentPlan>(`/installment-plans/${encodeURIComponent(id)}`, { signal })
}

export function listTaxRates(signal?: AbortSignal): Promise<{ data: TaxRate[] }> {
  return apiRequest<{ data: TaxRate[] }>('/tax-rates', { signal })
}

/** A coin Coinbook accepts (GET /payment-options), with display names. */
export interface PaymentOptionInfo {
  asset: string
  assetName: string
  network: string
  networkName: string
  decimals: number
  contract: string | null
}

export function listPaymentOptions(signal?: AbortSignal): Promise<{ data: PaymentOptionInfo[] }> {
  return apiRequest<{ data: PaymentOptionInfo[] }>('/payment-options', { signal })
}

/** Numbering, the underpayment tolerance and what payments to a customer's own address pay. */
export function getInvoiceSettings(signal?: AbortSignal): Promise<InvoiceSettings> {
  return apiRequest<InvoiceSettings>('/invoice-settings', { signal })
}

export function updateInvoiceSettings(input: UpdateInvoiceSettingsInput): Promise<InvoiceSettings> {
  return apiRequest<InvoiceSettings>('/invoice-settings', { method: 'PATCH', body: input })
}
