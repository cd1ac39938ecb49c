import { execFileSync } from 'node:child_process'
import { createServer } from 'node:http'
import pg from 'pg'
import { publicKeyAt } from '../../chain-watchers/src/derive/account-keys.fixture.js'
import { startAnvil } from '../../chain-watchers/test/anvil.js'
import {
  type CoinbookProcess,
  freePort,
  migrate,
  postgresBin,
  startCoinbook,
  startPostgres,
  startRedis,
  waitFor,
} from './services.js'

// The multi-process drill (issue 10): 2 API and 2 worker processes on their own PostgreSQL and Redis and an
// anvil chain. Payments are sent on chain while workers are SIGKILLed at random moments, Redis and
// PostgreSQL each crash and come back once. Afterwards every payment must be recorded exactly once, every
// customer's totals must equal the sum of their payments, and every payment.confirmed webhook must have been
// delivered. DRILL_PAYMENTS and DRILL_KILLS change the size; the process exits 1 on any discrepancy.

const PAYMENTS = Number(process.env.DRILL_PAYMENTS ?? 1000)
const KILLS = Number(process.env.DRILL_KILLS ?? 20)
const CUSTOMERS = 50
const REMINDED = 10
const ETH_USD = 4000n
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const log = (msg: string) => console.log(`[drill ${new Date().toISOString().slice(11, 19)}] ${msg}`)

