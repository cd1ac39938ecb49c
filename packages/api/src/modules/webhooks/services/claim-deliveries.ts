import { type Kysely, sql } from 'kysely'
import type { Database } from '../../../db/database.js'
import type { ClaimedDelivery } from './attempt-delivery.js'

export interface ClaimOptions {
  limit: number
  /** How long a claim holds: a worker that dies mid-delivery loses its claim after this. */
  leaseMs: number
  /** Deliveries in flight per endpoint already (this process); an endpoint at `perEndpoint` gets none. */
  inFlight: ReadonlyMap<string, number>
  perEndpoint: number
  /** Only these merchants' deliveries (tests share one database). */
  merchantIds?: readonly string[] | undefined
}

/**
 * Claims due deliveries of enabled endpoints, fairly across endpoints: for each enabled endpoint a LATERAL
 * subquery locks its oldest due deliveries (FOR UPDATE SKIP LOCKED, so workers never take the same row),
 * at most the room it has left under `perEndpoint` given what this process already has in flight; the
 * oldest of all those, up to `limit`, are claimed and their next_attempt_at moves forward by the lease.
 * One endpoint's backlog therefore never fills a claim on its own. The claim commits before anything is
 * sent.
 */
export async function claimDeliveries(db: Kysely<Database>, opts: ClaimOptions): Promise<ClaimedDelivery[]> {
  if (opts.limit <= 0) return []
  const scope =
    opts.merchantIds && opts.merchantIds.length > 0
      ? sql`AND e.merchant_id IN (${sql.join(opts.merchantIds.map((id) => sql`${id}::uuid`))})`
      : opts.merchantIds
        ? sql`AND false`
        : sql``
  const busy = [...opts.inFlight].filter(([, n]) => n > 0)
  // What this process has in flight per endpoint; an endpoint at the cap gets LIMIT 0.
  const load =
    busy.length > 0
      ? sql`LEFT JOIN (VALUES ${sql.join(busy.map(([id, n]) => sql`(${id}::uuid, ${n}::int)`))}) f (endpoint_id, n) ON f.endpoint_id = e.id`
      : sql`LEFT JOIN (SELECT NULL::uuid AS endpoint_id, 0 AS n) f ON false`
  const room = Math.min(opts.perEndpoint, opts.limit)
  return db.transaction().execute(async (trx) => {
    const candidates = await sql<{ id: string }>`
      SELECT c.id
      FROM webhook_endpoints e
      ${load}
      CROSS JOIN LATERAL (
        SELECT d.id, d.next_attempt_at
        FROM webhook_deliveries d
        WHERE d.endpoint_id = e.id AND d.status = 'pending' AND d.next_attempt_at <= now()
        ORDER BY d.next_attempt_at
        LIMIT least(${room}::int, greatest(${opts.perEndpoint}::int - coalesce(f.n, 0), 0))
        FOR UPDATE OF d SKIP LOCKED
      ) c
      WHERE e.enabled ${scope}
      ORDER BY c.next_attempt_at
      LIMIT ${opts.limit}`.execute(trx)
    const picked = candidates.rows.map((c) => c.id)
    if (picked.length === 0) return []
    return trx
      .updateTable('webhook_deliveries')
      .set({ next_attempt_at: sql`now() + make_interval(secs => ${opts.leaseMs / 1000})` })
      .where('id', 'in', picked)
      .returning(['id', 'merchant_id', 'endpoint_id', 'event_id', 'event_type', 'payload', 'attempts'])
      .execute()
  })
}
