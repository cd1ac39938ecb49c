import { z } from 'zod'
import type { ServiceContext } from '../../../context.js'
import { resolveSegment } from '../../segments/resolve.js'
import type { CustomerListItem, CustomerSort, ListCustomersInput } from '../schema.js'
import { decodeCursor, encodeCursor } from './cursor.js'
import { loadListActivity } from './list-activity.js'
import { customerFilters } from './list-filters.js'
import { customerOrder, orderCustomers, sortKeyColumn } from './list-order.js'
import { presentLiveCustomers, selectLiveCustomers } from './live-customers.js'

/** A cursor is only valid for the sort it was made for: the key it carries means something else elsewhere. */
function cursorSchema(sort: CustomerSort) {
  const key = customerOrder(sort).key
  const k = !key
    ? z.never().optional()
    : key.type === 'text'
      ? z.string().max(1000)
      : key.type === 'timestamptz'
        ? z.string().max(64)
        : z.string().regex(/^-?\d{1,40}(\.\d{1,40})?$/)
  return z.strictObject({ s: z.literal(sort), id: z.uuid(), k })
}

/**
 * A page of the merchant's live customers, filtered and sorted, with keyset pagination on
 * (sort key, id): each sort walks its index (list-order.ts). `q` matches the trigram-indexed `search` column.
 */
export async function listCustomers({
  ctx,
  input,
  now = new Date(),
}: {
  ctx: ServiceContext
  input: ListCustomersInput
  /** What a segment's withinLast counts back from. */
  now?: Date
}): Promise<{ data: CustomerListItem[]; nextCursor: string | null }> {
  const { sort, limit, q, status, type, tag, country, tier } = input
  // An empty cursor is the first page, as an empty `q` is no search.
  const after = input.cursor ? decodeCursor(input.cursor, cursorSchema(sort)) : undefined
  const segment = input.segmentId
    ? await resolveSegment(ctx.db, ctx.merchantId, input.segmentId, now)
    : undefined
  const order = customerOrder(sort)
  const query = orderCustomers(
    selectLiveCustomers(ctx.db, ctx.merchantId)
      .select(sortKeyColumn(order))
      .where(customerFilters({ q, status, type, tag, country, tier }))
      .$if(segment !== undefined, (qb) => qb.where((segment as NonNullable<typeof segment>).condition)),
    order,
    ctx.merchantId,
    after,
  )

  const rows = await query.limit(limit + 1).execute()
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  let nextCursor: string | null = null
  if (rows.length > limit && last) {
    const k = last.sort_key ?? undefined
    nextCursor = encodeCursor({ s: sort, id: last.id, ...(k === undefined ? {} : { k }) })
  }
  const ids = page.map((r) => r.id)
  const [customers, activity] = await Promise.all([
    presentLiveCustomers(ctx.db, ctx.merchantId, page),
    loadListActivity(ctx.db, ctx.merchantId, ids),
  ])
  const data = customers.map((c) => ({
    ...c,
    outstanding: activity.get(c.id)?.outstanding ?? [],
    lastActivityAt: activity.get(c.id)?.lastActivityAt ?? c.updatedAt,
  }))
  return { data, nextCursor }
}
