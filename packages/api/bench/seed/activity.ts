import { type Kysely, sql } from 'kysely'
import type { Database } from '../../src/db/database.js'
import { refreshInvoiceMetrics, refreshPaymentMetrics } from '../../src/modules/analytics/metrics.js'

/**
 * Payments and invoices for the seeded merchant's customers, generated inside the database
 * (INSERT … SELECT generate_series) in batches, then the customers' metrics rebuilt set-based. Each
 * batch is its own statement, so an interrupted run keeps what it wrote. Numbers come from the
 * database's random() after setseed(), so a seed gives the same shape (not byte-identical rows).
 */

// Confirmed payments over two years; customers are picked with a skew (a few pay often, many rarely).
const WINDOW_START = '2024-12-01T00:00:00Z'
const WINDOW_DAYS = 730

/** (asset, network, decimals, USD price) with weights, for the coin mix. */
const COINS = [
  ['USDT', 'tron', 6, '1', 30],
  ['USDT', 'ethereum', 6, '1', 15],
  ['USDC', 'ethereum', 6, '1', 10],
  ['USDC', 'solana', 6, '1', 8],
  ['BTC', 'bitcoin', 8, '90000', 15],
  ['ETH', 'ethereum', 18, '3000', 10],
  ['SOL', 'solana', 9, '150', 5],
  ['BNB', 'bsc', 18, '600', 4],
  ['TON', 'ton', 9, '5', 3],
] as const

/** A UUIDv7 for a moment (ids stay in time order, as the API's are). */
const uuid7 = (at: ReturnType<typeof sql>) =>
  sql`(lpad(to_hex(floor(extract(epoch from ${at}) * 1000)::bigint), 12, '0') || '7'
    || substr(md5(random()::text), 1, 3) || '8' || substr(md5(random()::text), 1, 15))::uuid`

