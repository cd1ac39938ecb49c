import type { NetworkStatus } from '@coinbook/api/contracts'
import { useQuery } from '@tanstack/react-query'
import { apiRequest } from '../../api/client'

export type { NetworkStatus }

export async function listNetworkStatus(signal?: AbortSignal): Promise<NetworkStatus[]> {
  return (await apiRequest<{ data: NetworkStatus[] }>('/status/networks', { signal })).data
}

/** Each network's health, refreshed while the page is open (the server reuses node answers for 10 s). */
export function useNetworkStatus() {
  return useQuery({
    queryKey: ['status', 'networks'],
    queryFn: ({ signal }) => listNetworkStatus(signal),
    refetchInterval: 15_000,
  })
}
