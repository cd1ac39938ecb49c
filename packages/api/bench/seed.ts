/**
 * `pnpm seed --customers 1000000`: fills the database with realistic customers of one merchant, fast
 * (COPY on PostgreSQL, batched INSERTs on PGlite), then vacuums and analyzes so the planner sees them.
 */
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { type Kysely, sql } from 'kysely'
import { ConfigError, loadConfig } from '../src/config.js'
import { connectDatabase } from '../src/db/connect.js'
import type { Database } from '../src/db/database.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { compactRollups } from '../src/modules/analytics/rollups.js'
import { BENCH_MERCHANT_EMAIL, BENCH_PASSWORD, ensureMerchant } from './bench-merchant.js'
import {
  dropNumbering,
  numberCustomers,
  rebuildMetrics,
  seedInvoices,
  seedPayments,
  verifyMetrics,
} from './seed/activity.js'
import { generateCustomer, MAX_CUSTOMERS, type SeedRow } from './seed/customer.js'
import { Progress } from './seed/progress.js'
import { copyWriter, insertWriter } from './seed/writers.js'

const USAGE = `Usage: pnpm seed [--customers N] [--payments N] [--invoices N] [--merchant-email EMAIL] [--password P]
  [--seed N] [--batch-size N] [--connections N]

Fills the database at DATABASE_URL (the embedded PGlite under COINBOOK_DATA_DIR when unset) with N realistic
customers (default 10000) of one merchant, whose owner EMAIL (default ${BENCH_MERCHANT_EMAIL}) is created
or reused. Running it again tops that merchant up to N; the same --seed (default 42) gives the same customers.
On PostgreSQL it loads with COPY over --connections (default 2) connections in parallel.
--payments and --invoices (default 0) top the merchant up to that many payments and invoices, spread over its
customers and two years (generated in the database), then rebuild every customer's metrics and check a sample
against the per-customer definitions. The issue's scale: --customers 1000000 --payments 10000000 --invoices 2000000.`

function positiveInt(name: string, value: string, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value.replace(/_/g, ''))
  if (!Number.isInteger(n) || n < 0 || n > max) {
    throw new UsageError(`--${name} must be a whole number between 0 and ${max}, got "${value}"`)
  }
  return n
}

class UsageError extends Error {}

