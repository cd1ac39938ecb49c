import { sql, type Transaction } from 'kysely'
import type { Database } from '../../../db/database.js'
import type { DomainEvent } from '../../events/types.js'

/**
 * The outbox writer (an event subscriber): one webhook delivery per (event, enabled endpoint of that
 * merchant subscribed to its type or to `*`), in the transaction that recorded the events. One
 * INSERT … SELECT per batch, however many events the batch has (a billing run records thousands).
 */
export async function enqueueWebhookDeliveries(
  trx: Transaction<Database>,
  events: readonly DomainEvent[],
): Promise<void> {
  if (events.length === 0) return
  const batch = JSON.stringify(events.map((e) => ({ id: e.id, merchant_id: e.merchantId, type: e.type })))
  await sql`
    INSERT INTO webhook_deliveries (id, merchant_id, endpoint_id, event_id, event_type)
    SELECT gen_random_uuid(), ev.merchant_id, ep.id, ev.id, ev.type
    FROM jsonb_to_recordset(${batch}::jsonb) AS ev(id uuid, merchant_id uuid, type text)
    JOIN webhook_endpoints ep
      ON ep.merchant_id = ev.merchant_id
     AND ep.enabled
     AND ('*' = ANY(ep.event_types) OR ev.type = ANY(ep.event_types))
    ON CONFLICT (endpoint_id, event_id) DO NOTHING`.execute(trx)
}
