import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  type ChargeInput,
  type CreateInvoiceInput,
  chargeCustomer,
  createInvoice,
  getCustomerBilling,
  getInstallmentPlan,
  getInvoice,
  getInvoiceSettings,
  type Invoice,
  type ListInvoicesParams,
  listInvoices,
  listPaymentOptions,
  listTaxRates,
  recordInvoicePayment,
  sendInvoice,
  type UpdateCustomerBillingInput,
  type UpdateInvoiceInput,
  updateCustomerBilling,
  updateInvoice,
  updateInvoiceSettings,
  voidInvoice,
} from '../api'

export const invoiceKeys = {
  all: ['invoices'] as const,
  list: (params: ListInvoicesParams) => ['invoices', 'list', params] as const,
  detail: (id: string) => ['invoices', 'detail', id] as const,
}

export function useInvoiceList(params: ListInvoicesParams) {
  return useQuery({
    queryKey: invoiceKeys.list(params),
    queryFn: ({ signal }) => listInvoices(params, signal),
    placeholderData: keepPreviousData,
  })
}

export function useInvoice(
  id: string,
  opts: {
    refetchInterval?: number | false | ((q: { state: { data?: Invoice | undefined } }) => number | false)
  } = {},
) {
  return useQuery({
    queryKey: invoiceKeys.detail(id),
    queryFn: ({ signal }) => getInvoice(id, signal),
    ...(opts.refetchInterval !== undefined ? { refetchInterval: opts.refetchInterval } : {}),
  })
}

/** Send, void and record a payment all answer with the invoice: it replaces the cached one. */
function useInvoiceAction<A>(fn: (id: string, arg: A) => Promise<Invoice>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, arg }: { id: string; arg: A }) => fn(id, arg),
    onSuccess: (invoice) => {
      client.setQueryData(invoiceKeys.detail(invoice.id), invoice)
      void client.invalidateQueries({ queryKey: ['invoices', 'list'] })
    },
  })
}

export const useSendInvoice = () => useInvoiceAction<void>((id) => sendInvoice(id))
export const useVoidInvoice = () => useInvoiceAction<void>((id) => voidInvoice(id))
export const useRecordInvoicePayment = () =>
  useInvoiceAction<{ amount: string; note?: string }>((id, arg) =>
    recordInvoicePayment(id, {
      amount: arg.amount,
      method: 'offchain',
      ...(arg.note ? { note: arg.note } : {}),
    }),
  )

export const billingKeys = {
  customer: (customerId: string) => ['customers', 'billing', customerId] as const,
}

/** The customer's tax exemption, auto-send and credit per currency. */
export function useCustomerBilling(customerId: string | undefined) {
  return useQuery({
    queryKey: billingKeys.customer(customerId ?? ''),
    queryFn: ({ signal }) => getCustomerBilling(customerId ?? '', signal),
    enabled: Boolean(customerId),
  })
}

export function useUpdateCustomerBilling(customerId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: UpdateCustomerBillingInput) => updateCustomerBilling(customerId, input),
    onSuccess: (billing) => client.setQueryData(billingKeys.customer(customerId), billing),
  })
}

/** The merchant's tax rates, rarely changed: kept for the session. */
export function useTaxRates() {
  return useQuery({
    queryKey: ['tax-rates'],
    queryFn: ({ signal }) => listTaxRates(signal),
    staleTime: 5 * 60_000,
  })
}

/** Every coin Coinbook accepts in this deployment. */
export function usePaymentOptions() {
  return useQuery({
    queryKey: ['payment-options'],
    queryFn: ({ signal }) => listPaymentOptions(signal),
    staleTime: Number.POSITIVE_INFINITY,
  })
}

export interface CreateInvoiceArgs {
  input: CreateInvoiceInput
  /** Send it (every invoice of an installment plan) once it is created. */
  send: boolean
}

/**
 * Creates a draft and, when asked, sends it. An installment plan's invoices are all sent. When the draft
 * was created but sending failed, the error carries the draft (`created`) so the editor can open it.
 */
export function useCreateInvoice() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: async ({ input, send }: CreateInvoiceArgs) => {
      const draft = await createInvoice(input)
      if (!send) return draft
      try {
        if (draft.installment) {
          const plan = await getInstallmentPlan(draft.installment.planId)
          for (const inst of plan.installments) {
            if (inst.status === 'draft') await sendInvoice(inst.invoiceId)
          }
          return await getInvoice(draft.id)
        }
        return draft.status === 'draft' ? await sendInvoice(draft.id) : draft
      } catch (error) {
        throw Object.assign(error instanceof Error ? error : new Error(String(error)), { created: draft })
      }
    },
    onSettled: () => client.invalidateQueries({ queryKey: invoiceKeys.all }),
  })
}

/**
 * Saves an edited draft and, when asked, sends it. When the edit was saved but sending failed, the error
 * carries the saved draft (`created`, as on create) so the editor can open it.
 */
export function useUpdateInvoice(id: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: async ({ input, send }: { input: UpdateInvoiceInput; send: boolean }) => {
      const draft = await updateInvoice(id, input)
      client.setQueryData(invoiceKeys.detail(id), draft)
      if (!send) return draft
      try {
        return await sendInvoice(id)
      } catch (error) {
        throw Object.assign(error instanceof Error ? error : new Error(String(error)), { created: draft })
      }
    },
    onSuccess: (invoice) => client.setQueryData(invoiceKeys.detail(id), invoice),
    onSettled: () => client.invalidateQueries({ queryKey: ['invoices', 'list'] }),
  })
}

/** Charge now: the invoice, its pay link and a quote per coin. */
export function useChargeCustomer(customerId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: ChargeInput) => chargeCustomer(customerId, input),
    onSuccess: (result) => {
      client.setQueryData(invoiceKeys.detail(result.invoice.id), result.invoice)
      void client.invalidateQueries({ queryKey: ['invoices', 'list'] })
    },
  })
}

export const invoiceSettingsKey = ['invoice-settings'] as const

export function useInvoiceSettings() {
  return useQuery({ queryKey: invoiceSettingsKey, queryFn: ({ signal }) => getInvoiceSettings(signal) })
}

export function useUpdateInvoiceSettings() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: updateInvoiceSettings,
    onSuccess: (settings) => client.setQueryData(invoiceSettingsKey, settings),
  })
}
