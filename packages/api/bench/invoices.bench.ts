/**
 * Invoices over HTTP, against the real API process:
 * 1. the invoice list filtered by status (and overdue, and a second page) on the merchant `pnpm seed --invoices N`
 *    filled — p50/p95 of each (the issue's goal: p95 ≤ 50 ms with 2,000,000 invoices); PostgreSQL only;
 * 2. the public checkout JSON a payer's page reads (`GET /api/v1/public/checkout/{token}`) hammered by
 *    autocannon (the goal: ≥ 1,000 requests/s on this machine): 200 sent invoices of a fresh merchant, each
 *    with a live ETH quote, asked for in turn.
 *   DATABASE_URL=postgres://… tsx bench/invoices.bench.ts [--runs 30] [--duration 10] [--connections 50]
 *     [--api-processes 1] (API_PROCESSES of the API under test; PostgreSQL only)
 * Without DATABASE_URL only the checkout part runs, on an embedded database in a temporary directory.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { sql } from 'kysely'
import { publicKeyAt } from '../../chain-watchers/src/derive/account-keys.fixture.js'
import { connectDatabase } from '../src/db/connect.js'
import { startApi } from './api-server.js'
import { BENCH_MERCHANT_EMAIL, BENCH_PASSWORD, findMerchant } from './bench-merchant.js'

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '30' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    'api-processes': { type: 'string', default: '1' },
  },
})
const runs = Number(values.runs)
const LIST_GOAL_MS = 50
const CHECKOUT_GOAL_RPS = 1000
/** Open pay pages the checkout part asks for in turn. */
const PAGES = 200

const unlimited = {
  RATE_LIMIT_AUTH_PER_MINUTE: '0',
  RATE_LIMIT_PUBLIC_PER_MINUTE: '0',
  RATE_LIMIT_PUBLIC_TOKEN_PER_MINUTE: '0',
  RATES_PROVIDER: 'fixed',
  LOG_LEVEL: 'warn',
}

const url = process.env.DATABASE_URL
const embeddedDir = url ? undefined : mkdtempSync(join(tmpdir(), 'coinbook-invoices-bench-'))
const apiProcesses = url ? Number(values['api-processes']) : 1
const api = await startApi({
  env: {
    ...unlimited,
    API_PROCESSES: String(apiProcesses),
    ...(embeddedDir ? { COINBOOK_DATA_DIR: embeddedDir } : {}),
  },
})

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
}

/** CPU time (user + system) the API has used so far, in ms, from /proc: its process and any it forked. */
function processCpuMs(pid: number | undefined): number {
  if (!pid) return 0
  const stat = (p: string) => readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
  let ms = 0
  for (const p of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const f = stat(p)
      if (p === String(pid) || f[1] === String(pid)) ms += ((Number(f[11]) + Number(f[12])) * 1000) / 100
    } catch {
      // gone meanwhile
    }
  }
  return ms
}

