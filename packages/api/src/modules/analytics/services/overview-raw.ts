import { sql } from 'kysely'
import type { Executor } from '../../../context.js'
import { paymentTime } from '../metrics.js'
import type { OverviewParts } from './overview.js'
import { type AnalyticsScope, andCustomer, customerJoin } from './scope.js'

/** The payments `p` of the scope's range and filters, as a condition. */
const inRange = (scope: AnalyticsScope) =>
  sql`${scope.payment} and ${paymentTime} >= ${scope.from} and ${paymentTime} < ${scope.to} ${andCustomer(scope)}`

/** Paying, new and repeat customers straight from the payments (any filter, a segment included). */
export async function payingFromPayments(db: Executor, scope: AnalyticsScope) {
  const { rows } = await sql<{ paying: number; fresh: number; repeat: number }>`
    with pc as (
      select p.customer_id, count(*) as n from payments p ${customerJoin(scope)}
      where ${inRange(scope)} and p.counted and p.customer_id is not null group by p.customer_id
    )
    select count(*)::int as paying, (count(*) filter (where s.first_payment_at >= ${scope.from}))::int as fresh,
      (count(*) filter (where pc.n >= 2))::int as repeat
    from pc join customer_stats s on s.customer_id = pc.customer_id`.execute(db)
  return rows[0] ?? { paying: 0, fresh: 0, repeat: 0 }
}

/** Distinct paying customers per country straight from the payments. */
export async function countryCustomersFromPayments(db: Executor, scope: AnalyticsScope) {
  const { rows } = await sql<{ country: string | null; customers: number }>`
    select c.country, count(distinct p.customer_id)::int as customers
    from payments p join customers c on c.id = p.customer_id
    where ${inRange(scope)} and p.counted group by c.country`.execute(db)
  return rows
}

/** Every part of the overview from the payments: what answers a segment filter. */
export async function overviewFromPayments(
  db: Executor,
  scope: AnalyticsScope,
  prevFrom: Date,
): Promise<OverviewParts> {
  const [totals, customers, previous, countries, coins] = await Promise.all([
    sql<OverviewParts['totals']>`
      select trim_scale(coalesce(sum(p.fiat_value) filter (where p.counted), 0))::text as revenue,
        (count(*) filter (where p.counted))::int as n,
        (count(*) filter (where p.status = 'failed'))::int as failed
      from payments p ${customerJoin(scope)} where ${inRange(scope)}`.execute(db),
    payingFromPayments(db, scope),
    sql<{ n: number }>`
      select count(*)::int as n from customer_stats s
      ${scope.customer ? sql`join customers c on c.id = s.customer_id` : sql``}
      where s.merchant_id = ${scope.merchantId} and s.first_payment_at >= ${prevFrom}
        and s.first_payment_at < ${scope.from} ${andCustomer(scope)}`.execute(db),
    sql<OverviewParts['countries'][number]>`
      select c.country, trim_scale(coalesce(sum(p.fiat_value), 0))::text as revenue, count(*)::int as n,
        count(distinct p.customer_id)::int as customers
      from payments p join customers c on c.id = p.customer_id
      where ${inRange(scope)} and p.counted group by c.country order by sum(p.fiat_value) desc nulls last, c.country`.execute(
      db,
    ),
    sql<OverviewParts['coins'][number]>`
      select p.asset, p.network, count(*)::int as n,
        trim_scale(sum(p.amount / (10::numeric ^ p.decimals)))::text as volume,
        trim_scale(coalesce(sum(p.fiat_value), 0))::text as value
      from payments p ${customerJoin(scope)} where ${inRange(scope)} and p.counted
      group by p.asset, p.network order by count(*) desc, p.asset, p.network`.execute(db),
  ])
  return {
    totals: totals.rows[0] ?? { revenue: '0', n: 0, failed: 0 },
    customers,
    previousNew: previous.rows[0]?.n ?? 0,
    countries: countries.rows,
    coins: coins.rows,
  }
}
