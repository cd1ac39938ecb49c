import { type RawBuilder, sql } from 'kysely'
import { z } from 'zod'
import type { ServiceContext } from '../../../context.js'
import { resolveSegment } from '../../segments/resolve.js'
import type { CustomerListItem, CustomerSort, ListCustomersInput, metricSorts } from '../schema.js'
import { decodeCursor, encodeCursor } from './cursor.js'
import { loadListActivity } from './list-activity.js'
import { customerFilters } from './list-filters.js'
import { presentLiveCustomers, selectLiveCustomers } from './live-customers.js'

/** A cursor is only valid for the sort it was made for: the key it carries means something else elsewhere. */
function cursorSchema(sort: CustomerSort) {
  const metric = metricSortKeys[sort.replace(/^-/, '') as MetricSort] as MetricSortKey | undefined
  const key = sort.endsWith('name')
    ? z.string().max(1000)
    : sort.endsWith('lifetimeValue') || (metric && metric.type !== 'timestamptz')
      ? z.string().regex(/^-?\d{1,40}(\.\d{1,40})?$/)
      : metric
        ? z.string().max(64)
        : z.never().optional()
  return z.strictObject({ s: z.literal(sort), id: z.uuid(), k: key })
}

type MetricSort = (typeof metricSorts)[number]
interface MetricSortKey {
  expr: RawBuilder<unknown>
  type: 'numeric' | 'integer' | 'timestamptz'
}
/** The sort expression of each metric: missing figures as -1 (or -infinity), as its index has them. */
const metricSortKeys: Record<MetricSort, MetricSortKey> = {
  paymentCount: { expr: sql`s.payment_count`, type: 'integer' },
  lastPaymentAt: { expr: sql`coalesce(s.last_payment_at, '-infinity'::timestamptz)`, type: 'timestamptz' },
  successRate: { expr: sql`coalesce(s.success_rate, -1)`, type: 'numeric' },
  avgDaysToPay: { expr: sql`coalesce(s.avg_days_to_pay, -1)`, type: 'numeric' },
  onTimeRate: { expr: sql`coalesce(s.on_time_rate, -1)`, type: 'numeric' },
  paymentsPer30d: { expr: sql`coalesce(s.payments_per_30d, -1)`, type: 'numeric' },
  medianIntervalDays: { expr: sql`coalesce(s.median_interval_days, -1)`, type: 'numeric' },
}

/**
 * A page of the merchant's live customers, filtered and sorted, with keyset pagination on
 * (sort key, id). Each sort walks an index from 0001: customers_list_idx for createdAt (ids are
 * UUIDv7, so id order is creation order), customers_name_idx for name, customer_stats_ltv_idx for
 * lifetimeValue, and 0011's customer_stats_<metric>_idx for the metrics. `q` matches the trigram-indexed `search` column.
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
  const dir = sort.startsWith('-') ? 'desc' : 'asc'
  const beyond = sql.raw(dir === 'desc' ? '<' : '>')

  const segment = input.segmentId
    ? await resolveSegment(ctx.db, ctx.merchantId, input.segmentId, now)
    : undefined

  let query = selectLiveCustomers(ctx.db, ctx.merchantId)
    .select(sql<string>`lower(c.name)`.as('name_key'))
    .where(customerFilters({ q, status, type, tag, country, tier }))
    .$if(segment !== undefined, (qb) => qb.where((segment as NonNullable<typeof segment>).condition))

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
  } else if (metricSortKeys[sort.replace(/^-/, '') as MetricSort]) {
    // Each metric has its index (0011), on this very expression, so the plan walks it in order.
    const { expr, type } = metricSortKeys[sort.replace(/^-/, '') as MetricSort]
    query = query
      .select(sql<string>`${expr}::text`.as('sort_key'))
      .where('s.merchant_id', '=', ctx.merchantId)
      .$if(after !== undefined, (qb) =>
        qb.where(
          sql<boolean>`(${expr}, s.customer_id) ${beyond} (${after?.k}::${sql.raw(type)}, ${after?.id}::uuid)`,
        ),
      )
      .orderBy(expr, dir)
      .orderBy('s.customer_id', dir)
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
        : 'sort_key' in last && typeof last.sort_key === 'string'
          ? last.sort_key
          : undefined
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
