import { sql } from 'kysely'
import type { Executor } from '../../../context.js'
import { newCustomersBetween, payingCustomersByCountry, paymentDays, spansServe } from '../rollups.js'
import type { OverviewParts } from './overview.js'
import { countryCustomersFromPayments, payingFromPayments } from './overview-raw.js'
import type { AnalyticsScope } from './scope.js'

const day = (d: Date) => d.toISOString().slice(0, 10)

/**
 * The overview from the rollups (rollups.ts): sums from the payment days; distinct customers from the
 * spans, or from the payments under an asset or network filter (the spans cover all coins).
 */
export async function overviewFromRollups(
  db: Executor,
  scope: AnalyticsScope,
  prevFrom: Date,
): Promise<OverviewParts> {
  const spans = spansServe(scope)
  const [totals, paying, previousNew, countries, coins] = await Promise.all([
    sql<OverviewParts['totals']>`
      select trim_scale(coalesce(sum(f.revenue), 0))::text as revenue,
        coalesce(sum(f.payments), 0)::int as n, coalesce(sum(f.failed), 0)::int as failed
      from ${paymentDays(scope)}`.execute(db),
    spans ? payingCustomersByCountry(db, scope) : undefined,
    newCustomersBetween(db, scope, day(prevFrom), scope.fromDay),
    sql<Omit<OverviewParts['countries'][number], 'customers'>>`
      select f.country, trim_scale(coalesce(sum(f.revenue), 0))::text as revenue, sum(f.payments)::int as n
      from ${paymentDays(scope, { country: true })}
      group by f.country having sum(f.payments) > 0
      order by case when sum(f.priced) > 0 then sum(f.revenue) end desc nulls last, f.country`.execute(db),
    sql<OverviewParts['coins'][number]>`
      select f.asset, f.network, sum(f.payments)::int as n, trim_scale(sum(f.volume))::text as volume,
        trim_scale(coalesce(sum(f.revenue), 0))::text as value
      from ${paymentDays(scope, { coin: true })}
      group by f.asset, f.network having sum(f.payments) > 0
      order by sum(f.payments) desc, f.asset, f.network`.execute(db),
  ])
  const customers = paying
    ? paying.reduce(
        (a, r) => ({ paying: a.paying + r.paying, fresh: a.fresh + r.fresh, repeat: a.repeat + r.repeat }),
        { paying: 0, fresh: 0, repeat: 0 },
      )
    : await payingFromPayments(db, scope)
  const perCountry = new Map(
    (
      paying ?? (await countryCustomersFromPayments(db, scope)).map((r) => ({ ...r, paying: r.customers }))
    ).map((r) => [r.country, r.paying]),
  )
  return {
    totals: totals.rows[0] ?? { revenue: '0', n: 0, failed: 0 },
    customers,
    previousNew,
    countries: countries.rows.map((r) => ({ ...r, customers: perCountry.get(r.country) ?? 0 })),
    coins: coins.rows,
  }
}
