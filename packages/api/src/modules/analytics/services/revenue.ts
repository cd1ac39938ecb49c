import { sql } from 'kysely'
import type { ServiceContext } from '../../../context.js'
import { paymentTime } from '../metrics.js'
import type { AnalyticsQuery } from '../schema.js'
import { andCustomer, customerJoin, resolveScope } from './scope.js'

/**
 * Revenue, confirmed and failed payments and new customers per day, week (from Monday) or month, every
 * period of the range present (zero when nothing happened), and revenue by asset and by network.
 */
export async function analyticsRevenue({
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
  const unit = sql.lit(input.groupBy)
  const period = (at: ReturnType<typeof sql>) => sql`date_trunc(${unit}, ${at} at time zone 'UTC')`
  const inRange = sql`${scope.payment} and ${paymentTime} >= ${from} and ${paymentTime} < ${to} ${andCustomer(scope)}`

  const [series, fresh, coins] = await Promise.all([
    sql<{ period: string; revenue: string; n: number; failed: number }>`
      select to_char(${period(paymentTime)}, 'YYYY-MM-DD') as period,
        coalesce(sum(p.fiat_value) filter (where p.counted), 0)::text as revenue,
        (count(*) filter (where p.counted))::int as n,
        (count(*) filter (where p.status = 'failed'))::int as failed
      from payments p ${customerJoin(scope)} where ${inRange} and (p.counted or p.status = 'failed')
      group by 1`.execute(ctx.db),
    sql<{ period: string; n: number }>`
      select to_char(${period(sql`s.first_payment_at`)}, 'YYYY-MM-DD') as period, count(*)::int as n
      from customer_stats s ${scope.customer ? sql`join customers c on c.id = s.customer_id` : sql``}
      where s.merchant_id = ${scope.merchantId} and s.first_payment_at >= ${from} and s.first_payment_at < ${to}
        ${andCustomer(scope)}
      group by 1`.execute(ctx.db),
    sql<{ asset: string | null; network: string | null; revenue: string; n: number }>`
      select p.asset, p.network, coalesce(sum(p.fiat_value), 0)::text as revenue, count(*)::int as n
      from payments p ${customerJoin(scope)} where ${inRange} and p.counted
      group by grouping sets ((p.asset), (p.network))`.execute(ctx.db),
  ])
  const periods = await sql<{ period: string }>`
    select to_char(g, 'YYYY-MM-DD') as period
    from generate_series(date_trunc(${unit}, ${from}::timestamptz at time zone 'UTC'),
      ${to}::timestamptz at time zone 'UTC' - interval '1 microsecond', ${sql.lit(`1 ${input.groupBy}`)}::interval) g`.execute(
    ctx.db,
  )
  const byPeriod = new Map(series.rows.map((r) => [r.period, r]))
  const freshBy = new Map(fresh.rows.map((r) => [r.period, r.n]))
  const byRevenue = (a: { revenue: string }, b: { revenue: string }) => compareDecimal(b.revenue, a.revenue)
  return {
    from: scope.fromDay,
    to: scope.toDay,
    currency: scope.currency,
    groupBy: input.groupBy,
    series: periods.rows.map(({ period }) => {
      const r = byPeriod.get(period)
      return {
        period,
        revenue: r?.revenue ?? '0',
        payments: r?.n ?? 0,
        failedPayments: r?.failed ?? 0,
        newCustomers: freshBy.get(period) ?? 0,
      }
    }),
    byAsset: coins.rows
      .filter((r) => r.asset !== null)
      .map((r) => ({ asset: r.asset as string, revenue: r.revenue, payments: r.n }))
      .sort(byRevenue),
    byNetwork: coins.rows
      .filter((r) => r.network !== null)
      .map((r) => ({ network: r.network as string, revenue: r.revenue, payments: r.n }))
      .sort(byRevenue),
  }
}

/** Compares two non-negative exact decimals without floats. */
export function compareDecimal(a: string, b: string): number {
  const [ai = '0', af = ''] = a.split('.')
  const [bi = '0', bf = ''] = b.split('.')
  const width = Math.max(af.length, bf.length)
  const x = BigInt(ai + af.padEnd(width, '0'))
  const y = BigInt(bi + bf.padEnd(width, '0'))
  return x < y ? -1 : x > y ? 1 : 0
}
