import type { Selectable } from 'kysely'
import type { Config } from '../../../config.js'
import type {
  WebhookAttemptsTable,
  WebhookDeliveriesTable,
  WebhookEndpointsTable,
} from '../../../db/database.js'
import { UnprocessableError } from '../../../errors.js'
import { addressPolicy, RefusedUrlError, resolveWebhookTarget } from '../address-policy.js'
import type { DeliveryDto, EndpointDto } from '../schema.js'

export function presentEndpoint(row: Selectable<WebhookEndpointsTable>): EndpointDto {
  const overlap = row.previous_secret_expires_at && row.previous_secret_expires_at > new Date()
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.event_types,
    enabled: row.enabled,
    disabledReason: row.enabled ? null : row.disabled_reason,
    disabledAt: row.enabled ? null : (row.disabled_at?.toISOString() ?? null),
    failingSince: row.failing_since?.toISOString() ?? null,
    previousSecretExpiresAt: overlap ? (row.previous_secret_expires_at?.toISOString() ?? null) : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }
}

export function presentDelivery(row: Selectable<WebhookDeliveriesTable>): DeliveryDto {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    eventId: row.event_id,
    eventType: row.event_type,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at.toISOString() : null,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    createdAt: row.created_at.toISOString(),
    deliveredAt: row.delivered_at?.toISOString() ?? null,
  }
}

export function presentAttempt(row: Selectable<WebhookAttemptsTable>) {
  return {
    id: row.id,
    attempt: row.attempt,
    trigger: row.trigger,
    startedAt: row.started_at.toISOString(),
    statusCode: row.status_code,
    latencyMs: row.latency_ms,
    responseExcerpt: row.response_excerpt,
    error: row.error,
  }
}

/** Refuses, as a 422 that says why, a URL webhooks may not be sent to (see address-policy.ts). */
export async function assertDeliverableUrl(
  url: string,
  config: Pick<Config, 'WEBHOOKS_ALLOW_PRIVATE' | 'NODE_ENV'>,
): Promise<void> {
  try {
    await resolveWebhookTarget(url, addressPolicy(config))
  } catch (err) {
    if (!(err instanceof RefusedUrlError)) throw err
    throw new UnprocessableError(err.message, {
      reason: err.reason,
      ...(err.address ? { address: err.address } : {}),
    })
  }
}
