import { sql } from 'kysely'
import { z } from 'zod'
import type { ServiceContext } from '../../../context.js'
import type { CustomerDto, CustomerSort, ListCustomersInput } from '../schema.js'
import { decodeCursor, encodeCursor } from './cursor.js'
import { customerFilters } from './list-filters.js'
import { presentLiveCustomers, selectLiveCustomers } from './live-customers.js'

/** A cursor is only valid for the sort it was made for: the key it carries means something else elsewhere. */
function cursorSchema(sort: CustomerSort) {
  const key = sort.endsWith('name')
    ? z.string().max(1000)
    : sort.endsWith('lifetimeValue')
      ? z.string().regex(/^-?\d{1,40}(\.\d{1,40})?$/)
      : z.never().optional()
  return z.strictObject({ s: z.literal(sort), id: z.uuid(), k: key })
}

/**
 * A page of the merchant's live customers, filtered and sorted, with keyset pagination on
 * (sort key, id). Each sort walks an index from 0001: customers_list_idx for createdAt (ids are
 * UUIDv7, so id order is creation order), customers_name_idx for name, customer_stats_ltv_idx for
 * lifetimeValue. `q` matches the trigram-indexed `search` column.
 */
export async function listCustomers({
  ctx,
  input,
}: {
  ctx: ServiceContext
  input: ListCustomersInput
}): Promise<{ data: CustomerDto[]; nextCursor: string | null }> {
  const { sort, limit, q, status, type, tag, country, tier } = input
  // An empty cursor is the first page, as an empty `q` is no search.
  const after = input.cursor ? decodeCursor(input.cursor, cursorSchema(sort)) : undefined
  const dir = sort.startsWith('-') ? 'desc' : 'asc'
  const beyond = sql.raw(dir === 'desc' ? '<' : '>')

  let query = selectLiveCustomers(ctx.db, ctx.merchantId)
    .select(sql<string>`lower(c.name)`.as('name_key'))
    .where(customerFilters({ q, status, type, tag, country, tier }))

  if (sort.endsWith('createdAt')) {
    query = query
      .$if(after !== undefined, (qb) => qb.where(sql<boolean>`c.id ${beyond} ${after?.id}::uuid`))
      .orderBy('c.id', dir)
  } else if (sort.endsWith('name')) {
    query = query
      .$if(after !== undefined, (qb) =>
        qb.where(sql<boolean>`(lower(c.name), c.id) ${beyond} (${after?.k}::text, ${after?.id}::uuid)`),
      )
      .orderBy(sql`lower(c.name)`, dir)
      .orderBy('c.id', dir)
  } else {
    // The where on `s` makes the stats join inner, so the plan can walk customer_stats_ltv_idx.
    query = query
      .where('s.merchant_id', '=', ctx.merchantId)
      .$if(after !== undefined, (qb) =>
        qb.where(
          sql<boolean>`(s.lifetime_value, s.customer_id) ${beyond} (${after?.k}::numeric, ${after?.id}::uuid)`,
        ),
      )
      .orderBy('s.lifetime_value', dir)
      .orderBy('s.customer_id', dir)
  }

  const rows = await query.limit(limit + 1).execute()
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  let nextCursor: string | null = null
  if (rows.length > limit && last) {
    const k = sort.endsWith('name')
      ? last.name_key
      : sort.endsWith('lifetimeValue')
        ? (last.lifetime_value ?? '0')
        : undefined
    nextCursor = encodeCursor({ s: sort, id: last.id, ...(k === undefined ? {} : { k }) })
  }
  return { data: await presentLiveCustomers(ctx.db, ctx.merchantId, page), nextCursor }
}
