import { sql } from 'kysely'
import type { ServiceContext } from '../../../context.js'
import type { AnalyticsQuery } from '../schema.js'
import { andCustomer, resolveScope } from './scope.js'

const BUCKETS = ['current', '1-30', '31-60', '61-90', '90+'] as const

/**
 * Receivables today: what is still due on sent invoices (open or partially paid), per currency, by days
 * past the due date; and the average days from sent to fully paid of the invoices paid in the range.
 * Asset and network filters do not apply (an invoice is in fiat).
 */
export async function analyticsAging({
  ctx,
  input,
  now,
}: {
  ctx: ServiceContext
  input: AnalyticsQuery
  now: Date
}) {
  const scope = await resolveScope(ctx, input, now)
  const today = now.toISOString().slice(0, 10)
  const joinC = scope.customer ? sql`join customers c on c.id = i.customer_id` : sql``
  const [owing, paid] = await Promise.all([
    sql<{ currency: string; bucket: (typeof BUCKETS)[number]; due: string; n: number }>`
      with o as (
        select i.currency, i.total - i.amount_paid as due, ${today}::date - i.due_date as late
        from invoices i ${joinC}
        where i.merchant_id = ${scope.merchantId} and i.status in ('open', 'partially_paid') ${andCustomer(scope)}
      )
      select trim(currency) as currency,
        case when late <= 0 then 'current' when late <= 30 then '1-30' when late <= 60 then '31-60'
          when late <= 90 then '61-90' else '90+' end as bucket,
        sum(due)::text as due, count(*)::int as n
      from o group by 1, 2`.execute(ctx.db),
    sql<{ days: string | null; n: number }>`
      select round(avg(extract(epoch from i.paid_at - i.sent_at) / 86400), 2)::text as days, count(*)::int as n
      from invoices i ${joinC}
      where i.merchant_id = ${scope.merchantId} and i.paid_at >= ${scope.from} and i.paid_at < ${scope.to}
        and i.status in ('paid', 'overpaid') and i.sent_at is not null ${andCustomer(scope)}`.execute(ctx.db),
  ])
  const currencies = [...new Set(owing.rows.map((r) => r.currency))].sort()
  const found = new Map(owing.rows.map((r) => [`${r.currency}|${r.bucket}`, r]))
  return {
    asOf: today,
    from: scope.fromDay,
    to: scope.toDay,
    buckets: currencies.flatMap((currency) =>
      BUCKETS.map((bucket) => {
        const r = found.get(`${currency}|${bucket}`)
        return { currency, bucket, amountDue: r?.due ?? '0', invoices: r?.n ?? 0 }
      }),
    ),
    averageDaysToPay: paid.rows[0]?.days ?? null,
    invoicesPaid: paid.rows[0]?.n ?? 0,
  }
}