function parse() {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string', default: '10000' },
      payments: { type: 'string', default: '0' },
      invoices: { type: 'string', default: '0' },
      'merchant-email': { type: 'string', default: BENCH_MERCHANT_EMAIL },
      password: { type: 'string', default: BENCH_PASSWORD },
      seed: { type: 'string', default: '42' },
      'batch-size': { type: 'string' },
      connections: { type: 'string', default: '2' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  return {
    help: values.help,
    customers: positiveInt('customers', values.customers, MAX_CUSTOMERS),
    payments: positiveInt('payments', values.payments, 100_000_000),
    invoices: positiveInt('invoices', values.invoices, 20_000_000),
    email: values['merchant-email'].trim().toLowerCase(),
    password: values.password,
    seed: positiveInt('seed', values.seed, 2 ** 32 - 1),
    connections: positiveInt('connections', values.connections, 16) || 1,
    batchSize: values['batch-size'] ? positiveInt('batch-size', values['batch-size'], 1_000_000) : undefined,
  }
}

async function main() {
  const args = parse()
  if (args.help) {
    console.log(USAGE)
    return
  }
  const config = loadConfig()
  const handle = await connectDatabase({
    url: config.DATABASE_URL,
    dataDir: join(config.COINBOOK_DATA_DIR, 'pgdata'),
    poolSize: 2,
  })
  const where =
    handle.kind === 'postgres' ? 'PostgreSQL' : `PGlite at ${join(config.COINBOOK_DATA_DIR, 'pgdata')}`
  try {
    await migrateToLatest(handle.db)
    const merchant = await ensureMerchant(handle.db, {
      email: args.email,
      password: args.password,
      name: 'Bench Merchant',
    })
    // Every row counts, deleted or merged ones too: the next index must not reuse a seeded email or custom id.
    const { count } = await handle.db
      .selectFrom('customers')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('merchant_id', '=', merchant.merchantId)
      .executeTakeFirstOrThrow()
    const existing = Number(count)
    console.error(
      `${merchant.created ? 'Created' : 'Reusing'} merchant ${merchant.merchantId} (owner ${args.email}) in ${where}; ` +
        `it has ${existing} customers, target ${args.customers}.`,
    )
    if (existing >= args.customers) {
      console.error(
        args.payments || args.invoices
          ? 'No customers to insert.'
          : 'Nothing to insert. Use another --merchant-email or a fresh database for a different data set.',
      )
      if (args.payments || args.invoices) {
        const activity = await seedActivity(handle.db, merchant.merchantId, args)
        console.log(JSON.stringify({ activity, merchantId: merchant.merchantId }, null, 2))
      }
      return
    }

    const writer =
      handle.kind === 'postgres'
        ? await copyWriter(config.DATABASE_URL!, args.connections)
        : insertWriter(handle.db)
    const batchSize = args.batchSize ?? (handle.kind === 'postgres' ? 20_000 : 10_000)
    const opts = { seed: args.seed, merchantId: merchant.merchantId, total: args.customers }
    const progress = new Progress(args.customers - existing, 'customers')
    const generate = (from: number): SeedRow[] => {
      const rows: SeedRow[] = []
      for (let i = from; i < Math.min(from + batchSize, args.customers); i++)
        rows.push(generateCustomer(i, opts))
      return rows
    }
    // Keep every connection busy, and generate the next batch while the database takes the current ones.
    const inFlight: Promise<number>[] = []
    try {
      for (let from = existing; from < args.customers; from += batchSize) {
        const batch = generate(from)
        const written = writer.write(batch).then(() => batch.length)
        written.catch(() => {}) // awaited below; this only keeps an early failure from going unhandled
        inFlight.push(written)
        if (inFlight.length > (handle.kind === 'postgres' ? args.connections : 0)) {
          progress.add(await inFlight.shift()!)
        }
      }
      for (const written of inFlight) progress.add(await written)
    } finally {
      await writer.close()
    }
    const result = progress.finish()

    console.error(
      'Vacuuming and analyzing (flushes the trigram index pending list, refreshes planner statistics)…',
    )
    const vacuumStarted = performance.now()
    await handle.db.connection().execute(async (conn) => {
      if (handle.kind === 'postgres') await sql`SET maintenance_work_mem = '512MB'`.execute(conn)
      await sql`VACUUM (ANALYZE) customers, customer_stats, customer_preferences`.execute(conn)
    })
    const vacuumSeconds = (performance.now() - vacuumStarted) / 1000

    const activity =
      args.payments || args.invoices ? await seedActivity(handle.db, merchant.merchantId, args) : undefined

    console.log(
      JSON.stringify(
        {
          ...(activity ? { activity } : {}),
          database: handle.kind,
          merchantId: merchant.merchantId,
          login: { email: args.email, password: args.password },
          inserted: result.rows,
          total: existing + result.rows,
          seconds: Number(result.seconds.toFixed(1)),
          rowsPerSecond: Math.round(result.rowsPerSecond),
          vacuumAnalyzeSeconds: Number(vacuumSeconds.toFixed(1)),
        },
        null,
        2,
      ),
    )
  } finally {
    await handle.close()
  }
}

/**
 * Tops the merchant up to --payments payments and --invoices invoices in batches (progress on stderr),
 * rebuilds the metrics of every customer, analyzes, and checks a sample against metrics.ts.
 */
async function seedActivity(
  db: Kysely<Database>,
  merchantId: string,
  args: { payments: number; invoices: number; seed: number },
) {
  const started = performance.now()
  const customers = await numberCustomers(db, merchantId)
  if (customers === 0)
    throw new UsageError('The merchant has no customers to give payments to: seed --customers first')
  const { reporting_currency: currency } = await db
    .selectFrom('merchants')
    .select('reporting_currency')
    .where('id', '=', merchantId)
    .executeTakeFirstOrThrow()
  const counts = await db
    .selectFrom('merchants as m')
    .select((eb) => [
      eb
        .selectFrom('payments')
        .select(eb.fn.countAll<string>().as('n'))
        .where('merchant_id', '=', merchantId)
        .as('payments'),
      eb
        .selectFrom('invoices')
        .select(eb.fn.countAll<string>().as('n'))
        .where('merchant_id', '=', merchantId)
        .as('invoices'),
    ])
    .where('m.id', '=', merchantId)
    .executeTakeFirstOrThrow()
  const batch = 250_000
  for (const [kind, target, have, write] of [
    ['payments', args.payments, Number(counts.payments ?? 0), seedPayments],
    ['invoices', args.invoices, Number(counts.invoices ?? 0), seedInvoices],
  ] as const) {
    if (have >= target) continue
    const progress = new Progress(target - have, kind)
    for (let first = have + 1; first <= target; first += batch) {
      const count = Math.min(batch, target - first + 1)
      await write(db, { merchantId, currency, first, count, customers, seed: args.seed })
      progress.add(count)
    }
    progress.finish()
  }
  await dropNumbering(db)
  console.error('Rebuilding every customer’s metrics…')
  const rebuildStarted = performance.now()
  const today = new Date().toISOString().slice(0, 10)
  await rebuildMetrics(db, merchantId, today)
  const rebuildSeconds = (performance.now() - rebuildStarted) / 1000
  // The analytics rollups followed every batch through their triggers; fold their deltas.
  await compactRollups(db)
  await sql`VACUUM (ANALYZE) payments, invoices, customer_stats, customer_asset_stats, analytics_payment_days,
    analytics_customer_spans, analytics_span_days`.execute(db)
  const check = await verifyMetrics(db, merchantId, today)
  if (check.mismatches.length > 0) {
    console.error('The bulk rebuild and metrics.ts disagree:', check.mismatches.slice(0, 10))
    process.exitCode = 1
  }
  return {
    payments: args.payments,
    invoices: args.invoices,
    metricsRebuildSeconds: Number(rebuildSeconds.toFixed(1)),
    sampleChecked: check.checked,
    sampleMismatches: check.mismatches.length,
    seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
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
