import type { PutWalletInput, Wallet } from '@coinbook/api/contracts'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiRequest } from '../../api/client'
import type { NetworkId } from '../../chains/coins'

export type { PutWalletInput, Wallet }

export async function listWallets(signal?: AbortSignal): Promise<Wallet[]> {
  return (await apiRequest<{ data: Wallet[] }>('/wallets', { signal })).data
}

/** Sets the network's watch-only key (or wallet address); a different one retires the previous. */
export function putWallet(network: NetworkId, input: PutWalletInput): Promise<Wallet> {
  return apiRequest<Wallet>(`/wallets/${encodeURIComponent(network)}`, { method: 'PUT', body: input })
}

export const walletKeys = { all: ['wallets'] as const }

export function useWallets() {
  return useQuery({ queryKey: walletKeys.all, queryFn: ({ signal }) => listWallets(signal) })
}

export function usePutWallet(network: NetworkId) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: PutWalletInput) => putWallet(network, input),
    onSuccess: (wallet) => {
      client.setQueryData<Wallet[]>(walletKeys.all, (list) => [
        ...(list ?? []).filter((w) => w.network !== wallet.network),
        wallet,
      ])
      void client.invalidateQueries({ queryKey: walletKeys.all })
    },
  })
}
