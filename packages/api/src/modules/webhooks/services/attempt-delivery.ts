import { type Kysely, type Selectable, sql } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { Config } from '../../../config.js'
import type { Executor } from '../../../context.js'
import type {
  Database,
  WebhookAttemptTrigger,
  WebhookDeliveriesTable,
  WebhookEndpointsTable,
} from '../../../db/database.js'
import { logger } from '../../../observability/logger.js'
import { addressPolicy, RefusedUrlError, resolveWebhookTarget } from '../address-policy.js'
import { notifyEndpointDisabled } from '../notify.js'
import { DISABLE_AFTER_FAILING_MS, nextRetryDelayMs, RETRY_SCHEDULE_MS } from '../retry-schedule.js'
import { openSecret, signPayload } from '../secrets.js'
import { DELIVERY_TIMEOUT_MS, type SendResult, sendWebhook } from '../send.js'

export type ClaimedDelivery = Pick<
  Selectable<WebhookDeliveriesTable>,
  'id' | 'merchant_id' | 'endpoint_id' | 'event_id' | 'event_type' | 'payload' | 'attempts'
>
export type DeliveryEndpoint = Selectable<WebhookEndpointsTable>

export interface DispatchDeps {
  db: Kysely<Database>
  config: Pick<Config, 'WEBHOOKS_ALLOW_PRIVATE' | 'WEBHOOKS_SECRET_KEY' | 'NODE_ENV'>
}

export interface AttemptOptions {
  trigger: WebhookAttemptTrigger
  /** The retry schedule; tests shorten it, production uses the specification's. */
  retryScheduleMs?: readonly number[]
  timeoutMs?: number
}

/** The bodies of claimed deliveries: `{id, type, createdAt, data}`, the event id being the webhook-id. */
export async function loadBodies(db: Executor, deliveries: readonly ClaimedDelivery[]) {
  const bodies = new Map<string, string>()
  const fromEvents = deliveries.filter((d) => !d.payload).map((d) => d.event_id)
  const events = fromEvents.length
    ? await db
        .selectFrom('events')
        .select(['id', 'type', 'created_at', 'data'])
        .where('id', 'in', [...new Set(fromEvents)])
        .execute()
    : []
  const byId = new Map(events.map((e) => [e.id, e]))
  for (const d of deliveries) {
    if (d.payload) {
      bodies.set(d.id, JSON.stringify(d.payload))
      continue
    }
    const e = byId.get(d.event_id)
    if (e) {
      bodies.set(
        d.id,
        JSON.stringify({ id: e.id, type: e.type, createdAt: e.created_at.toISOString(), data: e.data }),
      )
    }
  }
  return bodies
}

/** The Standard Webhooks headers: during a rotation's overlap both secrets sign, space-separated. */
export function signatureHeaders(
  endpoint: DeliveryEndpoint,
  secretKey: string | undefined,
  id: string,
  body: string,
  now = new Date(),
): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000)
  const secrets = [openSecret(endpoint.secret, secretKey)]
  if (
    endpoint.previous_secret &&
    endpoint.previous_secret_expires_at &&
    endpoint.previous_secret_expires_at > now
  ) {
    secrets.push(openSecret(endpoint.previous_secret, secretKey))
  }
  return {
    'content-type': 'application/json',
    'user-agent': 'Coinbook-Webhooks/1',
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': secrets.map((s) => signPayload(s, id, timestamp, body)).join(' '),
  }
}

/**
 * One attempt at a delivery the caller holds (claimed by the dispatcher, or taken for a replay): checks
 * the URL again after resolving it, signs, sends, and records the attempt and its consequences.
 */
