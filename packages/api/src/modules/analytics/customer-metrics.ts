import { sql } from 'kysely'
import type { Executor } from '../../context.js'
import { churnAt, paymentTime } from './metrics.js'
import type { CustomerMetricsDto } from './schema.js'

const DAY_MS = 86_400_000

/**
 * One customer's figures for the profile: the stored metrics (metrics.ts), and what depends on the
 * moment it is asked — the 30-day trend against the 30 days before, the last 12 months and whether the
 * customer has churned.
 */
export async function loadCustomerMetrics(
  db: Executor,
  merchantId: string,
  customerId: string,
  now: Date,
): Promise<CustomerMetricsDto> {
  const since30 = new Date(now.getTime() - 30 * DAY_MS)
  const since60 = new Date(now.getTime() - 60 * DAY_MS)
  const firstMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1))
  const [stats, coins, window, months] = await Promise.all([
    db
      .selectFrom('customer_stats as s')
      .innerJoin('merchants as m', 'm.id', 's.merchant_id')
      .selectAll('s')
      .select('m.reporting_currency')
      .select(sql<boolean>`coalesce(${churnAt} <= ${now}, false)`.as('churned'))
      .where('s.merchant_id', '=', merchantId)
      .where('s.customer_id', '=', customerId)
      .executeTakeFirst(),
    db
      .selectFrom('customer_asset_stats')
      .select(['asset', 'network', 'payment_count', 'volume', 'fiat_value'])
      .where('merchant_id', '=', merchantId)
      .where('customer_id', '=', customerId)
      .orderBy('payment_count', 'desc')
      .orderBy('fiat_value', 'desc')
      .orderBy('asset')
      .orderBy('network')
      .execute(),
    sql<{ cur_value: string; cur_n: number; prev_value: string; prev_n: number }>`
      select coalesce(sum(p.fiat_value) filter (where ${paymentTime} >= ${since30}), 0)::text as cur_value,
        (count(*) filter (where ${paymentTime} >= ${since30}))::int as cur_n,
        coalesce(sum(p.fiat_value) filter (where ${paymentTime} < ${since30}), 0)::text as prev_value,
        (count(*) filter (where ${paymentTime} < ${since30}))::int as prev_n
      from payments p
      where p.customer_id = ${customerId} and p.merchant_id = ${merchantId} and p.counted
        and ${paymentTime} >= ${since60} and ${paymentTime} < ${now}`.execute(db),
    sql<{ month: string; value: string; n: number }>`
      select to_char(date_trunc('month', ${paymentTime} at time zone 'UTC'), 'YYYY-MM') as month,
        coalesce(sum(p.fiat_value), 0)::text as value, count(*)::int as n
      from payments p
      where p.customer_id = ${customerId} and p.merchant_id = ${merchantId} and p.counted
        and ${paymentTime} >= ${firstMonth} and ${paymentTime} < ${now}
      group by 1 order by 1`.execute(db),
  ])
  const w = window.rows[0] ?? { cur_value: '0', cur_n: 0, prev_value: '0', prev_n: 0 }
  const byMonth = new Map(months.rows.map((r) => [r.month, r]))
  const monthly = Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(firstMonth.getUTCFullYear(), firstMonth.getUTCMonth() + i, 1))
    const month = d.toISOString().slice(0, 7)
    const row = byMonth.get(month)
    return { month, revenue: row?.value ?? '0', payments: row?.n ?? 0 }
  })
  return {
    currency: stats?.reporting_currency ?? 'USD',
    lifetimeValue: stats?.lifetime_value ?? '0',
    paymentCount: stats?.payment_count ?? 0,
    firstPaymentAt: stats?.first_payment_at?.toISOString() ?? null,
    lastPaymentAt: stats?.last_payment_at?.toISOString() ?? null,
    paymentsPer30d: stats?.payments_per_30d ?? null,
    medianIntervalDays: stats?.median_interval_days ?? null,
    invoicesPaid: stats?.invoices_paid_count ?? 0,
    invoicesSettled: stats?.invoices_settled_count ?? 0,
    paidOnTime: stats?.paid_on_time_count ?? 0,
    successRate: stats?.success_rate ?? null,
    onTimeRate: stats?.on_time_rate ?? null,
    avgDaysToPay: stats?.avg_days_to_pay ?? null,
    topCoin:
      stats?.top_asset && stats.top_network ? { asset: stats.top_asset, network: stats.top_network } : null,
    coinMix: coins.map((c) => ({
      asset: c.asset,
      network: c.network,
      payments: c.payment_count,
      volume: c.volume,
      value: c.fiat_value,
    })),
    trend: {
      last30Days: { revenue: w.cur_value, payments: w.cur_n },
      previous30Days: { revenue: w.prev_value, payments: w.prev_n },
      change: ratio(w.cur_value, w.prev_value),
    },
    monthly,
    churned: stats?.churned ?? false,
  }
}

/** (current − previous) ÷ previous as a 4-decimal string, exact (decimal strings, no floats); null from 0. */
export function ratio(current: string, previous: string): string | null {
  const scale = (v: string) => {
    const [i = '0', f = ''] = v.replace('-', '').split('.')
    const sign = v.startsWith('-') ? -1n : 1n
    return { units: sign * BigInt(i + f.padEnd(12, '0').slice(0, 12)) }
  }
  const prev = scale(previous).units
  if (prev <= 0n) return null
  const cur = scale(current).units
  // Rounded half away from zero to 4 decimals.
  const num = (cur - prev) * 100_000n
  const q = num / prev
  const rounded = q >= 0n ? (q + 5n) / 10n : (q - 5n) / 10n
  const sign = rounded < 0n ? '-' : ''
  const abs = rounded < 0n ? -rounded : rounded
  return `${sign}${abs / 10_000n}.${(abs % 10_000n).toString().padStart(4, '0')}`
}
