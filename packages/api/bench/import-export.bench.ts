/**
 * `pnpm bench` (import and export): a million customers through the real API on PostgreSQL, against
 * `psql \copy` of the same file into a plain table and `psql \copy (select …) to stdout`. Prints the
 * times, the ratios against the goals (import ≤ 2×, export ≤ 1.5×) and the API process's peak RSS.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createReadStream, createWriteStream, existsSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { parseArgs } from 'node:util'
import { stringify } from 'csv-stringify/sync'
import { sql } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { ConfigError, loadConfig } from '../src/config.js'
import { connectDatabase } from '../src/db/connect.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { generateSecret, hashSecret } from '../src/modules/auth/secrets.js'
import { startApi } from './api-server.js'
import { ensureMerchant } from './bench-merchant.js'
import { generateCustomer } from './seed/customer.js'

const USAGE = `Usage: tsx bench/import-export.bench.ts [--rows N] [--keep] [--import-goal X] [--export-goal X] [--rss-goal-mb N]

Needs DATABASE_URL (PostgreSQL; migrated if needed) and psql on the PATH. Writes a CSV of N generated customers
(default 1,000,000) to the temp folder once, times psql \\copy of it into a plain table, then starts the API and
imports it into a new merchant (POST /api/v1/customers/import, as a job), and exports that merchant
(GET /api/v1/customers/export.csv) against psql \\copy (select …) to stdout. The merchant is deleted at the end
unless --keep.`

class UsageError extends Error {}

const HEADER = [
  'Name',
  'Email',
  'Company',
  'Tax ID',
  'Phone',
  'Address',
  'City',
  'State',
  'Zip/Postal Code',
  'Country',
  'VAT Number',
  'Custom ID',
  'Job Title',
  'Timezone',
  'Status',
  'Type',
  'Tier',
  'Tags',
  'Notes',
  'Preferred Fiat',
  'Payment Terms (days)',
  'Registration Date',
  'Custom Fields',
]

/** The bench file: generated once per row count (deterministic), reused by later runs. */
async function benchFile(rows: number): Promise<string> {
  const path = join(tmpdir(), `coinbook-import-bench-${rows}.csv`)
  if (existsSync(path)) return path
  process.stderr.write(`Writing ${rows.toLocaleString('en-US')} customers to ${path}…\n`)
  const out = createWriteStream(`${path}.part`)
  out.write(stringify([HEADER]))
  const batch: string[][] = []
  for (let i = 0; i < rows; i++) {
    const c = generateCustomer(i, { seed: 42, merchantId: 'bench', total: rows }).customer
    const a = c.billing_address
    batch.push([
      c.name,
      c.email ?? '',
      c.company ?? '',
      c.tax_id ?? '',
      c.phone ?? '',
      a?.line1 ?? '',
      a?.city ?? '',
      a?.state ?? '',
      a?.postalCode ?? '',
      c.country,
      c.vat_number ?? '',
      c.custom_id ?? '',
      c.job_title ?? '',
      c.timezone ?? '',
      c.status,
      c.type,
      c.tier ?? '',
      c.tags.join(', '),
      c.notes ?? '',
      c.preferred_fiat ?? '',
      c.payment_terms_days === null ? '' : String(c.payment_terms_days),
      c.registration_date,
      Object.keys(c.custom_fields).length ? JSON.stringify(c.custom_fields) : '',
    ])
    if (batch.length === 5000 || i === rows - 1) {
      if (!out.write(stringify(batch.splice(0)))) await once(out, 'drain')
    }
  }
  out.end()
  await once(out, 'finish')
  const { rename } = await import('node:fs/promises')
  await rename(`${path}.part`, path)
  return path
}

/** Runs psql with one command, stdout to /dev/null; resolves with the wall time in ms. */
async function psql(url: string, command: string): Promise<number> {
  const started = performance.now()
  const child = spawn('psql', [url, '-v', 'ON_ERROR_STOP=1', '-q', '-c', command], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let err = ''
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString()
  })
  const [code] = (await once(child, 'exit')) as [number | null]
  if (code !== 0) throw new Error(`psql failed (${code}): ${err}`)
  return performance.now() - started
}

