import type { ApiKey, CreateApiKeyInput, CreatedApiKey } from '@coinbook/api/contracts'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { apiRequest } from '../../api/client'

export type { ApiKey, CreatedApiKey }

export async function listApiKeys(signal?: AbortSignal): Promise<ApiKey[]> {
  return (await apiRequest<{ data: ApiKey[] }>('/api-keys', { signal })).data
}

export function createApiKey(input: CreateApiKeyInput): Promise<CreatedApiKey> {
  return apiRequest<CreatedApiKey>('/api-keys', { method: 'POST', body: input })
}

export function revokeApiKey(id: string): Promise<void> {
  return apiRequest<void>(`/api-keys/${encodeURIComponent(id)}`, { method: 'DELETE' })
}

const apiKeysKey = ['api-keys'] as const

export function useApiKeys() {
  return useQuery({ queryKey: apiKeysKey, queryFn: ({ signal }) => listApiKeys(signal) })
}

export function useCreateApiKey() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: createApiKey,
    onSuccess: () => client.invalidateQueries({ queryKey: apiKeysKey }),
  })
}

export function useRevokeApiKey() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: revokeApiKey,
    onSuccess: () => client.invalidateQueries({ queryKey: apiKeysKey }),
  })
}