/** The merchant's customers numbered 1…n, for picking one by number. */
export async function numberCustomers(db: Kysely<Database>, merchantId: string): Promise<number> {
  await sql`drop table if exists seed_customers`.execute(db)
  await sql`create unlogged table seed_customers as
    select row_number() over (order by id)::int as n, id from customers
    where merchant_id = ${merchantId} and deleted_at is null`.execute(db)
  await sql`create unique index on seed_customers (n)`.execute(db)
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from seed_customers`.execute(db)
  return rows[0]?.n ?? 0
}

export async function dropNumbering(db: Kysely<Database>): Promise<void> {
  await sql`drop table if exists seed_customers`.execute(db)
}

/** Inserts payments first…first+count−1 (their numbers make the transaction hashes unique). */
export async function seedPayments(
  db: Kysely<Database>,
  { merchantId, currency, first, count, customers, seed }: BatchOptions & { currency: string },
): Promise<void> {
  const coins = sql.join(
    COINS.flatMap(([asset, network, decimals, price, weight]) =>
      Array.from({ length: weight }, () => sql`(${asset}, ${network}, ${decimals}::int, ${price}::numeric)`),
    ),
  )
  const at = sql`t.at`
  await sql`select setseed(${(seed % 1000) / 1000 + first / 1e12})`.execute(db)
  await sql`
    with g as (
      select g, ${sql.lit(WINDOW_START)}::timestamptz + random() * interval '${sql.raw(String(WINDOW_DAYS))} days' as at,
        1 + floor(power(random(), 3) * ${customers})::int as cn, floor(random() * ${COINS.reduce((s, c) => s + c[4], 0)})::int + 1 as coin,
        round((5 + power(random(), 2) * 2000)::numeric, 2) as usd, random() as r
      from generate_series(${first}::bigint, ${first + count - 1}::bigint) g
    ),
    coins (asset, network, decimals, price) as (values ${coins}),
    numbered as (select row_number() over () as k, * from coins),
    t as (
      select g.*, c.id as customer_id, n.asset, n.network, n.decimals, n.price,
        case when g.r < 0.97 then 'confirmed' when g.r < 0.99 then 'failed' when g.r < 0.995 then 'reorged' else 'pending' end as status
      from g join seed_customers c on c.n = g.cn join numbered n on n.k = g.coin
    )
    insert into payments (id, merchant_id, customer_id, network, asset, tx_hash, event_index, to_address, amount,
      decimals, fiat_currency, fiat_value, rate, rate_source, block_number, block_hash, block_time, confirmations,
      status, counted, detected_at, confirmed_at, updated_at)
    select ${uuid7(at)}, ${merchantId}, t.customer_id, t.network, t.asset, 'seed-' || t.g, 0, 'seed-address',
      trunc(t.usd / t.price * (10::numeric ^ t.decimals)), t.decimals, ${currency}, t.usd, t.price, 'seed',
      t.g, 'seed-block-' || t.g, t.at, case when t.status = 'confirmed' then 100 else 0 end,
      t.status, t.status = 'confirmed', t.at, case when t.status = 'confirmed' then t.at end, t.at
    from t
    on conflict (network, tx_hash, event_index) do nothing
  `.execute(db)
}

/** Inserts invoices first…first+count−1 with their statuses, paid amounts and dates. */
export async function seedInvoices(
  db: Kysely<Database>,
  { merchantId, currency, first, count, customers, seed }: BatchOptions & { currency: string },
): Promise<void> {
  await sql`select setseed(${((seed + 7) % 1000) / 1000 + first / 1e12})`.execute(db)
  await sql`
    with t as (
      select g, ${sql.lit(WINDOW_START)}::timestamptz + random() * interval '${sql.raw(String(WINDOW_DAYS))} days' as issued,
        1 + floor(power(random(), 2) * ${customers})::int as cn, round((20 + random() * 980)::numeric, 2) as total,
        random() as r, random() * 45 as days
      from generate_series(${first}::bigint, ${first + count - 1}::bigint) g
    ),
    s as (
      select t.*, c.id as customer_id,
        case when r < 0.60 then 'paid' when r < 0.65 then 'overpaid' when r < 0.75 then 'open'
          when r < 0.83 then 'partially_paid' when r < 0.90 then 'void' else 'draft' end as status
      from t join seed_customers c on c.n = t.cn
    )
    insert into invoices (id, merchant_id, customer_id, number, status, currency, subtotal, tax_total, total,
      amount_paid, issue_date, due_date, sent_at, paid_at, voided_at, paid_late, created_at, updated_at)
    select ${uuid7(sql`s.issued`)}, ${merchantId}, s.customer_id, 'SEED-' || s.g, s.status, ${currency}, s.total, 0, s.total,
      case s.status when 'paid' then s.total when 'overpaid' then s.total + 1 when 'partially_paid' then round(s.total / 2, 2) else 0 end,
      (s.issued at time zone 'UTC')::date, (s.issued at time zone 'UTC')::date + 30,
      case when s.status <> 'draft' then s.issued end,
      case when s.status in ('paid', 'overpaid') then s.issued + s.days * interval '1 day' end,
      case when s.status = 'void' then s.issued + interval '40 days' end,
      s.status in ('paid', 'overpaid') and s.days > 30, s.issued, s.issued
    from s
    on conflict (merchant_id, number) do nothing
  `.execute(db)
}

interface BatchOptions {
  merchantId: string
  first: number
  count: number
  customers: number
  seed: number
}

/**
 * Rebuilds every customer's metrics of the merchant at once: the set-based form of metrics.ts's
 * refreshPaymentMetrics and refreshInvoiceMetrics (same definitions; `verifyMetrics` checks a sample
 * against the per-customer functions).
 */
export async function rebuildMetrics(db: Kysely<Database>, merchantId: string, today: string): Promise<void> {
  await sql`delete from customer_asset_stats where merchant_id = ${merchantId}`.execute(db)
  // The customer seed gives every customer made-up totals: those without a confirmed payment now have none.
  await sql`
    update customer_stats s set lifetime_value = 0, payment_count = 0, first_payment_at = null, last_payment_at = null,
      median_interval_days = null, payments_per_30d = null, top_asset = null, top_network = null
    where s.merchant_id = ${merchantId}
      and not exists (select 1 from payments p where p.customer_id = s.customer_id and p.counted)`.execute(db)
  await sql`
    insert into customer_asset_stats (customer_id, merchant_id, asset, network, payment_count, volume, fiat_value)
    select customer_id, merchant_id, asset, network, count(*)::int,
      trim_scale(sum(amount / (10::numeric ^ decimals))), trim_scale(coalesce(sum(fiat_value), 0))
    from payments where merchant_id = ${merchantId} and counted and customer_id is not null
    group by customer_id, merchant_id, asset, network`.execute(db)
  await sql`
    with p as (
      select customer_id, coalesce(block_time, detected_at) as at, fiat_value
      from payments where merchant_id = ${merchantId} and counted and customer_id is not null
    ),
    gaps as (
      select customer_id, extract(epoch from at - lag(at) over (partition by customer_id order by at)) / 86400 as gap from p
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
      select distinct on (customer_id) customer_id, asset, network from customer_asset_stats
      where merchant_id = ${merchantId}
      order by customer_id, payment_count desc, fiat_value desc, asset, network
    )
    update customer_stats s set
      lifetime_value = agg.ltv, payment_count = agg.n, first_payment_at = agg.first_at, last_payment_at = agg.last_at,
      median_interval_days = round(med.median, 2),
      payments_per_30d = round(agg.n * 30 / greatest(extract(epoch from agg.last_at - agg.first_at) / 86400, 30), 2),
      top_asset = top.asset, top_network = top.network, updated_at = now()
    from agg left join med on med.customer_id = agg.customer_id left join top on top.customer_id = agg.customer_id
    where s.customer_id = agg.customer_id`.execute(db)
  await sql`
    with a as (
      select customer_id,
        count(*) filter (where status in ('paid', 'overpaid'))::int as paid,
        count(*) filter (where status in ('paid', 'overpaid') or (status = 'void' and sent_at is not null)
          or (status in ('open', 'partially_paid') and due_date < ${today}::date))::int as settled,
        count(*) filter (where status in ('paid', 'overpaid')
          and (paid_at at time zone 'UTC')::date <= due_date)::int as on_time,
        avg(extract(epoch from paid_at - sent_at) / 86400)
          filter (where status in ('paid', 'overpaid') and sent_at is not null) as days
      from invoices where merchant_id = ${merchantId} group by customer_id
    )
    update customer_stats s set
      invoices_paid_count = a.paid, invoices_settled_count = a.settled, paid_on_time_count = a.on_time,
      success_rate = case when a.settled > 0 then round(a.paid::numeric / a.settled, 4) end,
      on_time_rate = case when a.paid > 0 then round(a.on_time::numeric / a.paid, 4) end,
      avg_days_to_pay = round(a.days, 2), updated_at = now()
    from a where s.customer_id = a.customer_id`.execute(db)
}

const METRIC_COLUMNS = [
  'lifetime_value',
  'payment_count',
  'first_payment_at',
  'last_payment_at',
  'median_interval_days',
  'payments_per_30d',
  'top_asset',
  'top_network',
  'invoices_paid_count',
  'invoices_settled_count',
  'paid_on_time_count',
  'success_rate',
  'on_time_rate',
  'avg_days_to_pay',
] as const

/**
 * Recomputes `sample` customers with the per-customer functions of metrics.ts (in a transaction that
 * rolls back) and returns the ones whose figures differ from the bulk rebuild: none, or the definitions
 * drifted apart.
 */
export async function verifyMetrics(db: Kysely<Database>, merchantId: string, today: string, sample = 50) {
  const ids = await db
    .selectFrom('customer_stats')
    .select('customer_id')
    .where('merchant_id', '=', merchantId)
    .where('payment_count', '>', 1)
    .orderBy(sql`md5(customer_id::text)`)
    .limit(sample)
    .execute()
  const mismatches: { customerId: string; column: string; bulk: unknown; incremental: unknown }[] = []
  const rollback = new Error('rollback')
  await db
    .transaction()
    .execute(async (trx) => {
      for (const { customer_id } of ids) {
        const read = () =>
          trx
            .selectFrom('customer_stats')
            .select(METRIC_COLUMNS)
            .where('customer_id', '=', customer_id)
            .executeTakeFirstOrThrow()
        const bulk = await read()
        await refreshPaymentMetrics(trx, customer_id)
        await refreshInvoiceMetrics(trx, customer_id, today)
        const incremental = await read()
        for (const column of METRIC_COLUMNS) {
          const a = String(bulk[column] instanceof Date ? (bulk[column] as Date).getTime() : bulk[column])
          const b = String(
            incremental[column] instanceof Date
              ? (incremental[column] as Date).getTime()
              : incremental[column],
          )
          if (a !== b) mismatches.push({ customerId: customer_id, column, bulk: a, incremental: b })
        }
      }
      throw rollback
    })
    .catch((err: unknown) => {
      if (err !== rollback) throw err
    })
  return { checked: ids.length, mismatches }
}
