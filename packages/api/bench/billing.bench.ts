// The billing job at scale: 100,000 active subscriptions (10 merchants × 10,000 customers, half of them
// auto-send) whose period has started, then one billing run, timed; then a second run, which must issue
// nothing. PostgreSQL only (DATABASE_URL; e.g. a database of its own such as coinbook_h17_bench).
// Goal: ≤ 60 s for the 100,000 period invoices. SUBSCRIPTIONS and MERCHANTS change the size.
import { performance } from 'node:perf_hooks'
import { sql } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { loadConfig } from '../src/config.js'
import { connectDatabase } from '../src/db/connect.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { runBilling } from '../src/modules/subscriptions/services/run-billing.js'

const url = process.env.DATABASE_URL
if (!url) {
  // Not a failure: `pnpm bench` also runs on the embedded database, which this figure is not about.
  console.log(
    'billing bench: skipped, set DATABASE_URL to a PostgreSQL database (it writes 100,000 invoices)',
  )
  process.exit(0)
}
const total = Number(process.env.SUBSCRIPTIONS ?? 100_000)
const merchantCount = Number(process.env.MERCHANTS ?? 10)
const perMerchant = Math.ceil(total / merchantCount)

const handle = await connectDatabase({ url, poolSize: 4 })
const db = handle.db
await migrateToLatest(db)
const config = loadConfig({ DATABASE_URL: url, RATES_PROVIDER: 'fixed', COINBOOK_NETWORK_MODE: 'regtest' })
const clock = { now: () => new Date('2026-03-01T00:05:00Z') }

// Seed set-based: merchants, customers, one plan per merchant, subscriptions due on 2026-03-01.
const seedStart = performance.now()
const run = uuidv7()
const merchants = Array.from({ length: merchantCount }, () => uuidv7())
for (const [m, merchantId] of merchants.entries()) {
  await db
    .insertInto('merchants')
    .values({ id: merchantId, name: `Billing bench ${run} #${m}` })
    .execute()
  const planId = uuidv7()
  await db
    .insertInto('plans')
    .values({
      id: planId,
      merchant_id: merchantId,
      name: 'Pro',
      amount: '29.99',
      currency: 'USD',
      interval: 'month',
      interval_count: 1,
      trial_days: 0,
    })
    .execute()
  await sql`insert into customers (id, merchant_id, name, auto_send)
    select gen_random_uuid(), ${merchantId}::uuid, 'Subscriber ' || g, g % 2 = 0
    from generate_series(1, ${perMerchant}::int) g`.execute(db)
  await sql`insert into subscriptions (id, merchant_id, customer_id, plan_id, status, start_date, anchor_date,
      period_index, next_period_start)
    select gen_random_uuid(), c.merchant_id, c.id, ${planId}::uuid, 'active', '2026-01-31', '2026-01-31', 1,
      '2026-02-28'
    from customers c where c.merchant_id = ${merchantId}::uuid`.execute(db)
}
await sql`analyze`.execute(db)
const seeded = (performance.now() - seedStart) / 1000
console.log(
  `database: postgres; seeded ${merchantCount * perMerchant} due subscriptions in ${seeded.toFixed(1)} s`,
)

const started = performance.now()
const result = await runBilling({ db, clock, config })
const seconds = (performance.now() - started) / 1000

const again = performance.now()
const second = await runBilling({ db, clock, config })
const secondSeconds = (performance.now() - again) / 1000

const { rows } = await sql<{ invoices: number; numbers: number; open: number }>`
  select count(*)::int as invoices, count(distinct (i.merchant_id, i.number))::int as numbers,
    count(*) filter (where i.status = 'open')::int as open
  from invoices i where i.merchant_id = any(${merchants}::uuid[])`.execute(db)
const counts = rows[0]
console.log(
  `billing run: ${result.issued} period invoices in ${seconds.toFixed(1)} s (${(result.issued / seconds).toFixed(0)} invoices/s; goal ≤ 60 s for 100,000); ${counts?.open} issued sent`,
)
console.log(`second run: ${second.issued} issued in ${secondSeconds.toFixed(2)} s`)
const ok =
  counts?.invoices === merchantCount * perMerchant &&
  counts.numbers === counts.invoices &&
  second.issued === 0
console.log(
  ok ? 'check: one invoice per subscription, numbers unique' : `check FAILED: ${JSON.stringify(counts)}`,
)

// Leave the bench database as it was: the merchants' rows go, everything else cascades.
await sql`delete from invoice_settings where merchant_id = any(${merchants}::uuid[])`.execute(db)
await sql`delete from subscription_periods sp using subscriptions s
  where s.id = sp.subscription_id and s.merchant_id = any(${merchants}::uuid[])`.execute(db)
await sql`delete from subscriptions where merchant_id = any(${merchants}::uuid[])`.execute(db)
await sql`delete from invoices where merchant_id = any(${merchants}::uuid[])`.execute(db)
await sql`delete from plans where merchant_id = any(${merchants}::uuid[])`.execute(db)
await sql`delete from customers where merchant_id = any(${merchants}::uuid[])`.execute(db)
await sql`delete from merchants where id = any(${merchants}::uuid[])`.execute(db)
await handle.close()
if (!ok || seconds > 60) process.exit(1)
