import type {
  CreateWebhookEndpointInput,
  ListWebhookDeliveriesInput,
  UpdateWebhookEndpointInput,
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryDetail,
  WebhookDeliveryList,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
  WebhookEventType,
} from '@coinbook/api/contracts'
import { apiRequest } from '../../api/client'

export type {
  CreateWebhookEndpointInput,
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryDetail,
  WebhookDeliveryList,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
  WebhookEventType,
}
export type DeliveryStatus = WebhookDelivery['status']

/**
 * Every event type an endpoint can subscribe to, grouped as the picker shows them. The API's list is
 * type-only here (contracts pull no server code), so the compiler checks this one against it both ways:
 * a type added to the API and missing here fails the dashboard's typecheck.
 */
export const EVENT_GROUPS = [
  {
    label: 'Customers',
    types: ['customer.created', 'customer.updated', 'customer.merged', 'customer.deleted'],
  },
  {
    label: 'Payments',
    types: ['payment.detected', 'payment.confirmed', 'payment.reorged', 'payment.failed', 'payment.refunded'],
  },
  {
    label: 'Invoices',
    types: [
      'invoice.created',
      'invoice.sent',
      'invoice.partially_paid',
      'invoice.paid',
      'invoice.overpaid',
      'invoice.overdue',
      'invoice.voided',
    ],
  },
  {
    label: 'Subscriptions',
    types: ['subscription.created', 'subscription.renewed', 'subscription.past_due', 'subscription.canceled'],
  },
  { label: 'Imports', types: ['import.completed'] },
  { label: 'Payment links', types: ['payment_link.created', 'payment_link.updated', 'payment_link.used'] },
] as const satisfies readonly { label: string; types: readonly WebhookEventType[] }[]

type ListedType = (typeof EVENT_GROUPS)[number]['types'][number]
/** `true` only when every API event type is listed above. */
type EveryTypeListed = [Exclude<WebhookEventType, ListedType>] extends [never] ? true : never
export const EVERY_TYPE_LISTED: EveryTypeListed = true

export const EVENT_TYPES: readonly WebhookEventType[] = EVENT_GROUPS.flatMap((g) => g.types)

const base = '/webhook-endpoints'
const one = (id: string) => `${base}/${encodeURIComponent(id)}`

export async function listEndpoints(signal?: AbortSignal): Promise<WebhookEndpoint[]> {
  return (await apiRequest<{ data: WebhookEndpoint[] }>(base, { signal })).data
}

export function getEndpoint(id: string, signal?: AbortSignal): Promise<WebhookEndpoint> {
  return apiRequest<WebhookEndpoint>(one(id), { signal })
}

export function createEndpoint(input: CreateWebhookEndpointInput): Promise<WebhookEndpointWithSecret> {
  return apiRequest<WebhookEndpointWithSecret>(base, { method: 'POST', body: input })
}

export function updateEndpoint(id: string, input: UpdateWebhookEndpointInput): Promise<WebhookEndpoint> {
  return apiRequest<WebhookEndpoint>(one(id), { method: 'PATCH', body: input })
}

export function deleteEndpoint(id: string): Promise<void> {
  return apiRequest<void>(one(id), { method: 'DELETE' })
}

export function rotateSecret(id: string): Promise<WebhookEndpointWithSecret> {
  return apiRequest<WebhookEndpointWithSecret>(`${one(id)}/rotate-secret`, { method: 'POST' })
}

export function sendTestEvent(id: string): Promise<WebhookDeliveryDetail> {
  return apiRequest<WebhookDeliveryDetail>(`${one(id)}/test`, { method: 'POST' })
}

export type ListDeliveriesParams = Partial<Omit<ListWebhookDeliveriesInput, 'limit'>> & { limit?: number }

export function listDeliveries(
  endpointId: string,
  params: ListDeliveriesParams,
  signal?: AbortSignal,
): Promise<WebhookDeliveryList> {
  return apiRequest<WebhookDeliveryList>(`${one(endpointId)}/deliveries`, { query: { ...params }, signal })
}

export function getDelivery(
  endpointId: string,
  deliveryId: string,
  signal?: AbortSignal,
): Promise<WebhookDeliveryDetail> {
  return apiRequest<WebhookDeliveryDetail>(
    `${one(endpointId)}/deliveries/${encodeURIComponent(deliveryId)}`,
    { signal },
  )
}

export function replayDelivery(endpointId: string, deliveryId: string): Promise<WebhookDeliveryDetail> {
  return apiRequest<WebhookDeliveryDetail>(
    `${one(endpointId)}/deliveries/${encodeURIComponent(deliveryId)}/replay`,
    { method: 'POST' },
  )
}
