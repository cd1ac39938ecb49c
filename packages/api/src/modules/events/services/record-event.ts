import { sql, type Transaction } from 'kysely'
import type { Database } from '../../../db/database.js'
import { newId } from '../../../db/ids.js'
import { eventSubscribers } from '../subscribers.js'
import type { DomainEvent, EventType } from '../types.js'

export interface RecordEventInput {
  merchantId: string
  type: EventType
  /** The resource the event is about (customer, payment, invoice, subscription, import). */
  subjectId?: string | null
  data: Record<string, unknown>
  at?: Date
}

/** Rows per insert. */
const CHUNK = 1000

/**
 * Records domain events in the caller's transaction and lets every subscriber react in it: an event, its
 * webhook deliveries and its messages exist exactly when the change they describe does. Batch callers (the
 * billing run) pass many at once so subscribers can work set-wise.
 */
export async function recordEvents(
  trx: Transaction<Database>,
  inputs: readonly RecordEventInput[],
): Promise<DomainEvent[]> {
  if (inputs.length === 0) return []
  const events: DomainEvent[] = inputs.map((input) => ({
    id: newId(),
    merchantId: input.merchantId,
    type: input.type,
    subjectId: input.subjectId ?? null,
    createdAt: input.at ?? new Date(),
    data: input.data,
  }))
  // One JSON document a chunk, not six parameters a row: a scan's thousand events parse and plan as one small
  // statement, and each event's data is parsed once, as part of the document. (As a text[] of JSON texts, every
  // quote in the data was escaped in JavaScript and unescaped again by array_in: 1,000 payment events took
  // 34-39 ms that way against 25-27 ms as one document, on PostgreSQL 15.)
  for (let i = 0; i < events.length; i += CHUNK) {
    const rows = JSON.stringify(
      events.slice(i, i + CHUNK).map((e) => ({
        id: e.id,
        merchant_id: e.merchantId,
        type: e.type,
        subject_id: e.subjectId,
        data: e.data,
        created_at: e.createdAt.toISOString(),
      })),
    )
    await sql`insert into events (id, merchant_id, type, subject_id, data, created_at)
      select v.id, v.merchant_id, v.type, v.subject_id, v.data, v.created_at
      from jsonb_to_recordset(${rows}::jsonb) as v(id uuid, merchant_id uuid, type text, subject_id uuid,
        data jsonb, created_at timestamptz)`.execute(trx)
  }
  for (const subscriber of eventSubscribers) await subscriber(trx, events)
  return events
}

/** Records one domain event in the caller's transaction (see recordEvents). */
export async function recordEvent(trx: Transaction<Database>, input: RecordEventInput): Promise<DomainEvent> {
  const [event] = await recordEvents(trx, [input])
  return event as DomainEvent
}
