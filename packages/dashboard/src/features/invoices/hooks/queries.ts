import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  getInvoice,
  type Invoice,
  type ListInvoicesParams,
  listInvoices,
  recordInvoicePayment,
  sendInvoice,
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

export function useInvoice(id: string) {
  return useQuery({ queryKey: invoiceKeys.detail(id), queryFn: ({ signal }) => getInvoice(id, signal) })
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