export async function attemptDelivery(
  deps: DispatchDeps,
  delivery: ClaimedDelivery,
  endpoint: DeliveryEndpoint,
  body: string | undefined,
  opts: AttemptOptions,
): Promise<SendResult> {
  const startedAt = new Date()
  let result: SendResult
  try {
    if (body === undefined) throw new Error('The event of this delivery no longer exists')
    const target = await resolveWebhookTarget(endpoint.url, addressPolicy(deps.config))
    const headers = signatureHeaders(endpoint, deps.config.WEBHOOKS_SECRET_KEY, delivery.event_id, body)
    result = await sendWebhook(target, headers, body, opts.timeoutMs ?? DELIVERY_TIMEOUT_MS)
  } catch (err) {
    const message =
      err instanceof RefusedUrlError
        ? `Refused: ${err.message}`
        : err instanceof Error
          ? err.message
          : String(err)
    result = {
      statusCode: null,
      ok: false,
      latencyMs: Date.now() - startedAt.getTime(),
      excerpt: null,
      error: message,
    }
  }
  await recordAttempt(deps.db, delivery, endpoint, result, startedAt, opts)
  return result
}

async function recordAttempt(
  db: Kysely<Database>,
  delivery: ClaimedDelivery,
  endpoint: DeliveryEndpoint,
  result: SendResult,
  startedAt: Date,
  opts: AttemptOptions,
) {
  const attempt = delivery.attempts + 1
  const delay = result.ok ? null : nextRetryDelayMs(attempt, opts.retryScheduleMs ?? RETRY_SCHEDULE_MS)
  const status = result.ok ? 'succeeded' : delay === null ? 'failed' : 'pending'
  const error = result.error?.slice(0, 1000) ?? null
  const writeDelivery = (ex: Executor) =>
    sql`
    WITH attempt AS (
      INSERT INTO webhook_attempts (id, delivery_id, attempt, trigger, started_at, status_code, latency_ms, response_excerpt, error)
      VALUES (${uuidv7()}, ${delivery.id}, ${attempt}, ${opts.trigger}, ${startedAt}, ${result.statusCode},
              ${result.latencyMs}, ${result.excerpt}, ${error})
    )
    UPDATE webhook_deliveries SET
      status = ${status},
      attempts = attempts + 1,
      next_attempt_at = now() + make_interval(secs => ${(delay ?? 0) / 1000}),
      last_status_code = ${result.statusCode},
      last_error = ${error},
      delivered_at = ${result.ok ? sql`now()` : sql`delivered_at`}
    WHERE id = ${delivery.id}`.execute(ex)

  if (result.ok) {
    await writeDelivery(db)
    if (endpoint.failing_since) {
      await db
        .updateTable('webhook_endpoints')
        .set({ failing_since: null })
        .where('id', '=', endpoint.id)
        .execute()
    }
    return
  }
  const gone = result.statusCode === 410
  const reason = gone
    ? 'The endpoint answered 410 Gone'
    : `Every delivery failed for ${DISABLE_AFTER_FAILING_MS / 86_400_000} days`
  // The endpoint first, in one transaction with the delivery: a retry due at once cannot be claimed
  // before a 410 has disabled its endpoint.
  const disable = sql`(${gone} OR coalesce(failing_since < now() - make_interval(secs => ${DISABLE_AFTER_FAILING_MS / 1000}), false))`
  const disabled = await db.transaction().execute(async (trx) => {
    // Disabled by this statement exactly when it was enabled before (the WHERE) and is not any more.
    const r = await sql<{ enabled: boolean }>`
    UPDATE webhook_endpoints SET
      failing_since = coalesce(failing_since, now()),
      enabled = NOT (${disable}),
      disabled_reason = CASE WHEN ${disable}
        THEN ${reason} ELSE disabled_reason END,
      disabled_at = CASE WHEN ${disable}
        THEN now() ELSE disabled_at END,
      updated_at = now()
    WHERE id = ${endpoint.id} AND enabled
    RETURNING enabled`.execute(trx)
    await writeDelivery(trx)
    if (r.rows[0]?.enabled !== false) return false
    await notifyEndpointDisabled(trx, endpoint, reason)
    return true
  })
  if (disabled) {
    logger.warn(
      { endpointId: endpoint.id, merchantId: endpoint.merchant_id, reason },
      'webhook endpoint disabled',
    )
  }
}
