import type { Selectable } from 'kysely'
import type { ServiceContext } from '../../../context.js'
import type { EventsTable } from '../../../db/database.js'
import { NotFoundError } from '../../../errors.js'
import type { EventDto, ListEventsInput } from '../schema.js'
import type { EventType } from '../types.js'

function presentEvent(row: Selectable<EventsTable>): EventDto {
  return {
    id: row.id,
    type: row.type as EventType,
    subjectId: row.subject_id,
    createdAt: row.created_at.toISOString(),
    data: row.data,
  }
}

/** The merchant's events, newest first (ids are UUIDv7, so id order is time order); keyset pages. */
export async function listEvents({ ctx, input }: { ctx: ServiceContext; input: ListEventsInput }) {
  let q = ctx.db.selectFrom('events').selectAll().where('merchant_id', '=', ctx.merchantId)
  if (input.type) q = q.where('type', '=', input.type)
  if (input.subjectId) q = q.where('subject_id', '=', input.subjectId)
  if (input.cursor) q = q.where('id', '<', input.cursor)
  const rows = await q
    .orderBy('id', 'desc')
    .limit(input.limit + 1)
    .execute()
  const page = rows.slice(0, input.limit)
  return {
    data: page.map(presentEvent),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  }
}

/** One of the merchant's events; another merchant's is not found. */
export async function getEvent({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<EventDto> {
  const row = await ctx.db
    .selectFrom('events')
    .selectAll()
    .where('merchant_id', '=', ctx.merchantId)
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) throw new NotFoundError('Event', id)
  return presentEvent(row)
}
