import type {
  AddPayerWalletInput,
  PayerWallet,
  PaymentMethods,
  PutRefundAddressInput,
  RefundAddress,
  UpdatePayerWalletInput,
} from '@coinbook/api/contracts'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiRequest } from '../../api/client'

export type { AddPayerWalletInput, PayerWallet, PaymentMethods, RefundAddress }

const base = (customerId: string) => `/customers/${encodeURIComponent(customerId)}`

export function getPaymentMethods(customerId: string, signal?: AbortSignal): Promise<PaymentMethods> {
  return apiRequest<PaymentMethods>(`${base(customerId)}/payment-methods`, { signal })
}

export const paymentMethodKeys = {
  detail: (customerId: string) => ['payment-methods', customerId] as const,
}

export function usePaymentMethods(customerId: string) {
  return useQuery({
    queryKey: paymentMethodKeys.detail(customerId),
    queryFn: ({ signal }) => getPaymentMethods(customerId, signal),
  })
}

/** A write to one of the tab's sections; the whole tab is read again afterwards. */
function useTabMutation<I, O>(customerId: string, write: (input: I) => Promise<O>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: write,
    onSuccess: () => client.invalidateQueries({ queryKey: paymentMethodKeys.detail(customerId) }),
  })
}

export function useAddPayerWallet(customerId: string) {
  return useTabMutation(customerId, (input: AddPayerWalletInput) =>
    apiRequest<PayerWallet>(`${base(customerId)}/wallets`, { method: 'POST', body: input }),
  )
}

export function useUpdatePayerWallet(customerId: string) {
  return useTabMutation(customerId, ({ id, ...input }: UpdatePayerWalletInput & { id: string }) =>
    apiRequest<PayerWallet>(`${base(customerId)}/wallets/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      body: input,
    }),
  )
}

export function useRemovePayerWallet(customerId: string) {
  return useTabMutation(customerId, (id: string) =>
    apiRequest<void>(`${base(customerId)}/wallets/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  )
}

export function usePutRefundAddress(customerId: string) {
  return useTabMutation(customerId, ({ network, ...input }: PutRefundAddressInput & { network: string }) =>
    apiRequest<RefundAddress>(`${base(customerId)}/refund-addresses/${encodeURIComponent(network)}`, {
      method: 'PUT',
      body: input,
    }),
  )
}

export function useRemoveRefundAddress(customerId: string) {
  return useTabMutation(customerId, (network: string) =>
    apiRequest<void>(`${base(customerId)}/refund-addresses/${encodeURIComponent(network)}`, {
      method: 'DELETE',
    }),
  )
}
