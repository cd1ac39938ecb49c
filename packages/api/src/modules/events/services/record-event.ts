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
  // Six arrays, not six parameters a row: a scan's thousand events parse and plan as one small statement.
  for (let i = 0; i < events.length; i += CHUNK) {
    const chunk = events.slice(i, i + CHUNK)
    await sql`insert into events (id, merchant_id, type, subject_id, data, created_at)
      select v.id, v.merchant_id, v.type, v.subject_id, v.data::jsonb, v.created_at
      from unnest(${chunk.map((e) => e.id)}::uuid[], ${chunk.map((e) => e.merchantId)}::uuid[],
        ${chunk.map((e) => e.type)}::text[], ${chunk.map((e) => e.subjectId)}::uuid[],
        ${chunk.map((e) => JSON.stringify(e.data))}::text[], ${chunk.map((e) => e.createdAt.toISOString())}::timestamptz[])
        as v(id, merchant_id, type, subject_id, data, created_at)`.execute(trx)
  }
  for (const subscriber of eventSubscribers) await subscriber(trx, events)
  return events
}

/** Records one domain event in the caller's transaction (see recordEvents). */
export async function recordEvent(trx: Transaction<Database>, input: RecordEventInput): Promise<DomainEvent> {
  const [event] = await recordEvents(trx, [input])
  return event as DomainEvent
}
