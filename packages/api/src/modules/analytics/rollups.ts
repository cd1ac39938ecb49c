import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { Executor } from '../../context.js'
import type { Database } from '../../db/database.js'
import type { AnalyticsScope } from './services/scope.js'

/**
 * Reads of the rollups migration 0017 keeps (its header says what each holds and how triggers keep them
 * current). They give the same figures as the raw queries over payments, which stay for what the rollups
 * have no column for: a segment filter, and the distinct-customer figures under an asset or network filter.
 *
 * Distinct paying customers over [F, T) are not a sum of daily rows. They come from each customer's span
 * (days of their first, second, second-to-last and last counted payment) instead:
 * - a customer whose last payment is before T paid in the range iff that last payment is on or after F, and
 *   paid ≥ 2 times in it iff their second-to-last payment is on or after F; so these are sums over the
 *   span day counts (analytics_span_days), a few thousand rows whatever the number of customers;
 * - a customer who paid on or after T (found from payments_merchant_time_idx) is looked at one by one
 *   (≤ 2 rows of their payments in the range, from payments_customer_counted_idx). A range ending today
 *   has none; one ending in the past has as many as the customers who paid since: its cost grows with
 *   the payments after it (still exact).
 * New customers (first payment ever in the range) are the span day counts of first payments.
 */

/** Whether the rollups can answer the scope: a segment is a condition on customers they do not have. */
export const rollupsServe = (scope: AnalyticsScope): boolean => !scope.filters.segment

/** Whether the distinct-customer figures come from the spans: they are kept over all assets and networks. */
export const spansServe = (scope: AnalyticsScope): boolean =>
  rollupsServe(scope) && !scope.filters.asset && !scope.filters.network

/**
 * `analytics_payment_days f where …` for the scope's days and filters, at the smallest grain that has a
 * column for each filter and for what the caller groups by (`country`, `coin` = asset and network).
 */
export function paymentDays(
  scope: AnalyticsScope,
  { country = false, coin = false }: { country?: boolean; coin?: boolean } = {},
): RawBuilder<unknown> {
  const f = scope.filters
  const needCountry = country || f.country !== undefined
  const needCoin = coin || f.asset !== undefined || f.network !== undefined
  const grain = needCountry ? (needCoin ? 3 : 2) : 1
  const where = [
    sql`f.merchant_id = ${scope.merchantId}`,
    sql`f.grain = ${sql.lit(grain)}`,
    sql`f.day >= ${scope.fromDay}::date`,
    sql`f.day <= ${scope.toDay}::date`,
  ]
  if (f.asset) where.push(sql`f.asset = ${f.asset}`)
  if (f.network) where.push(sql`f.network = ${f.network}`)
  if (f.country) where.push(sql`f.country = ${f.country}`)
  if (country) where.push(sql`f.attributed`)
  return sql`analytics_payment_days f where ${sql.join(where, sql` and `)}`
}

export interface PayingCustomers {
  country: string | null
  /** Customers with a counted payment in the range. */
  paying: number
  /** …with two or more. */
  repeat: number
  /** …whose first counted payment ever is in the range. */
  fresh: number
}

/** Paying, repeat and new customers per country over the scope's range (spansServe must hold). */
export async function payingCustomersByCountry(
  db: Executor,
  scope: AnalyticsScope,
): Promise<PayingCustomers[]> {
  return (await payingCustomersQuery(scope).execute(db)).rows
}

/** The query of payingCustomersByCountry (the bench explains it). */
export function payingCustomersQuery(scope: AnalyticsScope): RawBuilder<PayingCustomers> {
  const m = scope.merchantId
  const inCountry = (col: RawBuilder<unknown>) =>
    scope.filters.country ? sql`and ${col} = ${scope.filters.country}` : sql``
  return sql<PayingCustomers>`
    with late as (
      select s.country, s.penult_day, r.n
      from (
        select distinct p.customer_id from payments p
        where p.merchant_id = ${m} and coalesce(p.block_time, p.detected_at) >= ${scope.to} and p.counted
          and p.customer_id is not null
      ) a
      join analytics_customer_spans s on s.customer_id = a.customer_id
      cross join lateral (
        select count(*)::int as n from (
          select 1 from payments p
          where p.customer_id = s.customer_id and p.counted
            and coalesce(p.block_time, p.detected_at) >= ${scope.from}
            and coalesce(p.block_time, p.detected_at) < ${scope.to}
          limit 2) q) r
      where true ${inCountry(sql`s.country`)}
    )
    select country, sum(paying)::int as paying, sum(repeat)::int as repeat, sum(fresh)::int as fresh from (
      select nullif(d.country, '') as country,
        coalesce(sum(d.customers) filter (where d.kind = 'l'), 0) as paying,
        coalesce(sum(d.customers) filter (where d.kind = 'p'), 0) as repeat,
        coalesce(sum(d.customers) filter (where d.kind = 'f' and d.day <= ${scope.toDay}::date), 0) as fresh
      from analytics_span_days d
      where d.merchant_id = ${m} and d.kind in ('f', 'p', 'l') and d.day >= ${scope.fromDay}::date
        ${inCountry(sql`d.country`)}
      group by 1
      union all
      select country, count(*) filter (where n >= 1) - count(*),
        count(*) filter (where n >= 2) - count(*) filter (where penult_day >= ${scope.fromDay}::date), 0
      from late group by country
    ) u
    group by country`
}

/** Customers whose first counted payment is on a day in [fromDay, toDay), in the scope's country. */
export async function newCustomersBetween(
  db: Executor,
  scope: AnalyticsScope,
  fromDay: string,
  toDay: string,
): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select coalesce(sum(customers), 0)::int as n from analytics_span_days
    where merchant_id = ${scope.merchantId} and kind = 'f' and day >= ${fromDay}::date and day < ${toDay}::date
      ${scope.filters.country ? sql`and country = ${scope.filters.country}` : sql``}`.execute(db)
  return rows[0]?.n ?? 0
}

/** New customers per period (`day`, `week` from Monday, `month`; YYYY-MM-DD of its first day). */
export async function newCustomersByPeriod(
  db: Executor,
  scope: AnalyticsScope,
  unit: 'day' | 'week' | 'month',
): Promise<{ period: string; n: number }[]> {
  const { rows } = await sql<{ period: string; n: number }>`
    select to_char(date_trunc(${sql.lit(unit)}, day::timestamp), 'YYYY-MM-DD') as period,
      sum(customers)::int as n
    from analytics_span_days
    where merchant_id = ${scope.merchantId} and kind = 'f' and day >= ${scope.fromDay}::date
      and day <= ${scope.toDay}::date ${scope.filters.country ? sql`and country = ${scope.filters.country}` : sql``}
    group by 1`.execute(db)
  return rows
}

/**
 * Folds every merchant's unmerged rollup deltas (the analytics.compact job): the triggers only append, so
 * writers never wait on a shared row; reads sum whatever is there, folded or not. Returns the merchants
 * folded (one skipped while another process folds it).
 */
export async function compactRollups(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ merchant_id: string }>`
    select merchant_id from analytics_payment_days where not merged
    union select merchant_id from analytics_span_days where not merged`.execute(db)
  let folded = 0
  for (const { merchant_id } of rows) {
    const done = await db
      .transaction()
      .execute((trx) =>
        sql<{ ok: boolean }>`select analytics_compact(${merchant_id}::uuid) as ok`.execute(trx),
      )
    if (done.rows[0]?.ok) folded++
  }
  return folded
}
