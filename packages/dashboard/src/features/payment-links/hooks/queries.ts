import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  type CreatePaymentLinkInput,
  createPaymentLink,
  listPaymentLinks,
  listPaymentLinkUses,
  type PaymentLinkStatus,
  updatePaymentLink,
} from '../api'

export function usePaymentLinks(status?: PaymentLinkStatus) {
  return useQuery({
    queryKey: ['payment-links', 'list', status ?? 'all'],
    queryFn: ({ signal }) => listPaymentLinks(status ? { status } : {}, signal),
    placeholderData: keepPreviousData,
  })
}

/** The payers of one link (GET /payment-links/{id}/uses); nothing is fetched while id is null. */
export function usePaymentLinkUses(id: string | null) {
  return useQuery({
    queryKey: ['payment-links', 'uses', id],
    queryFn: ({ signal }) => listPaymentLinkUses(id as string, signal),
    enabled: id !== null,
  })
}

export function useCreatePaymentLink() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: CreatePaymentLinkInput) => createPaymentLink(input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['payment-links'] }),
  })
}

/** Disable (true) or enable (false) a link. */
export function useSetPaymentLinkDisabled() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, disabled }: { id: string; disabled: boolean }) => updatePaymentLink(id, { disabled }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['payment-links'] }),
  })
}
