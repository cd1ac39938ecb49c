import { type Kysely, type Selectable, sql } from 'kysely'
import type { Config } from '../../../config.js'
import type { Executor } from '../../../context.js'
import type {
  Database,
  WebhookAttemptTrigger,
  WebhookDeliveriesTable,
  WebhookEndpointsTable,
} from '../../../db/database.js'
import { newId } from '../../../db/ids.js'
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

/** An attempt that has ended and is to be recorded. */
export interface EndedAttempt {
  delivery: ClaimedDelivery
  endpoint: DeliveryEndpoint
  result: SendResult
  startedAt: Date
}

/**
 * One attempt at a delivery the caller holds (claimed by the dispatcher, or taken for a replay): checks
 * the URL again after resolving it, signs and sends. Records nothing: see {@link recordAttempts}.
 */
export async function sendAttempt(
  deps: DispatchDeps,
  delivery: ClaimedDelivery,
  endpoint: DeliveryEndpoint,
  body: string | undefined,
  opts: Pick<AttemptOptions, 'timeoutMs'>,
): Promise<EndedAttempt> {
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
  return { delivery, endpoint, result, startedAt }
}

/** One attempt, sent and recorded (a replay, a test event). */
export async function attemptDelivery(
  deps: DispatchDeps,
  delivery: ClaimedDelivery,
  endpoint: DeliveryEndpoint,
  body: string | undefined,
  opts: AttemptOptions,
): Promise<SendResult> {
  const ended = await sendAttempt(deps, delivery, endpoint, body, opts)
  await recordAttempts(deps.db, [ended], opts)
  return ended.result
}

/**
 * Records ended attempts: every success of the batch in one statement (its attempts inserted, its
 * deliveries marked succeeded, its endpoints' failing_since cleared), each failure in its own
 * transaction with its endpoint (retry schedule, 410 and 5-days disabling, the owner's email).
 */
export async function recordAttempts(
  db: Kysely<Database>,
  attempts: readonly EndedAttempt[],
  opts: AttemptOptions,
): Promise<void> {
  const successes = attempts.filter((a) => a.result.ok)
  const failures = attempts.filter((a) => !a.result.ok)
  await Promise.all([
    successes.length > 0 ? recordSuccesses(db, successes, opts.trigger) : undefined,
    ...failures.map((a) => recordFailure(db, a, opts)),
  ])
}

async function recordSuccesses(
  db: Kysely<Database>,
  attempts: readonly EndedAttempt[],
  trigger: WebhookAttemptTrigger,
) {
  const rows = attempts.map(
    ({ delivery, result, startedAt }) =>
      sql`(${newId()}::uuid, ${delivery.id}::uuid, ${delivery.attempts + 1}::int, ${startedAt}::timestamptz,
           ${result.statusCode}::int, ${result.latencyMs}::int, ${result.excerpt}::text, ${result.error?.slice(0, 1000) ?? null}::text)`,
  )
  const endpointIds = [...new Set(attempts.map((a) => a.endpoint.id))]
  await sql`
    WITH input (attempt_id, delivery_id, attempt, started_at, status_code, latency_ms, excerpt, error) AS (
      VALUES ${sql.join(rows)}
    ),
    -- Updated first, attempts from what was updated: a delivery deleted with its endpoint meanwhile is
    -- skipped rather than failing the whole batch on the foreign key.
    deliveries AS (
      UPDATE webhook_deliveries d SET
        status = 'succeeded',
        attempts = d.attempts + 1,
        next_attempt_at = now(),
        last_status_code = i.status_code,
        last_error = i.error,
        delivered_at = now()
      FROM input i
      WHERE d.id = i.delivery_id
      RETURNING i.*
    ),
    attempts AS (
      INSERT INTO webhook_attempts (id, delivery_id, attempt, trigger, started_at, status_code, latency_ms, response_excerpt, error)
      SELECT attempt_id, delivery_id, attempt, ${trigger}, started_at, status_code, latency_ms, excerpt, error
      FROM deliveries
    )
    UPDATE webhook_endpoints SET failing_since = NULL
    WHERE id IN (${sql.join(endpointIds.map((id) => sql`${id}::uuid`))}) AND failing_since IS NOT NULL`.execute(
    db,
  )
}

async function recordFailure(
  db: Kysely<Database>,
  { delivery, endpoint, result, startedAt }: EndedAttempt,
  opts: AttemptOptions,
) {
  const attempt = delivery.attempts + 1
  const delay = nextRetryDelayMs(attempt, opts.retryScheduleMs ?? RETRY_SCHEDULE_MS)
  const status = delay === null ? 'failed' : 'pending'
  const error = result.error?.slice(0, 1000) ?? null
  const writeDelivery = (ex: Executor) =>
    sql`
    WITH attempt AS (
      INSERT INTO webhook_attempts (id, delivery_id, attempt, trigger, started_at, status_code, latency_ms, response_excerpt, error)
      VALUES (${newId()}, ${delivery.id}, ${attempt}, ${opts.trigger}, ${startedAt}, ${result.statusCode},
              ${result.latencyMs}, ${result.excerpt}, ${error})
    )
    UPDATE webhook_deliveries SET
      status = ${status},
      attempts = attempts + 1,
      next_attempt_at = now() + make_interval(secs => ${(delay ?? 0) / 1000}),
      last_status_code = ${result.statusCode},
      last_error = ${error}
    WHERE id = ${delivery.id}`.execute(ex)

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
