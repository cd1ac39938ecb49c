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
 * Claims due deliveries of enabled endpoints: locks candidates with FOR UPDATE SKIP LOCKED (so workers
 * never take the same row), keeps at most `perEndpoint` in flight per endpoint, and moves their
 * next_attempt_at forward by the lease. The claim commits before anything is sent.
 */
export async function claimDeliveries(db: Kysely<Database>, opts: ClaimOptions): Promise<ClaimedDelivery[]> {
  if (opts.limit <= 0) return []
  const scope =
    opts.merchantIds && opts.merchantIds.length > 0
      ? sql`AND d.merchant_id IN (${sql.join(opts.merchantIds.map((id) => sql`${id}::uuid`))})`
      : opts.merchantIds
        ? sql`AND false`
        : sql``
  return db.transaction().execute(async (trx) => {
    const candidates = await sql<{ id: string; endpoint_id: string }>`
      SELECT d.id, d.endpoint_id
      FROM webhook_deliveries d
      JOIN webhook_endpoints e ON e.id = d.endpoint_id
      WHERE d.status = 'pending' AND d.next_attempt_at <= now() AND e.enabled ${scope}
      ORDER BY d.next_attempt_at
      LIMIT ${opts.limit * 4}
      FOR UPDATE OF d SKIP LOCKED`.execute(trx)
    const load = new Map(opts.inFlight)
    const picked: string[] = []
    for (const c of candidates.rows) {
      if (picked.length >= opts.limit) break
      const n = load.get(c.endpoint_id) ?? 0
      if (n >= opts.perEndpoint) continue
      load.set(c.endpoint_id, n + 1)
      picked.push(c.id)
    }
    if (picked.length === 0) return []
    return trx
      .updateTable('webhook_deliveries')
      .set({ next_attempt_at: sql`now() + make_interval(secs => ${opts.leaseMs / 1000})` })
      .where('id', 'in', picked)
      .returning(['id', 'merchant_id', 'endpoint_id', 'event_id', 'event_type', 'payload', 'attempts'])
      .execute()
  })
}
