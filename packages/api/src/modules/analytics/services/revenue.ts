import { type RawBuilder, sql } from 'kysely'
import type { Executor, ServiceContext } from '../../../context.js'
import { paymentTime } from '../metrics.js'
import { newCustomersByPeriod, paymentDays, rollupsServe } from '../rollups.js'
import type { AnalyticsQuery } from '../schema.js'
import { type AnalyticsScope, andCustomer, customerJoin, resolveScope } from './scope.js'

type Unit = AnalyticsQuery['groupBy']

interface RevenueParts {
  series: { period: string; revenue: string; n: number; failed: number }[]
  fresh: { period: string; n: number }[]
  coins: { asset: string | null; network: string | null; revenue: string; n: number }[]
}

/** The figures from the payments: what answers a segment filter. */
async function revenueFromPayments(db: Executor, scope: AnalyticsScope, unit: Unit): Promise<RevenueParts> {
  const period = (at: RawBuilder<unknown>) => sql`date_trunc(${sql.lit(unit)}, ${at} at time zone 'UTC')`
  const inRange = sql`${scope.payment} and ${paymentTime} >= ${scope.from} and ${paymentTime} < ${scope.to} ${andCustomer(scope)}`
  const [series, fresh, coins] = await Promise.all([
    sql<RevenueParts['series'][number]>`
      select to_char(${period(paymentTime)}, 'YYYY-MM-DD') as period,
        trim_scale(coalesce(sum(p.fiat_value) filter (where p.counted), 0))::text as revenue,
        (count(*) filter (where p.counted))::int as n,
        (count(*) filter (where p.status = 'failed'))::int as failed
      from payments p ${customerJoin(scope)} where ${inRange} and (p.counted or p.status = 'failed')
      group by 1`.execute(db),
    sql<RevenueParts['fresh'][number]>`
      select to_char(${period(sql`s.first_payment_at`)}, 'YYYY-MM-DD') as period, count(*)::int as n
      from customer_stats s ${scope.customer ? sql`join customers c on c.id = s.customer_id` : sql``}
      where s.merchant_id = ${scope.merchantId} and s.first_payment_at >= ${scope.from}
        and s.first_payment_at < ${scope.to} ${andCustomer(scope)}
      group by 1`.execute(db),
    sql<RevenueParts['coins'][number]>`
      select p.asset, p.network, trim_scale(coalesce(sum(p.fiat_value), 0))::text as revenue, count(*)::int as n
      from payments p ${customerJoin(scope)} where ${inRange} and p.counted
      group by grouping sets ((p.asset), (p.network))`.execute(db),
  ])
  return { series: series.rows, fresh: fresh.rows, coins: coins.rows }
}

/** The figures from the rollups (rollups.ts). */
async function revenueFromRollups(db: Executor, scope: AnalyticsScope, unit: Unit): Promise<RevenueParts> {
  const [series, fresh, coins] = await Promise.all([
    sql<RevenueParts['series'][number]>`
      select to_char(date_trunc(${sql.lit(unit)}, f.day::timestamp), 'YYYY-MM-DD') as period,
        trim_scale(coalesce(sum(f.revenue), 0))::text as revenue, coalesce(sum(f.payments), 0)::int as n,
        coalesce(sum(f.failed), 0)::int as failed
      from ${paymentDays(scope)} group by 1`.execute(db),
    newCustomersByPeriod(db, scope, unit),
    sql<RevenueParts['coins'][number]>`
      select f.asset, f.network, trim_scale(coalesce(sum(f.revenue), 0))::text as revenue,
        sum(f.payments)::int as n
      from ${paymentDays(scope, { coin: true })}
      group by grouping sets ((f.asset), (f.network)) having sum(f.payments) > 0`.execute(db),
  ])
  return { series: series.rows, fresh, coins: coins.rows }
}

/**
 * Revenue, confirmed and failed payments and new customers per day, week (from Monday) or month, every
 * period of the range present (zero when nothing happened), and revenue by asset and by network. The
 * rollups answer it unless a segment filters it; `source: 'payments'` forces the payments (tests).
 */
export async function analyticsRevenue({
  ctx,
  input,
  now,
  source = 'auto',
}: {
  ctx: ServiceContext
  input: AnalyticsQuery
  now: Date
  source?: 'auto' | 'payments'
}) {
  const scope = await resolveScope(ctx, input, now)
  const { from, to } = scope
  const unit = sql.lit(input.groupBy)
  const { series, fresh, coins } =
    source === 'auto' && rollupsServe(scope)
      ? await revenueFromRollups(ctx.db, scope, input.groupBy)
      : await revenueFromPayments(ctx.db, scope, input.groupBy)
  const periods = await sql<{ period: string }>`
    select to_char(g, 'YYYY-MM-DD') as period
    from generate_series(date_trunc(${unit}, ${from}::timestamptz at time zone 'UTC'),
      ${to}::timestamptz at time zone 'UTC' - interval '1 microsecond', ${sql.lit(`1 ${input.groupBy}`)}::interval) g`.execute(
    ctx.db,
  )
  const byPeriod = new Map(series.map((r) => [r.period, r]))
  const freshBy = new Map(fresh.map((r) => [r.period, r.n]))
  // Highest revenue first; a tie by name, so both sources give one order.
  const byRevenue = (a: { revenue: string; key: string }, b: { revenue: string; key: string }) =>
    compareDecimal(b.revenue, a.revenue) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
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
    byAsset: coins
      .filter((r) => r.asset !== null)
      .map((r) => ({ key: r.asset as string, revenue: r.revenue, payments: r.n }))
      .sort(byRevenue)
      .map(({ key, ...r }) => ({ asset: key, ...r })),
    byNetwork: coins
      .filter((r) => r.network !== null)
      .map((r) => ({ key: r.network as string, revenue: r.revenue, payments: r.n }))
      .sort(byRevenue)
      .map(({ key, ...r }) => ({ network: key, ...r })),
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
