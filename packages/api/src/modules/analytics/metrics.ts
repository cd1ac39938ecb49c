import { type Kysely, sql, type Transaction } from 'kysely'
import type { Database } from '../../db/database.js'

/**
 * Every customer metric is defined here, once, as the SQL that computes it; customer_stats and
 * customer_asset_stats keep the results so lists, segments and analytics read them without scanning
 * payments. analytics.metrics.test.ts pins each definition against a hand-computed fixture.
 *
 * Payment metrics count a payment while it is confirmed (`payments.counted`): pending, failed and reorged
 * payments never count, and a reorg takes back what the payment added. A payment's time is its block time
 * (the time it was detected when the chain gave none). Values are in the merchant's reporting currency,
 * as priced when the payment arrived. Refunds subtract while their payment counts: a refund of a payment
 * that was reorged (or never confirmed) takes nothing off, since the payment adds nothing, so nothing is
 * subtracted twice; if the payment confirms again, both count again.
 *
 * - lifetime value: sum of the confirmed payments' fiat value minus the fiat value of their refunds (each
 *   refund valued at its payment's fiat value pro rata, modules/refunds/money.ts);
 * - payment count, first and last payment (a refunded payment still happened: it keeps counting here);
 * - coin mix: count, volume (in the asset's units) and value per (asset, network), volume and value net of
 *   the payments' refunds (so the mix adds up to the lifetime value); the top coin is the one paid with
 *   most often (ties: higher net value, then name);
 * - median interval: the median of the days between consecutive payments (≥ 2 payments);
 * - frequency: payments per 30 days over the active span, payment count × 30 / max(span in days, 30).
 *
 * Invoice metrics (drafts never count):
 * - paid: status paid or overpaid (fully paid, partial payments adding up included);
 * - settled: paid, or void after it was sent, or overdue (open or partially paid past its due date);
 * - success rate: paid ÷ settled (null with nothing settled);
 * - on-time rate: invoices fully paid on or before their due date (UTC day) ÷ paid;
 * - average days to pay: mean of (fully paid − sent), in days, over paid invoices that were sent.
 */

/** When a payment happened: its block's time, or when Coinbook saw it if the chain gave no time. */
export const paymentTime = sql<Date>`coalesce(p.block_time, p.detected_at)`

/** Days a customer with ≥ 2 payments may go without paying before they count as churned (at least). */
export const CHURN_MIN_DAYS = 90
/** …or this many times their median interval, whichever is longer. */
export const CHURN_INTERVAL_MULTIPLE = 3

/** When a customer (as customer_stats `s`) churns or churned: null for fewer than 2 payments. */
export const churnAt = sql<Date | null>`case when s.payment_count >= 2 then s.last_payment_at + make_interval(secs => greatest(${CHURN_MIN_DAYS}::numeric, ${CHURN_INTERVAL_MULTIPLE} * coalesce(s.median_interval_days, 0)) * 86400) end`

/**
 * Locks the customers' stats rows first, in id order (two transactions locking overlapping sets cannot
 * deadlock on them): in READ COMMITTED each following statement then reads every payment and invoice
 * committed before the lock was granted, so two transactions updating one customer cannot lose each
 * other's change.
 */
export async function lockStats(trx: Transaction<Database>, customerIds: readonly string[]) {
  await sql`select customer_id from customer_stats where customer_id = any(${[...customerIds]}::uuid[])
    order by customer_id for update`.execute(trx)
}

/** A payment that counts from the moment it was written (it arrived confirmed): what it adds. */
export interface AddedPayment {
  customerId: string
  merchantId: string
  asset: string
  network: string
  /** Base units. */
  amount: string
  decimals: number
  fiatValue: string | null
  /** Its payment time (block time, else when it was detected). */
  at: Date
}

/**
 * What new payments add to their customers' metrics, in the transaction that inserted them (once, since
 * the payment's insert is what is exactly-once): the sums (count, lifetime value, coin mix) and first/last
 * payment move by the batch's per-customer deltas instead of being recomputed from every payment; the
 * median interval still reads the customer's payment times (one index range each), and the top coin the
 * customer's coin mix. The payments must have no refunds (new ones cannot). Equal to what
 * refreshPaymentMetrics gives (analytics.metrics.test.ts checks both).
 */