async function main() {
  const bin = postgresBin()
  const hasRedis = (() => {
    try {
      execFileSync('redis-server', ['--version'], { stdio: 'pipe' })
      return true
    } catch {
      return false
    }
  })()
  if (!bin || !hasRedis) {
    const missing = `PostgreSQL server binaries ${bin ? 'found' : 'missing'}, redis-server ${hasRedis ? 'found' : 'missing'}`
    if (process.env.CI) throw new Error(`the multi-process drill needs them in CI: ${missing}`)
    log(`skipped: ${missing}`)
    return
  }
  const started = Date.now()
  const postgres = await startPostgres(bin)
  const redis = await startRedis()
  const anvil = await startAnvil()
  const processes: CoinbookProcess[] = []
  const receiver = await startReceiver()
  const env: Record<string, string> = {
    DATABASE_URL: postgres.url,
    REDIS_URL: redis.url,
    MIGRATE_ON_START: 'false',
    COINBOOK_NETWORK_MODE: 'regtest',
    ETHEREUM_RPC_URLS: anvil.url,
    ETHEREUM_CONFIRMATIONS: '2',
    SCAN_INTERVAL_SECONDS: '1',
    // Reminder runs every few seconds, so they too meet the kills and the crashes.
    REMINDERS_INTERVAL_SECONDS: '5',
    RATES_PROVIDER: 'fixed',
    RATES_FIXED: `ETH:USD=${ETH_USD}`,
    RATE_LIMIT_AUTH_PER_MINUTE: '0',
    RATE_LIMIT_PUBLIC_PER_MINUTE: '0',
    RATE_LIMIT_PUBLIC_TOKEN_PER_MINUTE: '0',
    WEBHOOKS_ALLOW_PRIVATE: 'true',
    HOST: '127.0.0.1',
  }
  let failed = false
  try {
    migrate(env)
    const apis: string[] = []
    for (const i of [0, 1]) {
      const port = await freePort()
      processes.push(startCoinbook(`api-${i}`, ['api'], { ...env, PORT: String(port) }))
      const url = `http://127.0.0.1:${port}`
      await waitFor(`api-${i}`, async () => (await fetch(`${url}/readyz`)).ok, 180_000)
      apis.push(url)
    }
    const workers = [0, 1].map((i) => startCoinbook(`worker-${i}`, ['worker'], env))
    processes.push(...workers)

    // A network's first scan starts at the head (no history): wait for it before sending anything.
    await waitFor(
      'the first scan',
      async () => {
        const c = new pg.Client({ connectionString: postgres.url })
        await c.connect()
        try {
          return (await c.query(`select 1 from chain_cursors where network = 'ethereum'`)).rowCount === 1
        } finally {
          await c.end()
        }
      },
      180_000,
    )
    const api = await signIn(apis)
    await api.call('PUT', '/api/v1/wallets/ethereum', { xpub: publicKeyAt("m/44'/60'/7'") })
    const customers: { id: string; address: string }[] = []
    for (let i = 0; i < CUSTOMERS; i++) {
      const { id } = await api.call('POST', '/api/v1/customers', { name: `Drill customer ${i}` })
      const target = await api.call('POST', `/api/v1/customers/${id}/deposit-targets`, {
        asset: 'ETH',
        network: 'ethereum',
      })
      customers.push({ id, address: target.address })
    }
    // Overdue invoices: every reminder run during the chaos looks at them; each must get one reminder, the
    // latest step due (overdue_1), never two. Due four days ago, so that step is due whatever the hour.
    // Their customers pay nothing during the drill: a payment to a customer's own address would pay the
    // invoice (the oldest open one) before its reminder is due.
    const overdue: string[] = []
    for (let i = 0; i < REMINDED; i++) {
      const c = await api.call('POST', '/api/v1/customers', { name: `Drill debtor ${i}` })
      const invoice = await api.call('POST', '/api/v1/invoices', {
        customerId: c.id,
        currency: 'USD',
        lines: [{ description: 'Drill', quantity: 1, unitAmount: '10.00' }],
      })
      await api.call('POST', `/api/v1/invoices/${invoice.id}/send`)
      overdue.push(invoice.id)
    }
    await sqlOnce(
      postgres.url,
      `update invoices set issue_date = current_date - 20, due_date = current_date - 4, sent_at = now() - interval '20 days'
       where id = any('{${overdue.join(',')}}'::uuid[])`,
    )
    const webhooks = await api
      .call('POST', '/api/v1/webhook-endpoints', { url: receiver.url, events: ['payment.confirmed'] })
      .then(
        () => true,
        (err: Error) => {
          log(`webhooks not checked: ${err.message}`)
          return false
        },
      )
    log(
      `${apis.length} API and ${workers.length} worker processes up; ${CUSTOMERS} customers; sending ${PAYMENTS} payments`,
    )

    // Chaos, beside the payments: a worker SIGKILLed every 1–3 s and started again; Redis crashes at a
    // third of the kills, PostgreSQL at two thirds.
    const accounts = await anvil.rpc<string[]>('eth_accounts')
    const expected = new Map<string, { customer: string; wei: bigint }>()
    let sending = true
    const chaos = (async () => {
      const restarts = { redis: 0, postgres: 0 }
      for (let k = 1; k <= KILLS; k++) {
        await sleep(1000 + Math.random() * 2000)
        const i = Math.floor(Math.random() * workers.length)
        await workers[i]?.kill()
        workers[i] = startCoinbook(`worker-${i}`, ['worker'], env)
        processes.push(workers[i] as CoinbookProcess)
        if (k === Math.ceil(KILLS / 3)) {
          await redis.crashRestart()
          restarts.redis++
          log(`kill ${k}: worker-${i}; Redis crashed and restarted`)
        } else if (k === Math.ceil((2 * KILLS) / 3)) {
          await postgres.crashRestart()
          restarts.postgres++
          log(`kill ${k}: worker-${i}; PostgreSQL crashed (immediate stop) and restarted`)
        }
      }
      return restarts
    })()

    let verifyCalls = 0
    for (let n = 0; n < PAYMENTS; n++) {
      const customer = customers[n % CUSTOMERS] as { id: string; address: string }
      const wei = 10n ** 15n * BigInt(1 + ((n * 7919) % 1000))
      const hash = await anvil.rpc<string>('eth_sendTransaction', [
        { from: accounts[n % accounts.length], to: customer.address, value: `0x${wei.toString(16)}` },
      ])
      expected.set(hash.toLowerCase(), { customer: customer.id, wei })
      // Every tenth is also submitted by hash, racing the scans; an API may be mid-restart of PostgreSQL.
      if (n % 10 === 0) {
        verifyCalls++
        void api
          .call('POST', '/api/v1/payments/verify', { network: 'ethereum', txHash: hash }, n)
          .catch(() => {})
      }
      await sleep(40)
    }
    sending = false
    const restarts = await chaos
    await anvil.rpc('anvil_mine', [5])
    log(`sent ${expected.size} payments (${verifyCalls} also verified by hash); ${KILLS} worker kills done`)

    const db = () => new pg.Client({ connectionString: postgres.url })
    const query = async <T>(text: string): Promise<T[]> => {
      const c = db()
      await c.connect()
      try {
        return (await c.query(text)).rows as T[]
      } finally {
        await c.end()
      }
    }
    const converged = Date.now()
    await waitFor(
      'every payment confirmed',
      async () => {
        const [row] = await query<{ n: string }>(`select count(*) n from payments where status = 'confirmed'`)
        return Number(row?.n) >= PAYMENTS
      },
      300_000,
    ).catch(async (err: Error) => {
      const byStatus = await query('select status, count(*)::int n from payments group by status')
      const cursor = await query('select block_number, lease_until, updated_at from chain_cursors')
      const head = await anvil.rpc<string>('eth_blockNumber')
      throw new Error(
        `${err.message}: payments ${JSON.stringify(byStatus)}, cursor ${JSON.stringify(cursor)}, head ${Number(head)}`,
      )
    })
    const convergeSeconds = Math.round((Date.now() - converged) / 1000)

    // Exactly once: nothing missing, nothing twice, nothing that was never sent.
    const rows = await query<{ tx_hash: string; customer_id: string; amount: string; status: string }>(
      'select tx_hash, customer_id, amount, status from payments',
    )
    const seen = new Map<string, number>()
    for (const r of rows) seen.set(r.tx_hash.toLowerCase(), (seen.get(r.tx_hash.toLowerCase()) ?? 0) + 1)
    const duplicates = [...seen.values()].filter((c) => c > 1).length
    const lost = [...expected.keys()].filter((h) => !seen.has(h)).length
    const unknown = [...seen.keys()].filter((h) => !expected.has(h)).length
    const wrong = rows.filter((r) => {
      const e = expected.get(r.tx_hash.toLowerCase())
      return !e || e.customer !== r.customer_id || BigInt(r.amount) !== e.wei || r.status !== 'confirmed'
    }).length

    // Customer totals: the stats kept in each payment's transaction equal what was sent to them.
    const sent = new Map<string, { wei: bigint; count: number }>()
    for (const { customer, wei } of expected.values()) {
      const s = sent.get(customer) ?? { wei: 0n, count: 0 }
      sent.set(customer, { wei: s.wei + wei, count: s.count + 1 })
    }
    const stats = await query<{ customer_id: string; lifetime_value: string; payment_count: number }>(
      'select customer_id, lifetime_value::text, payment_count from customer_stats',
    )
    const totalsWrong = stats.filter((s) => {
      const e = sent.get(s.customer_id) ?? { wei: 0n, count: 0 }
      // wei × USD/ETH ÷ 10^18, exactly: compare in units of 10^-18 USD.
      const [whole = '0', frac = ''] = s.lifetime_value.split('.')
      const ltv = BigInt(whole) * 10n ** 18n + BigInt(frac.padEnd(18, '0').slice(0, 18))
      return ltv !== e.wei * ETH_USD || s.payment_count !== e.count
    }).length

    let undelivered = 0
    let webhookEvents = 0
    if (webhooks) {
      const events = await query<{ id: string }>(`select id from events where type = 'payment.confirmed'`)
      webhookEvents = events.length
      await waitFor(
        'every payment.confirmed webhook delivered',
        async () => events.every((e) => receiver.ids.has(e.id)),
        120_000,
      ).catch(() => {})
      undelivered = events.filter((e) => !receiver.ids.has(e.id)).length
    }

    // No reminder twice: one message per overdue invoice, all runs and kills included.
    const reminderCount = async () =>
      query<{ invoice_id: string; n: number }>(
        `select invoice_id::text invoice_id, count(*)::int n from messages
         where kind like 'reminder_%' group by 1`,
      )
    await waitFor(
      'a reminder for every overdue invoice',
      async () => (await reminderCount()).length === overdue.length,
      120_000,
    ).catch(() => {})
    const reminders = await reminderCount()
    const remindedTwice = reminders.filter((r) => r.n > 1).length
    const notReminded = overdue.filter((id) => !reminders.some((r) => r.invoice_id === id)).length

    const figures = {
      payments: PAYMENTS,
      recorded: seen.size,
      duplicates,
      lost,
      unknown,
      wrong,
      customerTotalsWrong: totalsWrong,
      workerKills: KILLS,
      secondsToConvergeAfterSending: convergeSeconds,
      redisRestarts: restarts.redis,
      postgresRestarts: restarts.postgres,
      webhookEvents,
      webhookDeliveries: receiver.deliveries,
      webhooksUndelivered: webhooks ? undelivered : 'not checked',
      overdueInvoices: overdue.length,
      remindersSent: reminders.reduce((n, r) => n + r.n, 0),
      remindedTwice,
      notReminded,
      seconds: Math.round((Date.now() - started) / 1000),
    }
    log(JSON.stringify(figures))
    failed =
      !sending &&
      (duplicates > 0 ||
        lost > 0 ||
        unknown > 0 ||
        wrong > 0 ||
        totalsWrong > 0 ||
        undelivered > 0 ||
        remindedTwice > 0 ||
        notReminded > 0 ||
        seen.size !== PAYMENTS ||
        webhookEvents !== (webhooks ? PAYMENTS : 0))
    if (failed) log('FAILED: see the figures above')
    else log('passed: every payment recorded exactly once, totals exact, every webhook delivered')
  } catch (err) {
    failed = true
    log(`FAILED: ${err instanceof Error ? err.stack : String(err)}`)
  } finally {
    if (failed) for (const p of processes.slice(-4)) log(`--- ${p.name} output ---\n${p.output.join('')}`)
    await Promise.all(processes.map((p) => p.stop()))
    await anvil.stop()
    await redis.stop()
    await postgres.stop()
    receiver.close()
  }
  if (failed) process.exit(1)
}

