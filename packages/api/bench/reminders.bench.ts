// The reminder run at scale: 100,000 open invoices (10,000 customers in four time zones) whose "on the due
// date" step has come, seeded set-wise in SQL; one reminder run, timed, queues a message for each into the
// mailer's log; a second run must queue none; then the sender loop delivers them into a local smtp-server
// sink that accepts and discards. Prints messages/s per phase and the process's peak RSS.
// PostgreSQL only (DATABASE_URL, e.g. a database of its own such as coinbook_h36_bench). INVOICES changes
// the size.
import { performance } from 'node:perf_hooks'
import { sql } from 'kysely'
import { SMTPServer } from 'smtp-server'
import { v7 as uuidv7 } from 'uuid'
import { loadConfig } from '../src/config.js'
import { connectDatabase } from '../src/db/connect.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { configureMessageLinks } from '../src/modules/messages/links.js'
import { sendDueMessages } from '../src/modules/messages/services/send-due.js'
import { closeMailTransports } from '../src/modules/messages/transport.js'
import { runReminders } from '../src/modules/reminders/services/run.js'

const url = process.env.DATABASE_URL
if (!url) {
  // Not a failure: `pnpm bench` also runs on the embedded database, which this figure is not about.
  console.log(
    'reminders bench: skipped, set DATABASE_URL to a PostgreSQL database (it writes 100,000 invoices)',
  )
  process.exit(0)
}
const total = Number(process.env.INVOICES ?? 100_000)
const customerCount = Math.min(total, 10_000)

let peakRss = 0
const sample = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss)
}, 100)
sample.unref()

let accepted = 0
const sink = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    stream.on('data', () => {})
    stream.on('end', () => {
      accepted++
      callback()
    })
  },
})
await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve))
const port = (sink.server.address() as { port: number }).port

const handle = await connectDatabase({ url, poolSize: 4 })
const db = handle.db
await migrateToLatest(db)
const config = loadConfig({
  DATABASE_URL: url,
  RATES_PROVIDER: 'fixed',
  PUBLIC_URL: 'https://crm.bench.test',
  SMTP_URL: `smtp://127.0.0.1:${port}`,
})
configureMessageLinks(config)
// Due 2026-03-10, sent 2026-03-01; at 23:00 UTC on the 10th, 09:00 has come in every zone below.
const clock = { now: () => new Date('2026-03-10T23:00:00Z') }
const deps = { db, config, clock }

const seedStart = performance.now()
const merchantId = uuidv7()
await db.insertInto('merchants').values({ id: merchantId, name: 'Reminders bench' }).execute()
await sql`insert into customers (id, merchant_id, name, email, timezone)
  select gen_random_uuid(), ${merchantId}::uuid, 'Customer ' || g, 'customer' || g || '@bench.test',
    (array['America/New_York', 'Asia/Kolkata', 'Pacific/Auckland', null])[1 + g % 4]
  from generate_series(1, ${customerCount}::int) g`.execute(db)
await sql`insert into customer_stats (customer_id, merchant_id) select id, merchant_id from customers
  where merchant_id = ${merchantId}::uuid`.execute(db)
await sql`insert into invoices (id, merchant_id, customer_id, number, status, currency, subtotal, tax_total,
    total, amount_paid, issue_date, due_date, accepts, pay_token, sent_at, created_at, updated_at)
  select gen_random_uuid(), ${merchantId}::uuid, c.id, 'INV-' || lpad(g::text, 7, '0'), 'open', 'USD',
    120, 0, 120, 0, '2026-03-01', '2026-03-10', '[]'::jsonb, 'tok' || g, '2026-03-01T12:00:00Z',
    '2026-03-01T12:00:00Z', '2026-03-01T12:00:00Z'
  from generate_series(1, ${total}::int) g
  join (select id, row_number() over (order by id) - 1 as n from customers
    where merchant_id = ${merchantId}::uuid) c on c.n = g % ${customerCount}`.execute(db)
// The "3 days before" step was sent already (as a run on the 7th would have), so the run has one step to
// send per invoice, not a missed-run decision.
await sql`insert into reminder_sends (id, merchant_id, invoice_id, step_key, kind, status, due_at)
  select gen_random_uuid(), merchant_id, id, 'before_due', 'reminder_before_due', 'sent', '2026-03-07T09:00:00Z'
  from invoices where merchant_id = ${merchantId}::uuid`.execute(db)
await sql`analyze`.execute(db)
console.log(
  `reminders bench: ${total.toLocaleString()} due invoices, ${customerCount.toLocaleString()} customers in 4 zones, PostgreSQL; seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
)

const runStart = performance.now()
const first = await runReminders(deps, { merchantId }, { batchSize: Number(process.env.BATCH ?? 500) })
const runSeconds = (performance.now() - runStart) / 1000
const rssAfterRun = peakRss
console.log(
  `reminder run: ${first.sent.toLocaleString()} queued (${first.skipped} skipped) in ${runSeconds.toFixed(1)} s = ${Math.round(first.sent / runSeconds).toLocaleString()} messages/s`,
)
const againStart = performance.now()
const second = await runReminders(deps, { merchantId })
console.log(`second run: ${second.sent} queued in ${((performance.now() - againStart) / 1000).toFixed(2)} s`)

const sendStart = performance.now()
let delivered = 0
for (;;) {
  // Messages are due from when they were queued (the machine's time), not the bench's reminder clock.
  const r = await sendDueMessages(
    { ...deps, clock: { now: () => new Date() } },
    { merchantId, maxBatches: 5 },
  )
  delivered += r.sent
  if (r.sent + r.retried + r.failed === 0) break
}
const sendSeconds = (performance.now() - sendStart) / 1000
console.log(
  `smtp: ${delivered.toLocaleString()} delivered in ${sendSeconds.toFixed(1)} s = ${Math.round(delivered / sendSeconds).toLocaleString()} messages/s; the sink accepted ${accepted.toLocaleString()}`,
)
console.log(
  `peak RSS: ${Math.round(rssAfterRun / 1024 / 1024)} MB during the run, ${Math.round(Math.max(peakRss, process.memoryUsage().rss) / 1024 / 1024)} MB overall`,
)
const ok = first.sent === total && second.sent === 0 && accepted === total

// Leave the database as it was: this merchant's rows go with it.
await db.deleteFrom('merchants').where('id', '=', merchantId).execute()
closeMailTransports()
await handle.close()
await new Promise<void>((resolve) => sink.close(() => resolve()))
console.log(ok ? 'check: one reminder per invoice, none twice' : 'check FAILED')
process.exit(ok ? 0 : 1)
