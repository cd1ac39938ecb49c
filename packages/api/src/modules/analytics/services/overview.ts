import type { ServiceContext } from '../../../context.js'
import { ratingSummary } from '../../ratings/services/list-customer-ratings.js'
import { ratio } from '../customer-metrics.js'
import { rollupsServe } from '../rollups.js'
import type { AnalyticsQuery } from '../schema.js'
import { overviewFromPayments } from './overview-raw.js'
import { overviewFromRollups } from './overview-rollups.js'
import { ratioOf, resolveScope } from './scope.js'

/** The overview's figures before shaping, whichever source computed them. */
export interface OverviewParts {
  totals: { revenue: string; n: number; failed: number }
  customers: { paying: number; fresh: number; repeat: number }
  /** New customers in the period as long just before the range. */
  previousNew: number
  countries: { country: string | null; revenue: string; n: number; customers: number }[]
  coins: { asset: string; network: string; n: number; volume: string; value: string }[]
}

/**
 * The summary cards, by country and the coin mix over a range. Revenue is the confirmed payments' value
 * in the reporting currency; a customer is new when their first payment ever falls in the range
 * (returning otherwise), and the growth rate compares new customers with the period as long before it.
 * The rollups answer it unless a segment filters it (then the payments do); `source: 'payments'` forces
 * the payments, which the tests compare the rollups with.
 */
export async function analyticsOverview({
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
  const prevFrom = new Date(from.getTime() - (to.getTime() - from.getTime()))
  const parts =
    source === 'auto' && rollupsServe(scope)
      ? await overviewFromRollups(ctx.db, scope, prevFrom)
      : await overviewFromPayments(ctx.db, scope, prevFrom)
  const ratings = await ratingSummary(ctx, from, to)
  const t = parts.totals
  const cu = parts.customers
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
      newCustomerGrowthRate: ratio(String(cu.fresh), String(parts.previousNew)),
      revenuePerPayingCustomer: divide(t.revenue, cu.paying),
      repeatCustomerRate: ratioOf(cu.repeat, cu.paying),
    },
    byCountry: parts.countries.map((r) => ({
      country: r.country,
      revenue: r.revenue,
      payments: r.n,
      customers: r.customers,
    })),
    coinMix: parts.coins.map((r) => ({
      asset: r.asset,
      network: r.network,
      payments: r.n,
      volume: r.volume,
      value: r.value,
    })),
    ratings,
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
