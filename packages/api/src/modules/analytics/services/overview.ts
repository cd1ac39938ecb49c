import { sql } from 'kysely'
import type { ServiceContext } from '../../../context.js'
import { ratio } from '../customer-metrics.js'
import { paymentTime } from '../metrics.js'
import type { AnalyticsQuery } from '../schema.js'
import { andCustomer, customerJoin, ratioOf, resolveScope } from './scope.js'

/**
 * The summary cards, by country and the coin mix over a range. Revenue is the confirmed payments' value
 * in the reporting currency; a customer is new when their first payment ever falls in the range
 * (returning otherwise), and the growth rate compares new customers with the period as long before it.
 */
export async function analyticsOverview({
  ctx,
  input,
  now,
}: {
  ctx: ServiceContext
  input: AnalyticsQuery
  now: Date
}) {
  const scope = await resolveScope(ctx, input, now)
  const { from, to } = scope
  const inRange = sql`${scope.payment} and ${paymentTime} >= ${from} and ${paymentTime} < ${to} ${andCustomer(scope)}`
  const prevFrom = new Date(from.getTime() - (to.getTime() - from.getTime()))

  const [totals, customers, previous, countries, coins] = await Promise.all([
    sql<{ revenue: string; n: number; failed: number }>`
      select coalesce(sum(p.fiat_value) filter (where p.counted), 0)::text as revenue,
        (count(*) filter (where p.counted))::int as n,
        (count(*) filter (where p.status = 'failed'))::int as failed
      from payments p ${customerJoin(scope)} where ${inRange}`.execute(ctx.db),
    sql<{ paying: number; fresh: number; repeat: number }>`
      with pc as (
        select p.customer_id, count(*) as n from payments p ${customerJoin(scope)}
        where ${inRange} and p.counted and p.customer_id is not null group by p.customer_id
      )
      select count(*)::int as paying, (count(*) filter (where s.first_payment_at >= ${from}))::int as fresh,
        (count(*) filter (where pc.n >= 2))::int as repeat
      from pc join customer_stats s on s.customer_id = pc.customer_id`.execute(ctx.db),
    sql<{ n: number }>`
      select count(*)::int as n from customer_stats s
      ${scope.customer ? sql`join customers c on c.id = s.customer_id` : sql``}
      where s.merchant_id = ${scope.merchantId} and s.first_payment_at >= ${prevFrom}
        and s.first_payment_at < ${from} ${andCustomer(scope)}`.execute(ctx.db),
    sql<{ country: string | null; revenue: string; n: number; customers: number }>`
      select c.country, coalesce(sum(p.fiat_value), 0)::text as revenue, count(*)::int as n,
        count(distinct p.customer_id)::int as customers
      from payments p join customers c on c.id = p.customer_id
      where ${inRange} and p.counted group by c.country order by sum(p.fiat_value) desc nulls last, c.country`.execute(
      ctx.db,
    ),
    sql<{ asset: string; network: string; n: number; volume: string; value: string }>`
      select p.asset, p.network, count(*)::int as n,
        trim_scale(sum(p.amount / (10::numeric ^ p.decimals)))::text as volume,
        coalesce(sum(p.fiat_value), 0)::text as value
      from payments p ${customerJoin(scope)} where ${inRange} and p.counted
      group by p.asset, p.network order by count(*) desc, p.asset, p.network`.execute(ctx.db),
  ])
  const t = totals.rows[0] ?? { revenue: '0', n: 0, failed: 0 }
  const cu = customers.rows[0] ?? { paying: 0, fresh: 0, repeat: 0 }
  return {
    from: scope.fromDay,
    to: scope.toDay,
    currency: scope.currency,
    totals: {
      revenue: t.revenue,
      payments: t.n,
      failedPayments: t.failed,
      averagePayment: divide(t.revenue, t.n),
      payingCustomers: cu.paying,
      newCustomers: cu.fresh,
      returningCustomers: cu.paying - cu.fresh,
      newCustomerGrowthRate: ratio(String(cu.fresh), String(previous.rows[0]?.n ?? 0)),
      revenuePerPayingCustomer: divide(t.revenue, cu.paying),
      repeatCustomerRate: ratioOf(cu.repeat, cu.paying),
    },
    byCountry: countries.rows.map((r) => ({
      country: r.country,
      revenue: r.revenue,
      payments: r.n,
      customers: r.customers,
    })),
    coinMix: coins.rows.map((r) => ({
      asset: r.asset,
      network: r.network,
      payments: r.n,
      volume: r.volume,
      value: r.value,
    })),
  }
}

/** An exact decimal divided by a count, rounded half up to 2 decimals, without floats; null for 0. */
export function divide(amount: string, count: number): string | null {
  if (count <= 0) return null
  const negative = amount.startsWith('-')
  const [i = '0', f = ''] = amount.replace('-', '').split('.')
  const units = BigInt(i + f.padEnd(6, '0').slice(0, 6)) // 6 decimals of headroom
  const q = (units * 10n) / BigInt(count) // 7 decimals
  const cents = q / 10n ** 5n + (q % 10n ** 5n >= 5n * 10n ** 4n ? 1n : 0n) // round to 2
  const s = `${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}`
  return negative ? `-${s}` : s
}
