import { type RawBuilder, type SelectQueryBuilder, sql } from 'kysely'
import type { CustomerSort, metricSorts } from '../schema.js'

type MetricSort = (typeof metricSorts)[number]
type KeyType = 'text' | 'numeric' | 'integer' | 'timestamptz'

/** The sort expression of each metric: missing figures as -1 (or -infinity), as its index has them. */
const metricSortKeys: Record<MetricSort, { expr: RawBuilder<unknown>; type: KeyType }> = {
  paymentCount: { expr: sql`s.payment_count`, type: 'integer' },
  lastPaymentAt: { expr: sql`coalesce(s.last_payment_at, '-infinity'::timestamptz)`, type: 'timestamptz' },
  successRate: { expr: sql`coalesce(s.success_rate, -1)`, type: 'numeric' },
  avgDaysToPay: { expr: sql`coalesce(s.avg_days_to_pay, -1)`, type: 'numeric' },
  onTimeRate: { expr: sql`coalesce(s.on_time_rate, -1)`, type: 'numeric' },
  paymentsPer30d: { expr: sql`coalesce(s.payments_per_30d, -1)`, type: 'numeric' },
  medianIntervalDays: { expr: sql`coalesce(s.median_interval_days, -1)`, type: 'numeric' },
}

/**
 * The order of a customer sort over `c` and `s` (selectLiveCustomers): a key, then the id, both in the
 * sort's direction. Each walks an index: customers_list_idx for createdAt (ids are UUIDv7, so id
 * order is creation order; no key), customers_name_idx for name, customer_stats_ltv_idx for
 * lifetimeValue and 0011's customer_stats_<metric>_idx for the metrics.
 */
export interface CustomerOrder {
  key?: { expr: RawBuilder<unknown>; type: KeyType }
  /** The id the order ends on: the stats' own where their index drives the order. */
  id: RawBuilder<unknown>
  dir: 'asc' | 'desc'
  /** Orders by customer_stats: its where makes the stats join inner, so the plan walks its index. */
  stats: boolean
}

export function customerOrder(sort: CustomerSort): CustomerOrder {
  const dir = sort.startsWith('-') ? 'desc' : 'asc'
  const field = sort.replace(/^-/, '')
  if (field === 'createdAt') return { id: sql`c.id`, dir, stats: false }
  if (field === 'name')
    return { key: { expr: sql`lower(c.name)`, type: 'text' }, id: sql`c.id`, dir, stats: false }
  const key =
    field === 'lifetimeValue'
      ? { expr: sql`s.lifetime_value`, type: 'numeric' as const }
      : metricSortKeys[field as MetricSort]
  return { key, id: sql`s.customer_id`, dir, stats: true }
}

/** Where a page (or a batch) left off: the last row's id and, for a sort with a key, its key as text. */
export interface After {
  id: string
  k?: string | undefined
}

/**
 * Orders a query of `selectLiveCustomers` by `order`, after `after` (keyset: an index range however
 * deep). Adds no column, so a query whose columns are its output (COPY's) stays as it is.
 */
export function orderCustomers<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  order: CustomerOrder,
  merchantId: string,
  after?: After,
): SelectQueryBuilder<DB, TB, O> {
  const { key, id, dir } = order
  const beyond = sql.raw(dir === 'desc' ? '<' : '>')
  let q = order.stats ? query.where(sql<boolean>`s.merchant_id = ${merchantId}`) : query
  if (after)
    q = q.where(
      key
        ? sql<boolean>`(${key.expr}, ${id}) ${beyond} (${after.k}::${sql.raw(key.type)}, ${after.id}::uuid)`
        : sql<boolean>`${id} ${beyond} ${after.id}::uuid`,
    )
  if (key) q = q.orderBy(key.expr, dir)
  return q.orderBy(id, dir)
}

/** The sort key of a row, as text, for `after` (select it as `sort_key`); none for createdAt. */
export const sortKeyColumn = (order: CustomerOrder) =>
  sql<string | null>`${order.key ? sql`${order.key.expr}::text` : sql`null`}`.as('sort_key')