/** The peak and current resident set of a process, in MB (Linux). */
function memory(pid: number | undefined): { peak: number; now: number } {
  if (!pid) return { peak: Number.NaN, now: Number.NaN }
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN)
  return { peak: kb('VmHWM') / 1024, now: kb('VmRSS') / 1024 }
}

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`

function args() {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '1000000' },
      keep: { type: 'boolean', default: false },
      'import-goal': { type: 'string', default: '2' },
      'export-goal': { type: 'string', default: '1.5' },
      'rss-goal-mb': { type: 'string', default: '300' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  const rows = Number(values.rows)
  if (!Number.isInteger(rows) || rows < 1) throw new UsageError(`--rows must be a positive whole number`)
  return {
    ...values,
    rows,
    importGoal: Number(values['import-goal']),
    exportGoal: Number(values['export-goal']),
    rssGoal: Number(values['rss-goal-mb']),
  }
}

async function main() {
  const opts = args()
  if (opts.help) return void console.log(USAGE)
  const config = loadConfig()
  const url = config.DATABASE_URL
  if (!url)
    throw new UsageError('Set DATABASE_URL to a PostgreSQL database: the benchmark compares with psql.')
  const handle = await connectDatabase({ url, poolSize: 2 })
  await migrateToLatest(handle.db)
  const file = await benchFile(opts.rows)
  const bytes = statSync(file).size
  const email = `bench-import-${Date.now()}@coinbook.local`
  const merchant = await ensureMerchant(handle.db, {
    email,
    password: 'coinbook-bench',
    name: 'Import bench',
  })
  const lines: string[] = []
  let failed = false
  try {
    // Baseline: the same file into a plain table of text columns (no validation, no indexes).
    const columns = HEADER.map((_, i) => `c${i} text`).join(', ')
    await sql
      .raw(`DROP TABLE IF EXISTS bench_import_plain; CREATE TABLE bench_import_plain (${columns})`)
      .execute(handle.db)
    process.stderr.write('psql \\copy into a plain table…\n')
    const copyIn = await psql(url, `\\copy bench_import_plain from '${file}' with (format csv, header true)`)
    await sql`DROP TABLE bench_import_plain`.execute(handle.db)

    const key = generateSecret('cb_key_')
    await handle.db
      .insertInto('api_keys')
      .values({
        id: uuidv7(),
        merchant_id: merchant.merchantId,
        name: 'import bench (temporary)',
        prefix: key.slice(0, 14),
        key_hash: hashSecret(key),
        role: 'owner',
        created_by: merchant.userId,
      })
      .execute()
    const headers = { authorization: `Bearer ${key}` }

    // Import: the file streamed to the real API, run as a job; timed until the import has completed.
    let api = await startApi({ env: { IMPORT_MAX_BYTES: String(4 * 1024 ** 3) } })
    const idle = memory(api.pid).now
    process.stderr.write(`Importing through ${api.url}…\n`)
    const started = performance.now()
    const res = await fetch(`${api.url}/api/v1/customers/import?fileName=bench.csv`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/csv', 'content-length': String(bytes) },
      body: Readable.toWeb(createReadStream(file)) as ReadableStream,
      duplex: 'half',
    } as RequestInit)
    let imp = (await res.json()) as {
      id: string
      status: string
      progress: { phase: string; done: number; total: number | null }
      counts: Record<string, number>
      failure: unknown
    }
    if (res.status !== 202 && res.status !== 201)
      throw new Error(`import refused: ${res.status} ${JSON.stringify(imp)}`)
    const uploaded = performance.now() - started
    let lastLog = 0
    while (imp.status === 'queued' || imp.status === 'running') {
      await new Promise((r) => setTimeout(r, 250))
      imp = (await (
        await fetch(`${api.url}/api/v1/customers/imports/${imp.id}`, { headers })
      ).json()) as typeof imp
      if (performance.now() - lastLog > 5000) {
        lastLog = performance.now()
        process.stderr.write(`  ${imp.progress.phase} ${imp.progress.done}/${imp.progress.total}\n`)
      }
    }
    const importMs = performance.now() - started
    const importMem = memory(api.pid)
    await api.stop()
    if (imp.status !== 'completed') throw new Error(`import did not complete: ${JSON.stringify(imp)}`)

    // Export: a fresh API process, so its peak RSS is the export's; the body read and dropped.
    api = await startApi()
    process.stderr.write('Exporting…\n')
    const samples: number[] = []
    const sampler = setInterval(() => samples.push(memory(api.pid).now), 250)
    const exportStart = performance.now()
    const out = await fetch(`${api.url}/api/v1/customers/export.csv`, { headers })
    let exported = 0
    for await (const chunk of out.body as unknown as AsyncIterable<Uint8Array>) exported += chunk.length
    const exportMs = performance.now() - exportStart
    clearInterval(sampler)
    const exportMem = memory(api.pid)
    await api.stop()

    const select = `select c.name, c.email, c.company, c.custom_fields, c.tax_id, c.phone, c.billing_address,
      c.country, c.vat_number, s.lifetime_value, c.id, c.custom_id, c.job_title, c.shipping_address, c.timezone,
      c.status, c.type, c.tier, c.tags, c.notes, c.preferred_fiat, c.payment_terms_days,
      (select jsonb_agg(jsonb_build_object('asset', p.asset, 'network', p.network) order by p.position)
        from customer_preferences p where p.customer_id = c.id),
      c.payment_limits, c.registration_date, s.payment_count, s.last_payment_at, c.created_at, c.updated_at
      from customers c left join customer_stats s on s.customer_id = c.id
      where c.merchant_id = '${merchant.merchantId}' and c.deleted_at is null order by c.id desc`
    const copyOut = await psql(
      url,
      `\\copy (${select.replace(/\s+/g, ' ')}) to stdout with (format csv, header true)`,
    )

    // After the first few seconds (startup, first batches), the export's RSS should not grow with rows.
    const steady = samples.slice(Math.min(8, Math.floor(samples.length / 4)))
    const importRatio = importMs / copyIn
    const exportRatio = exportMs / copyOut
    const mb = (n: number) => `${n.toFixed(0)} MB`
    lines.push(
      `${opts.rows.toLocaleString('en-US')} customers, ${(bytes / 1024 ** 2).toFixed(0)} MB CSV, PostgreSQL`,
      '',
      `import   API ${secs(importMs)} (upload ${secs(uploaded)})   psql \\copy ${secs(copyIn)}   ${importRatio.toFixed(2)}× (goal ≤ ${opts.importGoal}×)   peak RSS ${mb(importMem.peak)} (goal ≤ ${opts.rssGoal} MB; ${mb(idle)} idle after start)`,
      `         counts ${JSON.stringify(imp.counts)}`,
      `export   API ${secs(exportMs)} (${(exported / 1024 ** 2).toFixed(0)} MB)   psql \\copy ${secs(copyOut)}   ${exportRatio.toFixed(2)}× (goal ≤ ${opts.exportGoal}×)   peak RSS ${mb(exportMem.peak)}, steady ${mb(Math.min(...steady))}–${mb(Math.max(...steady))}`,
    )
    const missed = [
      importRatio > opts.importGoal && 'import time',
      importMem.peak > opts.rssGoal && 'import RSS',
      exportRatio > opts.exportGoal && 'export time',
    ].filter(Boolean)
    lines.push('', missed.length ? `Goal missed: ${missed.join(', ')}.` : 'Goals met.')
    failed = imp.counts.created !== opts.rows
  } finally {
    console.log(lines.join('\n'))
    if (!opts.keep) {
      process.stderr.write('Deleting the bench merchant…\n')
      await handle.db.deleteFrom('merchants').where('id', '=', merchant.merchantId).execute()
    }
    await handle.close()
  }
  if (failed) process.exitCode = 1
}

main().catch((err: unknown) => {
  if (err instanceof UsageError || err instanceof ConfigError) {
    console.error(`${err.message}\n\n${USAGE}`)
    process.exit(2)
  }
  console.error(err)
  process.exit(1)
})