async function sqlOnce(url: string, text: string) {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    await c.query(text)
  } finally {
    await c.end()
  }
}

/** A merchant signed up on the first API; calls alternate between the API processes. */
async function signIn(apis: string[]) {
  const res = await fetch(`${apis[0]}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: 'drill@example.com',
      password: 'correct horse battery',
      merchantName: 'Drill',
    }),
  })
  if (res.status !== 201) throw new Error(`signup: ${res.status} ${await res.text()}`)
  const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? ''
  let turn = 0
  return {
    // biome-ignore lint/suspicious/noExplicitAny: the drill reads a few fields of API responses
    async call(method: string, path: string, body?: unknown, pick = turn++): Promise<any> {
      const url = apis[pick % apis.length]
      const r = await fetch(`${url}${path}`, {
        method,
        headers: { cookie, 'content-type': 'application/json', origin: url ?? '' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      const text = await r.text()
      if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${text}`)
      return text ? JSON.parse(text) : null
    },
  }
}

/** The merchant's webhook receiver: records each delivery's webhook-id (the event id) and answers 200. */
async function startReceiver() {
  const ids = new Set<string>()
  let deliveries = 0
  const server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      const id = req.headers['webhook-id']
      if (typeof id === 'string') {
        ids.add(id)
        deliveries++
      }
      res.writeHead(200).end('ok')
    })
  })
  const port = await freePort()
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()))
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    ids,
    get deliveries() {
      return deliveries
    },
    close: () => server.close(),
  }
}

await main()
