// Email at scale: queue MESSAGES (100,000) reminder-like messages through queueMessages (rendered from the
// merchant's template, with unsubscribe links, in batches of 1,000 per transaction), then send them all
// with the sender loop over SMTP into a local smtp-server sink that accepts and discards. Prints messages/s
// for each phase and this process's peak RSS (the sink runs in the same process, so it is counted too).
// PostgreSQL only (DATABASE_URL, a database of its own); MESSAGES changes the size.
import { performance } from 'node:perf_hooks'
import { sql } from 'kysely'
import { SMTPServer } from 'smtp-server'
import { v7 as uuidv7 } from 'uuid'
import { loadConfig } from '../src/config.js'
import { connectDatabase } from '../src/db/connect.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { configureMessageLinks } from '../src/modules/messages/links.js'
import { type QueueMessageInput, queueMessages } from '../src/modules/messages/services/queue-message.js'
import { sendDueMessages } from '../src/modules/messages/services/send-due.js'
import { closeMailTransports } from '../src/modules/messages/transport.js'

const url = process.env.DATABASE_URL
if (!url) {
  // Not a failure: `pnpm bench` also runs on the embedded database, which this figure is not about.
  console.log('email bench: skipped, set DATABASE_URL to a PostgreSQL database (it writes 100,000 messages)')
  process.exit(0)
}
const total = Number(process.env.MESSAGES ?? 100_000)
const connections = Number(process.env.MAIL_MAX_CONNECTIONS ?? 10)

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
  size: 10 * 1024 * 1024,
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
  MAIL_MAX_CONNECTIONS: String(connections),
})
configureMessageLinks(config)
const deps = { db, config, clock: { now: () => new Date() } }

const merchantId = uuidv7()
await db.insertInto('merchants').values({ id: merchantId, name: 'Email bench' }).execute()
const customers = Math.min(total, 10_000)
await sql`insert into customers (id, merchant_id, name, email)
  select gen_random_uuid(), ${merchantId}::uuid, 'Customer ' || g, 'customer' || g || '@bench.test'
  from generate_series(1, ${customers}::int) g`.execute(db)
await sql`insert into customer_stats (customer_id, merchant_id) select id, merchant_id from customers
  where merchant_id = ${merchantId}::uuid`.execute(db)
const ids = (
  await db.selectFrom('customers').select('id').where('merchant_id', '=', merchantId).execute()
).map((c) => c.id)

console.log(
  `email bench: ${total.toLocaleString()} messages, ${customers.toLocaleString()} customers, PostgreSQL, ${connections} SMTP connections`,
)

const queueStart = performance.now()
const BATCH = 1000
for (let i = 0; i < total; i += BATCH) {
  const inputs: QueueMessageInput[] = []
  for (let j = i; j < Math.min(total, i + BATCH); j++) {
    inputs.push({
      merchantId,
      customerId: ids[j % ids.length] as string,
      kind: 'reminder_overdue_1',
      variables: {
        invoice: { number: `INV-${j}`, amountDue: '120.00', currency: 'USD', dueDate: '2026-03-01' },
        payLink: `https://crm.bench.test/pay/token${j}`,
      },
      dedupeKey: `bench:${j}`,
    })
  }
  await db.transaction().execute((trx) => queueMessages(trx, inputs))
  if ((i / BATCH) % 10 === 0) process.stderr.write(`\rqueued ${(i + BATCH).toLocaleString()}`)
}
const queueSeconds = (performance.now() - queueStart) / 1000
process.stderr.write('\n')
console.log(
  `queue: ${total.toLocaleString()} in ${queueSeconds.toFixed(1)} s = ${Math.round(total / queueSeconds).toLocaleString()} messages/s`,
)

const sendStart = performance.now()
let sent = 0
const progress = setInterval(() => process.stderr.write(`\rsent ${sent.toLocaleString()}`), 1000)
for (;;) {
  const r = await sendDueMessages(deps, { merchantId, maxBatches: 5 })
  sent += r.sent
  if (r.sent + r.retried + r.failed === 0) break
}
clearInterval(progress)
const sendSeconds = (performance.now() - sendStart) / 1000
process.stderr.write('\n')
const left = await db
  .selectFrom('messages')
  .select((eb) => eb.fn.countAll<string>().as('n'))
  .where('merchant_id', '=', merchantId)
  .where('status', '!=', 'sent')
  .executeTakeFirstOrThrow()
console.log(
  `send: ${sent.toLocaleString()} in ${sendSeconds.toFixed(1)} s = ${Math.round(sent / sendSeconds).toLocaleString()} messages/s; the sink accepted ${accepted.toLocaleString()}; not sent: ${left.n}`,
)
console.log(`peak RSS: ${Math.round(Math.max(peakRss, process.memoryUsage().rss) / 1024 / 1024)} MB`)

// Leave the database as it was: this merchant's rows go with it.
await db.deleteFrom('merchants').where('id', '=', merchantId).execute()
closeMailTransports()
await handle.close()
await new Promise<void>((resolve) => sink.close(() => resolve()))
process.exit(Number(left.n) === 0 && accepted === total ? 0 : 1)