export async function addPaymentMetrics(
  trx: Transaction<Database>,
  payments: readonly AddedPayment[],
): Promise<void> {
  if (payments.length === 0) return
  await lockStats(trx, [...new Set(payments.map((p) => p.customerId))].sort())
  const col = <T>(f: (p: AddedPayment) => T) => payments.map(f)
  const added = sql`unnest(${col((p) => p.customerId)}::uuid[], ${col((p) => p.merchantId)}::uuid[],
    ${col((p) => p.asset)}::text[], ${col((p) => p.network)}::text[], ${col((p) => p.amount)}::numeric[],
    ${col((p) => p.decimals)}::int[], ${col((p) => p.fiatValue)}::numeric[],
    ${col((p) => p.at.toISOString())}::timestamptz[])
    as x(customer_id, merchant_id, asset, network, amount, decimals, fiat_value, at)`
  await sql`
    insert into customer_asset_stats as s (customer_id, merchant_id, asset, network, payment_count, volume, fiat_value)
    select customer_id, merchant_id, asset, network, count(*)::int,
      trim_scale(sum(amount / (10::numeric ^ decimals))), trim_scale(coalesce(sum(fiat_value), 0))
    from ${added}
    group by customer_id, merchant_id, asset, network
    order by customer_id, asset, network
    on conflict (customer_id, asset, network) do update set payment_count = s.payment_count + excluded.payment_count,
      volume = trim_scale(s.volume + excluded.volume), fiat_value = trim_scale(s.fiat_value + excluded.fiat_value)
  `.execute(trx)
  await sql`
    with d as (
      select customer_id, count(*)::int as n, coalesce(sum(fiat_value), 0) as ltv, min(at) as first_at,
        max(at) as last_at
      from ${added} group by customer_id
    ),
    fig as (
      select d.customer_id, s.payment_count + d.n as n, trim_scale(s.lifetime_value + d.ltv) as ltv,
        least(s.first_payment_at, d.first_at) as first_at, greatest(s.last_payment_at, d.last_at) as last_at,
        med.median, top.asset as top_asset, top.network as top_network
      from d join customer_stats s on s.customer_id = d.customer_id
      cross join lateral (
        select avg(gap) as median from (
          select gap, row_number() over (order by gap) as rn, count(*) over () as c from (
            select extract(epoch from at - lag(at) over (order by at)) / 86400 as gap from (
              select ${paymentTime} as at from payments p where p.customer_id = d.customer_id and p.counted
            ) t
          ) g where gap is not null
        ) r where rn in ((c + 1) / 2, (c + 2) / 2)
      ) med
      left join lateral (
        select a.asset, a.network from customer_asset_stats a where a.customer_id = d.customer_id
        order by a.payment_count desc, a.fiat_value desc, a.asset, a.network limit 1
      ) top on true
    )
    update customer_stats s set
      lifetime_value = fig.ltv,
      payment_count = fig.n,
      first_payment_at = fig.first_at,
      last_payment_at = fig.last_at,
      median_interval_days = round(fig.median, 2),
      payments_per_30d = round(fig.n * 30 / greatest(extract(epoch from fig.last_at - fig.first_at) / 86400, 30), 2),
      top_asset = fig.top_asset,
      top_network = fig.top_network,
      updated_at = now()
    from fig where s.customer_id = fig.customer_id
  `.execute(trx)
}

/**
 * Recomputes the payment metrics and coin mix of the given customers from their confirmed payments and
 * those payments' refunds, in the caller's transaction (the one that changed the payments or recorded a
 * refund), in one statement for all of them: a scan
 * that confirms 500 payments of 300 customers refreshes the 300 once. A customer has few payments and an
 * index (payments_customer_counted_idx) walks them; recomputing rather than adding deltas keeps every
 * figure exact whatever happened (a reorg, the same change applied twice, a merge).
 */
