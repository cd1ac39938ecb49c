import type { CreateDepositTargetInput, DepositTarget } from '@coinbook/api/contracts'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiRequest } from '../../api/client'
import { isProblem } from '../../api/problem'

export type { CreateDepositTargetInput, DepositTarget }

/** A deposit address as listed: without the payment URI and QR code, which depend on the asset. */
export type DepositAddress = Omit<DepositTarget, 'uri' | 'qrSvg' | 'asset'>

export async function listDepositTargets(
  customerId: string,
  signal?: AbortSignal,
): Promise<DepositAddress[]> {
  const res = await apiRequest<{ data: DepositAddress[] }>(
    `/customers/${encodeURIComponent(customerId)}/deposit-targets`,
    { signal },
  )
  return res.data
}

/**
 * The customer's address on a network with its payment URI and QR code: the current one (stable), a new one
 * (`fresh`), or an existing address attached (`address`).
 */
export function createDepositTarget(
  customerId: string,
  input: CreateDepositTargetInput,
): Promise<DepositTarget> {
  return apiRequest<DepositTarget>(`/customers/${encodeURIComponent(customerId)}/deposit-targets`, {
    method: 'POST',
    body: input,
  })
}

export const depositKeys = {
  list: (customerId: string) => ['deposit-targets', customerId] as const,
}

export function useDepositTargets(customerId: string) {
  return useQuery({
    queryKey: depositKeys.list(customerId),
    queryFn: ({ signal }) => listDepositTargets(customerId, signal),
  })
}

export function useCreateDepositTarget(customerId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: CreateDepositTargetInput) => createDepositTarget(customerId, input),
    onSuccess: () => client.invalidateQueries({ queryKey: depositKeys.list(customerId) }),
  })
}

/** Whether the API refused because the network has no wallet yet (409 conflict, `missing: "wallet"`). */
export function isMissingWallet(error: unknown): boolean {
  return isProblem(error, 'conflict') && error.problem.missing === 'wallet'
}
