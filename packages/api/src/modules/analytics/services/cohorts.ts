import { sql } from 'kysely'
import type { ServiceContext } from '../../../context.js'
import { churnAt, paymentTime } from '../metrics.js'
import type { AnalyticsQuery } from '../schema.js'
import { andCustomer, ratioOf, resolveScope } from './scope.js'

const month = (d: Date) => d.toISOString().slice(0, 7)
const addMonths = (m: string, n: number) => {
  const [y = 0, mo = 1] = m.split('-').map(Number)
  return month(new Date(Date.UTC(y, mo - 1 + n, 1)))
}

/**
 * Retention cohorts (customers by the month of their first payment, and the share of them paying in each
 * later month of the range), customer churn per month and subscription churn per month. Default range:
 * the last 12 months. Churn uses each customer's current figures (metrics.ts `churnAt`): a customer with
 * ≥ 2 payments and none for max(90 days, 3 × their median interval) churned at that moment.
 */
export async function analyticsCohorts({
  ctx,
  input,
  now,
}: {
  ctx: ServiceContext
  input: AnalyticsQuery
  now: Date
}) {
  const scope = await resolveScope(ctx, input, now, 365)
  const startMonth = month(scope.from)
  const start = new Date(`${startMonth}-01T00:00:00Z`)
  const { to } = scope
  const joinC = scope.customer ? sql`join customers c on c.id = s.customer_id` : sql``

  const [sizes, activity, churn, subs] = await Promise.all([
    sql<{ cohort: string; n: number }>`
      select to_char(s.first_payment_at at time zone 'UTC', 'YYYY-MM') as cohort, count(*)::int as n
      from customer_stats s ${joinC}
      where s.merchant_id = ${scope.merchantId} and s.first_payment_at >= ${start} and s.first_payment_at < ${to}
        ${andCustomer(scope)}
      group by 1`.execute(ctx.db),
    sql<{ cohort: string; active: string; n: number }>`
      with cust as (
        select s.customer_id, date_trunc('month', s.first_payment_at at time zone 'UTC') as cohort
        from customer_stats s ${joinC}
        where s.merchant_id = ${scope.merchantId} and s.first_payment_at >= ${start} and s.first_payment_at < ${to}
          ${andCustomer(scope)}
      ),
      act as (
        select distinct p.customer_id, date_trunc('month', ${paymentTime} at time zone 'UTC') as m
        from payments p join cust on cust.customer_id = p.customer_id
        where ${scope.payment} and p.counted and ${paymentTime} >= ${start} and ${paymentTime} < ${to}
      )
      select to_char(cust.cohort, 'YYYY-MM') as cohort, to_char(act.m, 'YYYY-MM') as active, count(*)::int as n
      from act join cust on cust.customer_id = act.customer_id group by 1, 2`.execute(ctx.db),
    sql<{ first: string; churned: string | null; n: number }>`
      select to_char(s.first_payment_at at time zone 'UTC', 'YYYY-MM') as first,
        to_char(case when ${churnAt} <= ${scope.now} then ${churnAt} end at time zone 'UTC', 'YYYY-MM') as churned,
        count(*)::int as n
      from customer_stats s ${joinC}
      where s.merchant_id = ${scope.merchantId} and s.payment_count >= 2 ${andCustomer(scope)}
      group by 1, 2`.execute(ctx.db),
    sql<{ first: string; churned: string | null; n: number }>`
      select to_char(s.start_date, 'YYYY-MM') as first,
        to_char(s.canceled_at at time zone 'UTC', 'YYYY-MM') as churned, count(*)::int as n
      from subscriptions s ${scope.customer ? sql`join customers c on c.id = s.customer_id` : sql``}
      where s.merchant_id = ${scope.merchantId} ${andCustomer(scope)}
      group by 1, 2`.execute(ctx.db),
  ])

  const months: string[] = []
  for (let m = startMonth; m <= month(new Date(to.getTime() - 1)); m = addMonths(m, 1)) months.push(m)
  const activeBy = new Map(activity.rows.map((r) => [`${r.cohort}|${r.active}`, r.n]))
  const cohorts = sizes.rows
    .sort((a, b) => a.cohort.localeCompare(b.cohort))
    .map(({ cohort, n }) => ({
      cohort,
      customers: n,
      months: months
        .filter((m) => m >= cohort)
        .map((m, offset) => {
          const active = activeBy.get(`${cohort}|${m}`) ?? 0
          return { offset, customers: active, share: ratioOf(active, n) }
        }),
    }))
  return {
    from: scope.fromDay,
    to: scope.toDay,
    currency: scope.currency,
    cohorts,
    churn: {
      churnedCustomers: churn.rows.reduce((sum, r) => sum + (r.churned ? r.n : 0), 0),
      months: monthlyChurn(months, churn.rows),
    },
    subscriptionChurn: { months: monthlyChurn(months, subs.rows) },
  }
}

/**
 * Per month: who was active at its start (began before it, not churned before it) and who churned in
 * it; the rate is churned ÷ active at the start.
 */
export function monthlyChurn(months: string[], rows: { first: string; churned: string | null; n: number }[]) {
  return months.map((m) => {
    let activeAtStart = 0
    let churned = 0
    for (const r of rows) {
      if (r.first < m && (r.churned === null || r.churned >= m)) activeAtStart += r.n
      if (r.churned === m && r.first < m) churned += r.n
    }
    return { month: m, activeAtStart, churned, rate: ratioOf(churned, activeAtStart) }
  })
}
