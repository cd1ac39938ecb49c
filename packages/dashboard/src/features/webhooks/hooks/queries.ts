import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  createEndpoint,
  deleteEndpoint,
  getDelivery,
  getEndpoint,
  type ListDeliveriesParams,
  listDeliveries,
  listEndpoints,
  replayDelivery,
  rotateSecret,
  sendTestEvent,
  updateEndpoint,
} from '../api'

export const webhookKeys = {
  all: ['webhooks'] as const,
  endpoints: ['webhooks', 'endpoints'] as const,
  endpoint: (id: string) => ['webhooks', 'endpoint', id] as const,
  deliveries: (id: string) => ['webhooks', 'deliveries', id] as const,
  deliveryList: (id: string, params: ListDeliveriesParams) =>
    ['webhooks', 'deliveries', id, 'list', params] as const,
  delivery: (id: string, deliveryId: string) => ['webhooks', 'deliveries', id, 'detail', deliveryId] as const,
}

export function useEndpoints() {
  return useQuery({ queryKey: webhookKeys.endpoints, queryFn: ({ signal }) => listEndpoints(signal) })
}

export function useEndpoint(id: string) {
  return useQuery({ queryKey: webhookKeys.endpoint(id), queryFn: ({ signal }) => getEndpoint(id, signal) })
}

export function useCreateEndpoint() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: createEndpoint,
    onSuccess: () => qc.invalidateQueries({ queryKey: webhookKeys.endpoints }),
  })
}

/** Enable, disable, or change the events of an endpoint. */
export function useUpdateEndpoint(id: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: Parameters<typeof updateEndpoint>[1]) => updateEndpoint(id, input),
    onSuccess: (endpoint) => {
      qc.setQueryData(webhookKeys.endpoint(id), endpoint)
      return qc.invalidateQueries({ queryKey: webhookKeys.endpoints })
    },
  })
}

export function useDeleteEndpoint() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: deleteEndpoint,
    onSuccess: (_, id) => {
      qc.removeQueries({ queryKey: webhookKeys.endpoint(id) })
      return qc.invalidateQueries({ queryKey: webhookKeys.endpoints })
    },
  })
}

export function useRotateSecret(id: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: () => rotateSecret(id),
    onSuccess: ({ secret: _secret, ...endpoint }) => {
      qc.setQueryData(webhookKeys.endpoint(id), endpoint)
      return qc.invalidateQueries({ queryKey: webhookKeys.endpoints })
    },
  })
}

export function useSendTestEvent(id: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: () => sendTestEvent(id),
    onSuccess: () => qc.invalidateQueries({ queryKey: webhookKeys.deliveries(id) }),
  })
}

export function useDeliveries(endpointId: string, params: ListDeliveriesParams) {
  return useQuery({
    queryKey: webhookKeys.deliveryList(endpointId, params),
    queryFn: ({ signal }) => listDeliveries(endpointId, params, signal),
    placeholderData: keepPreviousData,
  })
}

export function useDelivery(endpointId: string, deliveryId: string | null) {
  return useQuery({
    queryKey: webhookKeys.delivery(endpointId, deliveryId ?? ''),
    queryFn: ({ signal }) => getDelivery(endpointId, deliveryId as string, signal),
    enabled: Boolean(deliveryId),
  })
}

export function useReplayDelivery(endpointId: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (deliveryId: string) => replayDelivery(endpointId, deliveryId),
    onSuccess: (detail) => {
      qc.setQueryData(webhookKeys.delivery(endpointId, detail.id), detail)
      return qc.invalidateQueries({ queryKey: webhookKeys.deliveries(endpointId) })
    },
  })
}