async function call(path: string, init: RequestInit & { cookie?: string } = {}) {
  const res = await fetch(`${api.url}${path}`, {
    ...init,
    headers: {
      'content-type': 'application/json',
      ...(init.cookie ? { cookie: init.cookie } : {}),
    },
  })
  const body = (await res.json()) as Record<string, unknown>
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${JSON.stringify(body)}`)
  return { body, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? '' }
}

async function listBench() {
  if (!url) {
    console.log(
      'invoice list: skipped, set DATABASE_URL to the PostgreSQL database `pnpm seed --invoices N` filled',
    )
    return
  }
  const handle = await connectDatabase({ url, poolSize: 1 })
  const merchant = await findMerchant(handle.db, process.env.MERCHANT_EMAIL ?? BENCH_MERCHANT_EMAIL)
  if (!merchant) {
    await handle.close()
    console.log(`invoice list: no merchant ${BENCH_MERCHANT_EMAIL}; run pnpm seed --invoices N first`)
    return
  }
  const counted = await sql<{ n: string }>`
    select count(*) as n from invoices where merchant_id = ${merchant.merchantId}`.execute(handle.db)
  await handle.close()
  const total = Number(counted.rows[0]?.n ?? 0)
  const { cookie } = await call('/api/v1/auth/login', {
    method: 'POST',
    body: JSON.stringify({ email: BENCH_MERCHANT_EMAIL, password: BENCH_PASSWORD }),
  })
  const second = await call('/api/v1/invoices?status=paid&limit=25', { cookie })
  const cursor = second.body.nextCursor as string | null
  const queries: [string, string][] = [
    ['status=open, first page', '/api/v1/invoices?status=open&limit=25'],
    ['status=paid, first page', '/api/v1/invoices?status=paid&limit=25'],
    ['status=partially_paid', '/api/v1/invoices?status=partially_paid&limit=25'],
    ['overdue=true', '/api/v1/invoices?overdue=true&limit=25'],
    ...(cursor
      ? ([['status=paid, second page', `/api/v1/invoices?status=paid&limit=25&cursor=${cursor}`]] as [
          string,
          string,
        ][])
      : []),
  ]
  console.log(`invoice list: ${total.toLocaleString('en')} invoices, ${runs} runs per query over HTTP`)
  for (const [label, path] of queries) {
    await call(path, { cookie })
    const ms: number[] = []
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now()
      await call(path, { cookie })
      ms.push(performance.now() - t0)
    }
    ms.sort((a, b) => a - b)
    const p95 = percentile(ms, 95)
    console.log(
      `  ${label.padEnd(28)} p50 ${percentile(ms, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms ${p95 <= LIST_GOAL_MS ? '(goal met)' : `(goal ${LIST_GOAL_MS} ms: missed)`}`,
    )
  }
}

async function checkoutBench() {
  const run = Date.now()
  const { cookie } = await call('/api/v1/auth/signup', {
    method: 'POST',
    body: JSON.stringify({
      email: `checkout-bench-${run}@coinbook.local`,
      password: 'a long bench password',
      merchantName: 'Checkout bench',
    }),
  })
  await call('/api/v1/wallets/ethereum', {
    method: 'PUT',
    cookie,
    // An account of its own each run: a key another merchant already watches is refused.
    body: JSON.stringify({ xpub: publicKeyAt(`m/44'/60'/${run % 2_000_000_000}'`) }),
  })
  const customer = await call('/api/v1/customers', {
    method: 'POST',
    cookie,
    body: JSON.stringify({ name: 'Bench payer', email: `payer-${run}@example.com` }),
  })
  // Many open pay pages, each with a live ETH quote (what a payer's page shows while it waits), asked in turn:
  // the figure is the database and the server doing the work, not one invoice answered from a cache.
  const paths: string[] = []
  for (let n = 0; n < PAGES; n++) {
    const invoice = await call('/api/v1/invoices', {
      method: 'POST',
      cookie,
      body: JSON.stringify({
        customerId: customer.body.id,
        lines: [{ description: `Bench ${n}`, quantity: '1', unitAmount: '100.00' }],
        accepts: [{ asset: 'ETH', network: 'ethereum' }],
      }),
    })
    const sent = await call(`/api/v1/invoices/${invoice.body.id}/send`, { method: 'POST', cookie })
    const path = `/api/v1/public/checkout/${String(sent.body.payUrl).split('/').pop()}`
    await call(`${path}/quote`, {
      method: 'POST',
      body: JSON.stringify({ asset: 'ETH', network: 'ethereum' }),
    })
    paths.push(path)
  }
  const connections = Number(values.connections)
  const duration = Number(values.duration)
  let next = 0
  const cpuBefore = processCpuMs(api.pid)
  const result = await autocannon({
    url: api.url,
    connections,
    duration,
    requests: [
      {
        setupRequest: (req) => {
          req.path = paths[next++ % paths.length] as string
          return req
        },
      },
    ],
  })
  const { requests, latency, errors, non2xx } = result
  const cpuMs = processCpuMs(api.pid) - cpuBefore
  console.log(
    `checkout JSON (${url ? 'PostgreSQL' : 'embedded PGlite'}, ${apiProcesses} API process${apiProcesses > 1 ? 'es' : ''}), ${PAGES} pay pages with a live quote: ${connections} clients × ${duration} s — ${requests.average.toFixed(0)} requests/s ${requests.average >= CHECKOUT_GOAL_RPS ? '(goal met)' : `(goal ${CHECKOUT_GOAL_RPS}/s: missed)`}; latency p50 ${latency.p50} ms, p99 ${latency.p99} ms; errors ${errors}, non-2xx ${non2xx}; API process CPU ${(cpuMs / result.requests.total).toFixed(2)} ms per request`,
  )
}

try {
  await listBench()
  await checkoutBench()
} finally {
  await api.stop()
  if (embeddedDir) rmSync(embeddedDir, { recursive: true, force: true })
}
