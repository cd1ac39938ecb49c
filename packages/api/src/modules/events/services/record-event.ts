import type { Transaction } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { Database } from '../../../db/database.js'
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

/** Rows per insert: 6 parameters each stays far below PostgreSQL's 65,535. */
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
    id: uuidv7(),
    merchantId: input.merchantId,
    type: input.type,
    subjectId: input.subjectId ?? null,
    createdAt: input.at ?? new Date(),
    data: input.data,
  }))
  for (let i = 0; i < events.length; i += CHUNK) {
    await trx
      .insertInto('events')
      .values(
        events.slice(i, i + CHUNK).map((e) => ({
          id: e.id,
          merchant_id: e.merchantId,
          type: e.type,
          subject_id: e.subjectId,
          data: JSON.stringify(e.data),
          created_at: e.createdAt,
        })),
      )
      .execute()
  }
  for (const subscriber of eventSubscribers) await subscriber(trx, events)
  return events
}

/** Records one domain event in the caller's transaction (see recordEvents). */
export async function recordEvent(trx: Transaction<Database>, input: RecordEventInput): Promise<DomainEvent> {
  const [event] = await recordEvents(trx, [input])
  return event as DomainEvent
}
