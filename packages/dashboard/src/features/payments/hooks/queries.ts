import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { customerKeys } from '../../customers/hooks/queries'
import { invoiceKeys } from '../../invoices/hooks/queries'
import {
  assignPayment,
  type CreateRefundInput,
  createRefund,
  getPayment,
  type ListPaymentsParams,
  listCustomerPayments,
  listPayments,
  verifyPayment,
} from '../api'

export const paymentKeys = {
  all: ['payments'] as const,
  list: (params: ListPaymentsParams) => ['payments', 'list', params] as const,
  customer: (id: string, params: ListPaymentsParams) => ['payments', 'customer', id, params] as const,
  detail: (id: string) => ['payments', 'detail', id] as const,
}

export function usePaymentList(params: ListPaymentsParams) {
  return useQuery({
    queryKey: paymentKeys.list(params),
    queryFn: ({ signal }) => listPayments(params, signal),
    // Keep the rows on screen while the next page or filter loads, instead of flashing a spinner.
    placeholderData: keepPreviousData,
  })
}

export function useCustomerPayments(customerId: string, params: ListPaymentsParams) {
  return useQuery({
    queryKey: paymentKeys.customer(customerId, params),
    queryFn: ({ signal }) => listCustomerPayments(customerId, params, signal),
    placeholderData: keepPreviousData,
  })
}

export function useVerifyPayment() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: verifyPayment,
    onSuccess: (result) => {
      if (!result.data.some((p) => p.created)) return
      // New payments change the lists and the customers' totals (lifetime value, count, last payment).
      void client.invalidateQueries({ queryKey: paymentKeys.all })
      void client.invalidateQueries({ queryKey: customerKeys.all })
    },
  })
}

export function useAssignPayment() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, customerId }: { id: string; customerId: string }) => assignPayment(id, { customerId }),
    onSuccess: () => {
      // The payment moves to a customer: the lists and that customer's totals change.
      void client.invalidateQueries({ queryKey: paymentKeys.all })
      void client.invalidateQueries({ queryKey: customerKeys.all })
    },
  })
}

/** One payment with its refunds; `id` null waits. */
export function usePayment(id: string | null) {
  return useQuery({
    queryKey: paymentKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getPayment(id as string, signal),
    enabled: id !== null,
  })
}

export function useCreateRefund() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: CreateRefundInput }) => createRefund(id, input),
    onSuccess: () => {
      // The payment's refunded amount, the customer's lifetime value and the invoice it paid show it.
      void client.invalidateQueries({ queryKey: paymentKeys.all })
      void client.invalidateQueries({ queryKey: customerKeys.all })
      void client.invalidateQueries({ queryKey: invoiceKeys.all })
    },
  })
}
