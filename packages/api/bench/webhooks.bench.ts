// Webhook dispatch to a local receiver, PostgreSQL only (DATABASE_URL, a database of its own such as
// coinbook_h34_bench). Two figures:
//  1. sustained: deliveries offered at RATE/s (RATE/ENDPOINTS events/s) for SECONDS while one dispatcher runs (as the webhooks.dispatch
//     job does), deliveries/s received and outbox lag (event committed → receiver got it) p50/p95/max;
//  2. backlog: BACKLOG events already in the outbox, drained by one dispatcher: deliveries/s.
// Goals: ≥ 500 deliveries/s sustained, lag p95 ≤ 1 s. ENDPOINTS spreads deliveries over that many endpoints.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { v7 as uuidv7 } from 'uuid'
import { loadConfig } from '../src/config.js'
import { connectDatabase } from '../src/db/connect.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { recordEvents } from '../src/modules/events/services/record-event.js'
import { generateWebhookSecret, sealSecret } from '../src/modules/webhooks/secrets.js'
import { runDispatcher } from '../src/modules/webhooks/services/run-dispatcher.js'

const url = process.env.DATABASE_URL
if (!url) {
  console.log('webhooks bench: skipped, set DATABASE_URL to a PostgreSQL database')
  process.exit(0)
}
const RATE = Number(process.env.RATE ?? 600)
const SECONDS = Number(process.env.SECONDS ?? 20)
const BACKLOG = Number(process.env.BACKLOG ?? 10_000)
const ENDPOINTS = Number(process.env.ENDPOINTS ?? 4)

const handle = await connectDatabase({ url, poolSize: 10 })
const db = handle.db
await migrateToLatest(db)
const config = loadConfig({ DATABASE_URL: url, WEBHOOKS_ALLOW_PRIVATE: 'true', NODE_ENV: 'production' })

// The receiver: answers 200 at once and notes when each delivery (endpoint path, webhook-id) arrived.
const arrived = new Map<string, number>()
const server = createServer((req, res) => {
  req.resume()
  req.on('end', () => {
    // Per delivery: an event goes to every endpoint under the same webhook-id, so the key is both.
    arrived.set(`${req.url} ${String(req.headers['webhook-id'])}`, performance.timeOrigin + performance.now())
    res.end('ok')
  })
})
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
const port = (server.address() as AddressInfo).port

const merchantId = uuidv7()
await db
  .insertInto('merchants')
  .values({ id: merchantId, name: `Webhooks bench ${merchantId}` })
  .execute()
for (let i = 0; i < ENDPOINTS; i++) {
  await db
    .insertInto('webhook_endpoints')
    .values({
      id: uuidv7(),
      merchant_id: merchantId,
      url: `http://127.0.0.1:${port}/hook/${i}`,
      description: null,
      event_types: ['*'],
      secret: sealSecret(generateWebhookSecret(), undefined),
      disabled_reason: null,
      disabled_at: null,
      previous_secret: null,
      previous_secret_expires_at: null,
      failing_since: null,
    })
    .execute()
}

const committedAt = new Map<string, number>()
async function record(n: number) {
  const events = await db.transaction().execute((trx) =>
    recordEvents(
      trx,
      Array.from({ length: n }, () => ({
        merchantId,
        type: 'customer.updated' as const,
        data: { object: { id: uuidv7(), name: 'Bench customer', email: 'bench@example.com' } },
      })),
    ),
  )
  const now = performance.timeOrigin + performance.now()
  for (const e of events) committedAt.set(e.id, now)
}
const deps = { db, config }
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? 0

// 1. Sustained.
{
  const ac = new AbortController()
  const dispatcher = runDispatcher(deps, { signal: ac.signal, merchantIds: [merchantId] })
  const tickMs = 50
  const eventRate = RATE / ENDPOINTS
  const perTick = Math.max(1, Math.round((eventRate * tickMs) / 1000))
  const start = performance.now()
  let sent = 0
  while (performance.now() - start < SECONDS * 1000) {
    const due = Math.floor(((performance.now() - start) / 1000) * eventRate)
    if (sent < due) {
      const n = Math.min(due - sent, perTick * 4)
      await record(n)
      sent += n
    } else await sleep(5)
  }
  const expected = sent * ENDPOINTS
  const drainEnd = performance.now() + 30_000
  while (arrived.size < expected && performance.now() < drainEnd) await sleep(20)
  const elapsed = (performance.now() - start) / 1000
  ac.abort()
  await dispatcher
  const lags: number[] = []
  for (const [key, at] of arrived) {
    const c = committedAt.get(key.slice(key.indexOf(' ') + 1))
    if (c !== undefined) lags.push(at - c)
  }
  lags.sort((a, b) => a - b)
  console.log(
    `webhooks sustained: ${sent} events × ${ENDPOINTS} endpoints = ${expected} deliveries offered at ${RATE}/s for ${SECONDS} s; ` +
      `received ${arrived.size} in ${elapsed.toFixed(1)} s (${(arrived.size / elapsed).toFixed(0)}/s); ` +
      `lag p50 ${pct(lags, 50).toFixed(0)} ms, p95 ${pct(lags, 95).toFixed(0)} ms, max ${(lags.at(-1) ?? 0).toFixed(0)} ms` +
      `${pct(lags, 95) > 1000 ? '  ⚠ p95 over 1 s' : ''}`,
  )
}

// 2. Backlog drain.
{
  arrived.clear()
  for (let i = 0; i < BACKLOG / ENDPOINTS; i += 1000) await record(Math.min(1000, BACKLOG / ENDPOINTS - i))
  const expected = Math.floor(BACKLOG / ENDPOINTS) * ENDPOINTS
  const ac = new AbortController()
  const start = performance.now()
  const dispatcher = runDispatcher(deps, { signal: ac.signal, merchantIds: [merchantId] })
  const end = start + 120_000
  while (arrived.size < expected && performance.now() < end) await sleep(20)
  const elapsed = (performance.now() - start) / 1000
  ac.abort()
  await dispatcher
  const rate = arrived.size / elapsed
  console.log(
    `webhooks backlog: ${arrived.size}/${expected} deliveries drained in ${elapsed.toFixed(1)} s = ${rate.toFixed(0)}/s${rate < 500 ? '  ⚠ under 500/s' : ''}`,
  )
}

await db.deleteFrom('merchants').where('id', '=', merchantId).execute()
server.close()
await handle.close()
