/**
 * `tsx bench/analytics.bench.ts` (part of `pnpm bench`): on the merchant `pnpm seed --payments … --invoices …`
 * filled, over real HTTP against PostgreSQL — the analytics reports for a year and the customer list sorted
 * by each metric (p50/p95) — and, in process, ingesting payments with their metric upkeep (payments/s).
 * `--explain` prints the plans (EXPLAIN ANALYZE) of the queries the goals rest on.
 */
import { randomBytes } from 'node:crypto'
import { parseArgs } from 'node:util'
import type { TransferEvent } from '@coinbook/chain-watchers'
import { type Kysely, sql } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { ConfigError, loadConfig } from '../src/config.js'
import { connectDatabase } from '../src/db/connect.js'
import type { Database } from '../src/db/database.js'
import { payingCustomersQuery, paymentDays } from '../src/modules/analytics/rollups.js'
import { analyticsQuery } from '../src/modules/analytics/schema.js'
import { resolveScope } from '../src/modules/analytics/services/scope.js'
import { generateSecret, hashSecret } from '../src/modules/auth/secrets.js'
import { metricSorts } from '../src/modules/customers/schema.js'
import { type IngestDeps, prepareEvents, writeEvents } from '../src/modules/payments/services/ingest.js'
import { createRateProvider } from '../src/modules/rates/index.js'
import { type RunningApi, startApi } from './api-server.js'
import { BENCH_MERCHANT_EMAIL, findMerchant } from './bench-merchant.js'

const USAGE = `Usage: tsx bench/analytics.bench.ts [--url URL] [--requests N] [--warmup N] [--ingest N]
  [--ingest-networks LIST] [--explain] [--merchant-email EMAIL]

Needs DATABASE_URL (PostgreSQL) filled by \`pnpm seed --payments N --invoices N\`. Times GET /api/v1/analytics/*
for the last 365 days (goal: overview p95 ≤ 200 ms) and GET /api/v1/customers?sort=<metric> (goal: p95 ≤ 50 ms),
--requests (default 50) after --warmup (default 5); then ingests --ingest (default 20000) payments in scan-sized
transactions of 500 and removes them again, once per count in --ingest-networks (default "1,2"): that many
networks' scans at once (ethereum, bsc, arbitrum: the worker runs one scan job per network, side by side), each
paying its own 1,000 bench customers. The goal (≥ 5,000 payments/s) is the worker's: the networks at once, the
largest count given; one network alone is printed as context.`

class UsageError extends Error {}