export async function refreshPaymentMetrics(
  trx: Transaction<Database>,
  customerIds: string | readonly string[],
  { keepTotals = false }: { keepTotals?: boolean } = {},
): Promise<void> {
  const ids = [...new Set(typeof customerIds === 'string' ? [customerIds] : customerIds)].sort()
  if (ids.length === 0) return
  await lockStats(trx, ids)
  await sql`
    with ids as (select unnest(${ids}::uuid[]) as customer_id),
    refunded as (
      select r.payment_id, sum(r.amount) as amount, sum(r.fiat_value) as fiat
      from refunds r join payments q on q.id = r.payment_id
      where q.customer_id = any(${ids}::uuid[]) and q.counted
      group by r.payment_id
    ),
    p as (
      select p.customer_id, ${paymentTime} as at, p.merchant_id, p.asset, p.network,
        p.amount - coalesce(rf.amount, 0) as amount, p.decimals, p.fiat_value - coalesce(rf.fiat, 0) as fiat_value
      from payments p left join refunded rf on rf.payment_id = p.id
      where p.customer_id = any(${ids}::uuid[]) and p.counted
    ),
    coins as (
      select customer_id, merchant_id, asset, network, count(*)::int as n,
        trim_scale(sum(amount / (10::numeric ^ decimals))) as volume,
        trim_scale(coalesce(sum(fiat_value), 0)) as fiat
      from p group by customer_id, merchant_id, asset, network
    ),
    gone as (
      delete from customer_asset_stats s where s.customer_id = any(${ids}::uuid[])
        and not exists (select 1 from coins c
          where c.customer_id = s.customer_id and c.asset = s.asset and c.network = s.network)
    ),
    kept as (
      insert into customer_asset_stats (customer_id, merchant_id, asset, network, payment_count, volume, fiat_value)
      select customer_id, merchant_id, asset, network, n, volume, fiat from coins
      on conflict (customer_id, asset, network) do update set payment_count = excluded.payment_count,
        volume = excluded.volume, fiat_value = excluded.fiat_value
    ),
    gaps as (
      select customer_id, extract(epoch from at - lag(at) over (partition by customer_id order by at)) / 86400 as gap
      from p
    ),
    ranked as (
      select customer_id, gap, row_number() over (partition by customer_id order by gap) as rn,
        count(*) over (partition by customer_id) as c
      from gaps where gap is not null
    ),
    med as (
      select customer_id, avg(gap) as median from ranked where rn in ((c + 1) / 2, (c + 2) / 2) group by customer_id
    ),
    agg as (
      select customer_id, count(*)::int as n, trim_scale(coalesce(sum(fiat_value), 0)) as ltv, min(at) as first_at,
        max(at) as last_at
      from p group by customer_id
    ),
    top as (
      select distinct on (customer_id) customer_id, asset, network from coins
      order by customer_id, n desc, fiat desc, asset, network
    ),
    fig as (
      select ids.customer_id, coalesce(agg.n, 0) as n, coalesce(agg.ltv, 0) as ltv, agg.first_at, agg.last_at,
        med.median, top.asset as top_asset, top.network as top_network
      from ids left join agg using (customer_id) left join med using (customer_id) left join top using (customer_id)
    )
    update customer_stats s set
      lifetime_value = ${keepTotals ? sql`s.lifetime_value` : sql`fig.ltv`},
      payment_count = ${keepTotals ? sql`s.payment_count` : sql`fig.n`},
      first_payment_at = ${keepTotals ? sql`s.first_payment_at` : sql`fig.first_at`},
      last_payment_at = ${keepTotals ? sql`s.last_payment_at` : sql`fig.last_at`},
      median_interval_days = round(fig.median, 2),
      payments_per_30d = case when fig.n > 0 then
        round(fig.n * 30 / greatest(extract(epoch from fig.last_at - fig.first_at) / 86400, 30), 2) end,
      top_asset = fig.top_asset,
      top_network = fig.top_network,
      updated_at = now()
    from fig where s.customer_id = fig.customer_id
  `.execute(trx)
}

/**
 * Recomputes the customer's invoice metrics, in the caller's transaction. `today` (YYYY-MM-DD, UTC) is
 * what "overdue" is measured against; the analytics.overdue job refreshes customers whose invoices
 * passed their due date since.
 */
export async function refreshInvoiceMetrics(
  trx: Transaction<Database>,
  customerId: string,
  today: string,
): Promise<void> {
  await lockStats(trx, [customerId])
  await sql`
    with a as (
      select
        count(*) filter (where status in ('paid', 'overpaid'))::int as paid,
        count(*) filter (where status in ('paid', 'overpaid') or (status = 'void' and sent_at is not null)
          or (status in ('open', 'partially_paid') and due_date < ${today}::date))::int as settled,
        count(*) filter (where status in ('paid', 'overpaid')
          and (paid_at at time zone 'UTC')::date <= due_date)::int as on_time,
        avg(extract(epoch from paid_at - sent_at) / 86400)
          filter (where status in ('paid', 'overpaid') and sent_at is not null) as days
      from invoices where customer_id = ${customerId}
    )
    update customer_stats set
      invoices_paid_count = a.paid,
      invoices_settled_count = a.settled,
      paid_on_time_count = a.on_time,
      success_rate = case when a.settled > 0 then round(a.paid::numeric / a.settled, 4) end,
      on_time_rate = case when a.paid > 0 then round(a.on_time::numeric / a.paid, 4) end,
      avg_days_to_pay = round(a.days, 2),
      updated_at = now()
    from a where customer_id = ${customerId}
  `.execute(trx)
}

/**
 * Both, after a merge moved payments and invoices to the customer. `keepTotals` leaves lifetime value,
 * payment count and first/last payment as the merge added them up (they are sums, exact either way).
 */
export async function recomputeCustomerMetrics(
  trx: Transaction<Database>,
  customerId: string,
  today: string,
  opts: { keepTotals?: boolean } = {},
): Promise<void> {
  await refreshPaymentMetrics(trx, customerId, opts)
  await refreshInvoiceMetrics(trx, customerId, today)
}

/** YYYY-MM-DD of a moment, in UTC: the day "overdue" and the analytics' day boundaries use. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10)
}

/**
 * Refreshes the invoice metrics of customers with an invoice that fell overdue in the `days` before
 * `today` (the daily analytics.overdue job), in batches. Returns how many customers it refreshed.
 */
export async function refreshOverdueCustomers(
  db: Kysely<Database>,
  today: string,
  days = 7,
): Promise<number> {
  const rows = await db
    .selectFrom('invoices')
    .select('customer_id')
    .distinct()
    .where('status', 'in', ['open', 'partially_paid'])
    .where('due_date', '<', today)
    .where('due_date', '>=', sql<string>`${today}::date - ${days}::int`)
    .execute()
  for (const { customer_id } of rows) {
    await db.transaction().execute((trx) => refreshInvoiceMetrics(trx, customer_id, today))
  }
  return rows.length
}