function parse() {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      requests: { type: 'string', default: '50' },
      warmup: { type: 'string', default: '5' },
      ingest: { type: 'string', default: '20000' },
      'ingest-networks': { type: 'string', default: '1,2' },
      explain: { type: 'boolean', default: false },
      'merchant-email': { type: 'string', default: BENCH_MERCHANT_EMAIL },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  const n = (name: string, v: string) => {
    const x = Number(v)
    if (!Number.isInteger(x) || x < 0) throw new UsageError(`--${name} must be a whole number, got "${v}"`)
    return x
  }
  return {
    help: values.help,
    url: values.url?.replace(/\/+$/, ''),
    requests: Math.max(1, n('requests', values.requests)),
    warmup: n('warmup', values.warmup),
    ingest: n('ingest', values.ingest),
    ingestNetworks: [
      ...new Set(
        values['ingest-networks']
          .split(',')
          .map((v) => Math.min(3, Math.max(1, n('ingest-networks', v.trim())))),
      ),
    ].sort((a, b) => a - b),
    explain: values.explain,
    email: values['merchant-email'].trim().toLowerCase(),
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN

async function time(url: string, key: string, path: string, warmup: number, requests: number) {
  const ms: number[] = []
  let error: string | undefined
  for (let i = 0; i < warmup + requests; i++) {
    const started = performance.now()
    const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${key}` } })
    const body = await res.text()
    if (!res.ok) error ??= `${res.status}: ${body.slice(0, 200)}`
    if (i >= warmup) ms.push(performance.now() - started)
  }
  ms.sort((a, b) => a - b)
  return { p50: percentile(ms, 0.5), p95: percentile(ms, 0.95), max: ms.at(-1) ?? Number.NaN, error }
}

/** The networks concurrent ingest streams scan, one each (the scan job is a singleton per network). */
const INGEST_NETWORKS = ['ethereum', 'bsc', 'arbitrum'] as const

/**
 * Ingests `total` payments the way scans do: `streams` concurrent streams, one per EVM network as the
 * worker runs one scan job per network at once, each paying its own 1,000 fresh customers in transactions
 * of 500 (prepare, then write). Returns payments/s over the ingest alone (set-up and clean-up excluded).
 */
async function benchIngest(db: Kysely<Database>, merchantId: string, total: number, streams: number) {
  const config = loadConfig({ ...process.env, RATES_PROVIDER: 'fixed' })
  const deps: IngestDeps = {
    db,
    rates: createRateProvider(config),
    mode: 'mainnet',
    confirmationsFor: () => 12,
  }
  const set = await Promise.all(
    INGEST_NETWORKS.slice(0, streams).map((network) => ingestCustomers(db, merchantId, network)),
  )
  const customers = set.flatMap((s) => s.customers)
  try {
    const started = performance.now()
    await Promise.all(
      set.map(({ network, targets }, k) => {
        const share = Math.floor(total / streams) + (k < total % streams ? 1 : 0)
        return ingestStream(db, deps, network, targets, share)
      }),
    )
    const seconds = (performance.now() - started) / 1000
    const check = await db
      .selectFrom('customer_stats')
      .select((eb) => eb.fn.sum<string>('payment_count').as('n'))
      .where('customer_id', 'in', customers)
      .executeTakeFirstOrThrow()
    return { payments: total, seconds, perSecond: total / seconds, counted: Number(check.n) }
  } finally {
    // Leave the seeded data set as it was.
    await db.deleteFrom('payments').where('customer_id', 'in', customers).execute()
    await db.deleteFrom('deposit_targets').where('customer_id', 'in', customers).execute()
    await db.deleteFrom('customers').where('id', 'in', customers).execute()
  }
}

/** 1,000 fresh customers, each with a deposit address on the network. */
async function ingestCustomers(
  db: Kysely<Database>,
  merchantId: string,
  network: (typeof INGEST_NETWORKS)[number],
) {
  const customers = Array.from({ length: 1000 }, () => uuidv7())
  await db
    .insertInto('customers')
    .values(
      customers.map((id, i) => ({
        id,
        merchant_id: merchantId,
        name: `Ingest bench ${network} ${i}`,
        custom_fields: '{}',
        source: 'bench',
      })),
    )
    .execute()
  await db
    .insertInto('customer_stats')
    .values(customers.map((id) => ({ customer_id: id, merchant_id: merchantId })))
    .execute()
  const targets = customers.map((customer) => ({
    id: uuidv7(),
    customer,
    address: `0x${randomBytes(20).toString('hex')}`,
  }))
  await db
    .insertInto('deposit_targets')
    .values(
      targets.map((t) => ({
        id: t.id,
        merchant_id: merchantId,
        customer_id: t.customer,
        network,
        address: t.address,
        display_address: t.address,
        source: 'attached' as const,
      })),
    )
    .execute()
  return { network, customers, targets }
}

/** One network's scan-sized transactions of 500 confirmed native payments, one after the other. */
async function ingestStream(
  db: Kysely<Database>,
  deps: IngestDeps,
  network: (typeof INGEST_NETWORKS)[number],
  targets: { address: string }[],
  total: number,
) {
  const batch = 500
  const asset = network === 'bsc' ? 'BNB' : 'ETH'
  for (let done = 0; done < total; done += batch) {
    const events: TransferEvent[] = Array.from({ length: Math.min(batch, total - done) }, (_, i) => ({
      network,
      asset,
      txHash: `0x${randomBytes(32).toString('hex')}`,
      eventIndex: 0,
      from: null,
      to: targets[(done + i) % targets.length]!.address,
      amount: 10n ** 16n,
      blockRef: { number: BigInt(20_000_000 + done), hash: `0x${randomBytes(32).toString('hex')}` },
      blockTime: Math.floor(Date.now() / 1000) - (total - done - i),
      status: 'confirmed',
    }))
    const prepared = await prepareEvents(deps, events)
    await db.transaction().execute((trx) => writeEvents(trx, deps, prepared))
  }
}

async function explain(db: Kysely<Database>, merchantId: string, from: string, to: string) {
  // The queries the overview runs on the rollups (rollups.ts, services/overview-rollups.ts).
  const ctx = { db, merchantId, actor: { type: 'system' as const, id: null, role: 'viewer' as const } }
  const scope = await resolveScope(ctx, analyticsQuery.parse({ from, to }), new Date())
  const plans: [string, ReturnType<typeof sql>][] = [
    [
      'overview totals (a year, payment days)',
      sql`select trim_scale(coalesce(sum(f.revenue), 0))::text, coalesce(sum(f.payments), 0)::int,
        coalesce(sum(f.failed), 0)::int from ${paymentDays(scope)}`,
    ],
    ['overview paying / repeat / new customers by country (a year, spans)', payingCustomersQuery(scope)],
    [
      'overview by country (a year, payment days)',
      sql`select f.country, sum(f.revenue), sum(f.payments) from ${paymentDays(scope, { country: true })}
        group by f.country having sum(f.payments) > 0`,
    ],
    [
      'list sorted by success rate',
      sql`select c.id from customers c join customer_stats s on s.customer_id = c.id and s.merchant_id = ${merchantId}
        where c.merchant_id = ${merchantId} and c.deleted_at is null and s.merchant_id = ${merchantId}
        order by coalesce(s.success_rate, -1) desc, s.customer_id desc limit 26`,
    ],
  ]
  for (const [label, query] of plans) {
    const { rows } = await sql<{ 'QUERY PLAN': string }>`explain (analyze, buffers) ${query}`.execute(db)
    console.log(`\nEXPLAIN ANALYZE — ${label}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}`)
  }
}

async function main() {
  const args = parse()
  if (args.help) return void console.log(USAGE)
  const config = loadConfig()
  if (!config.DATABASE_URL) {
    console.error('analytics bench: skipped (set DATABASE_URL to the PostgreSQL database `pnpm seed` filled)')
    return
  }
  const handle = await connectDatabase({ url: config.DATABASE_URL, poolSize: 4 })
  let api: RunningApi | undefined
  let keyId: string | undefined
  try {
    const merchant = await findMerchant(handle.db, args.email)
    if (!merchant) throw new UsageError(`No merchant with owner ${args.email}: run \`pnpm seed\` first.`)
    const m = merchant.merchantId
    const { rows: sizes } = await sql<{ customers: string; payments: string; invoices: string }>`
      select (select count(*) from customers where merchant_id = ${m}) as customers,
        (select count(*) from payments where merchant_id = ${m}) as payments,
        (select count(*) from invoices where merchant_id = ${m}) as invoices`.execute(handle.db)
    const key = generateSecret('cb_key_')
    keyId = uuidv7()
    await handle.db
      .insertInto('api_keys')
      .values({
        id: keyId,
        merchant_id: m,
        name: 'analytics bench (temporary)',
        prefix: key.slice(0, 14),
        key_hash: hashSecret(key),
        role: 'viewer',
        created_by: merchant.userId,
      })
      .execute()
    api = args.url ? { url: args.url, stop: async () => {} } : await startApi()

    const today = new Date()
    const to = today.toISOString().slice(0, 10)
    const from = new Date(today.getTime() - 364 * 86_400_000).toISOString().slice(0, 10)
    const year = `from=${from}&to=${to}`
    const rows: [string, string, number][] = [
      ['analytics overview, a year', `/api/v1/analytics/overview?${year}`, 200],
      ['analytics revenue by day, a year *', `/api/v1/analytics/revenue?${year}`, 200],
      [
        'analytics revenue by month, a year, USDT *',
        `/api/v1/analytics/revenue?${year}&groupBy=month&asset=USDT`,
        200,
      ],
      ['analytics cohorts, a year *', `/api/v1/analytics/cohorts?${year}`, 200],
      ['analytics aging *', `/api/v1/analytics/aging?${year}`, 200],
      ...metricSorts.flatMap((s): [string, string, number][] => [
        [`list sorted by -${s}`, `/api/v1/customers?sort=-${s}&limit=25`, 50],
        [`list sorted by ${s}`, `/api/v1/customers?sort=${s}&limit=25`, 50],
      ]),
    ]
    console.log(
      `\n${Number(sizes[0]?.customers).toLocaleString('en-US')} customers, ${Number(sizes[0]?.payments).toLocaleString('en-US')} payments, ` +
        `${Number(sizes[0]?.invoices).toLocaleString('en-US')} invoices (merchant ${m}); ${args.requests} sequential requests after ${args.warmup} warm-up\n`,
    )
    console.log(`${'query'.padEnd(48)}${'p50'.padStart(10)}${'p95'.padStart(10)}${'max'.padStart(10)}  goal`)
    let missed = false
    for (const [label, path, goal] of rows) {
      const r = await time(api.url, key, path, args.warmup, args.requests)
      const isGoal = !label.endsWith('*')
      const flag = r.error ? `✗ ${r.error}` : r.p95 > goal ? `⚠ over ${goal} ms` : `≤ ${goal} ms`
      if (isGoal && (r.error || r.p95 > goal)) missed = true
      const f = (x: number) => `${x.toFixed(1)} ms`.padStart(10)
      console.log(`${label.padEnd(48)}${f(r.p50)}${f(r.p95)}${f(r.max)}  ${flag}`)
    }
    for (const networks of args.ingest > 0 ? args.ingestNetworks : []) {
      const r = await benchIngest(handle.db, m, args.ingest, networks)
      const ok = r.counted === r.payments
      const isGoal = networks === args.ingestNetworks.at(-1)
      const streams = networks === 1 ? 'one network' : `${networks} networks at once`
      console.log(
        `\ningest with metric upkeep (${streams}): ${r.payments.toLocaleString('en-US')} payments in ${r.seconds.toFixed(1)} s = ` +
          `${Math.round(r.perSecond).toLocaleString('en-US')} payments/s${isGoal ? ' (goal ≥ 5,000)' : ' *'}${ok ? '' : ` ✗ stats counted ${r.counted}`}`,
      )
      if (!ok || (isGoal && r.perSecond < 5000)) missed = true
    }
    if (args.explain) await explain(handle.db, m, from, to)
    console.log(
      missed
        ? '\nSome goals missed: see above. (* context, not a goal)'
        : '\nEvery goal met. (* context, not a goal)',
    )
  } finally {
    await api?.stop()
    if (keyId) await handle.db.deleteFrom('api_keys').where('id', '=', keyId).execute()
    await handle.close()
  }
}

main().catch((err: unknown) => {
  if (err instanceof UsageError || err instanceof ConfigError) {
    console.error(`${err.message}\n\n${USAGE}`)
    process.exit(2)
  }
  console.error(err)
  process.exit(1)
})
