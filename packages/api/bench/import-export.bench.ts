/**
 * `pnpm bench` (import and export): a million customers through the real API on PostgreSQL, against
 * `psql \copy` of the same file into a plain table and `psql \copy (select …) to stdout`. Prints the
 * times, the ratios against the goals (import ≤ 2×, export ≤ 1.5×) and the API process's peak RSS.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createReadStream, createWriteStream, existsSync, readFileSync, statSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { parseArgs } from 'node:util'
import { stringify } from 'csv-stringify/sync'
import { v7 as uuidv7 } from 'uuid'
import { ConfigError, loadConfig } from '../src/config.js'
import { connectDatabase, type DatabaseHandle } from '../src/db/connect.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { generateSecret, hashSecret } from '../src/modules/auth/secrets.js'
import { startApi } from './api-server.js'
import { type BenchMerchant, ensureMerchant, findMerchant } from './bench-merchant.js'
import { generateCustomer } from './seed/customer.js'

const USAGE = `Usage: tsx bench/import-export.bench.ts [--rows N] [--keep] [--import-goal X] [--export-goal X] [--rss-goal-mb N]
  [--only import|export] [--format csv|jsonl|both] [--merchant-email EMAIL]

Needs DATABASE_URL (PostgreSQL; migrated if needed) and psql on the PATH. Writes a CSV of N generated customers
(default 1,000,000) to the temp folder once, times psql \\copy of it into a plain table, then starts the API and
imports it into a new merchant (POST /api/v1/customers/import, as a job), and exports that merchant
(GET /api/v1/customers/export.csv) against psql \\copy (select …) to stdout. The merchant is deleted at the end
unless --keep.
--only runs one half. --merchant-email uses an existing merchant instead (e.g. the one \`pnpm seed\` fills:
bench@coinbook.local), never deleted: with --only export it exports what the seed loaded. --format: the export's
format(s) (default csv). The export baseline selects the same values as the CSV's columns, in the same order,
from the same rows, without the API's formatting.`

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

const blank = (i: number) => `nullif(c${i}, '')`
/** The bench file's columns (HEADER) converted into the customers row an import makes of them. */
const FLOOR_INSERT = `
  INSERT INTO bench_floor_customers (id, merchant_id, name, email, company, tax_id, phone, billing_address, country,
    vat_number, custom_id, job_title, timezone, status, type, tier, tags, notes, preferred_fiat, payment_terms_days,
    registration_date, custom_fields, source)
  SELECT ('00000000-0000-7000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, '00000000-0000-7000-8000-000000000000',
    c0, ${blank(1)}, ${blank(2)}, ${blank(3)}, ${blank(4)},
    nullif(jsonb_strip_nulls(jsonb_build_object('line1', ${blank(5)}, 'city', ${blank(6)}, 'state', ${blank(7)},
      'postalCode', ${blank(8)})), '{}'),
    ${blank(9)}, ${blank(10)}, ${blank(11)}, ${blank(12)}, ${blank(13)}, c14, c15, ${blank(16)},
    coalesce(string_to_array(${blank(17)}, ', '), '{}'), ${blank(18)}, ${blank(19)}, ${blank(20)}::int, c21::date,
    coalesce(${blank(22)}::jsonb, '{}'), 'import'
  FROM (SELECT *, row_number() OVER () AS n FROM bench_import_plain) p;
  INSERT INTO bench_floor_stats (customer_id, merchant_id) SELECT id, merchant_id FROM bench_floor_customers`

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

/**
 * Downloads a URL and drops the body, returning its size: with curl when there is one, a client as light
 * as psql is for the baseline (both C, both writing to nowhere); with fetch otherwise, whose JavaScript
 * body reading takes CPU from the server on a small machine.
 */
async function download(url: string, headers: Record<string, string>): Promise<number> {
  const curl = spawn(
    'curl',
    [
      '-sS',
      '--fail',
      '-o',
      '/dev/null',
      '-w',
      '%{size_download}',
      ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]),
      url,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let out = ''
  let err = ''
  curl.stdout.on('data', (d: Buffer) => {
    out += d.toString()
  })
  curl.stderr.on('data', (d: Buffer) => {
    err += d.toString()
  })
  const spawned = await Promise.race([
    once(curl, 'spawn').then(() => true),
    once(curl, 'error').then(() => false),
  ])
  if (spawned) {
    const [code] = (await once(curl, 'exit')) as [number | null]
    if (code !== 0) throw new Error(`curl failed (${code}): ${err}`)
    return Number(out)
  }
  const res = await fetch(url, { headers })
  if (!res.ok) throw new Error(`export failed: ${res.status} ${await res.text()}`)
  let size = 0
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) size += chunk.length
  return size
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
      only: { type: 'string' },
      format: { type: 'string', default: 'csv' },
      'merchant-email': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  const rows = Number(values.rows)
  if (!Number.isInteger(rows) || rows < 1) throw new UsageError(`--rows must be a positive whole number`)
  if (values.only !== undefined && values.only !== 'import' && values.only !== 'export')
    throw new UsageError('--only is import or export')
  if (!['csv', 'jsonl', 'both'].includes(values.format))
    throw new UsageError('--format is csv, jsonl or both')
  return {
    ...values,
    rows,
    importGoal: Number(values['import-goal']),
    exportGoal: Number(values['export-goal']),
    rssGoal: Number(values['rss-goal-mb']),
  }
}

/** The baseline export: the values the API's CSV holds, in its order, from the same rows, unformatted. */
function baselineSelect(merchantId: string): string {
  const b = (k: string) => `c.billing_address->>'${k}'`
  const sh = (k: string) => `c.shipping_address->>'${k}'`
  return `select c.name, c.email, c.company, c.custom_fields->>'companyId', c.custom_fields->>'companyEmail',
    c.tax_id, c.phone, ${b('line1')}, ${b('city')}, ${b('state')}, ${b('postalCode')}, c.country, c.vat_number,
    s.lifetime_value, c.id, c.custom_id, c.job_title, ${b('line2')}, ${b('country')}, ${sh('line1')}, ${sh('line2')},
    ${sh('city')}, ${sh('state')}, ${sh('postalCode')}, ${sh('country')}, c.timezone, c.status, c.type, c.tier,
    array_to_string(c.tags, ', '), c.notes, c.preferred_fiat, c.payment_terms_days,
    (select string_agg(p.asset || ':' || p.network, ', ' order by p.position)
      from customer_preferences p where p.customer_id = c.id and p.merchant_id = c.merchant_id),
    c.payment_limits->>'perPaymentMax', c.payment_limits->>'monthlyMax', c.registration_date, c.custom_fields,
    s.payment_count, s.last_payment_at, c.created_at, c.updated_at
    from customers c left join customer_stats s on s.customer_id = c.id and s.merchant_id = c.merchant_id
    where c.merchant_id = '${merchantId}' and c.deleted_at is null order by c.id desc`.replace(/\s+/g, ' ')
}

async function apiKey(db: DatabaseHandle['db'], merchant: BenchMerchant): Promise<Record<string, string>> {
  const key = generateSecret('cb_key_')
  await db
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
  return { authorization: `Bearer ${key}` }
}

const mb = (n: number) => `${n.toFixed(0)} MB`
const load = () =>
  `load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`

async function benchImport(url: string, file: string, headers: Record<string, string>) {
  const bytes = statSync(file).size
  // Baseline: the same file into a plain table of text columns (no validation, no indexes).
  const columns = HEADER.map((_, i) => `c${i} text`).join(', ')
  process.stderr.write(`psql \\copy into a plain table… (${load()})\n`)
  await psql(url, `DROP TABLE IF EXISTS bench_import_plain; CREATE TABLE bench_import_plain (${columns})`)
  const copyIn = await psql(url, `\\copy bench_import_plain from '${file}' with (format csv, header true)`)
  // Context: the least any import into the live tables does, after that \copy: the rows, converted,
  // inserted in one statement into copies of customers and customer_stats with all their indexes and
  // generated columns (no validation, no foreign keys, no duplicate checks).
  process.stderr.write(`INSERT … SELECT into indexed copies of customers and customer_stats… (${load()})\n`)
  await psql(
    url,
    `DROP TABLE IF EXISTS bench_floor_customers, bench_floor_stats;
    CREATE TABLE bench_floor_customers (LIKE customers INCLUDING ALL);
    CREATE TABLE bench_floor_stats (LIKE customer_stats INCLUDING ALL)`,
  )
  const floorInsert = await psql(url, FLOOR_INSERT)
  await psql(url, 'DROP TABLE bench_import_plain, bench_floor_customers, bench_floor_stats')

  // Import: the file streamed to the real API, run as a job; timed until the import has completed.
  const api = await startApi({ env: { IMPORT_MAX_BYTES: String(4 * 1024 ** 3) } })
  const idle = memory(api.pid).now
  process.stderr.write(`Importing through ${api.url}… (${load()})\n`)
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
  let phase = ''
  const phases: string[] = []
  let phaseStart = started
  while (imp.status === 'queued' || imp.status === 'running') {
    await new Promise((r) => setTimeout(r, 250))
    imp = (await (
      await fetch(`${api.url}/api/v1/customers/imports/${imp.id}`, { headers })
    ).json()) as typeof imp
    if (imp.progress.phase !== phase) {
      if (phase) phases.push(`${phase} ${secs(performance.now() - phaseStart)}`)
      phase = imp.progress.phase
      phaseStart = performance.now()
    }
    if (performance.now() - lastLog > 5000) {
      lastLog = performance.now()
      process.stderr.write(`  ${imp.progress.phase} ${imp.progress.done}/${imp.progress.total} (${load()})\n`)
    }
  }
  if (phase) phases.push(`${phase} ${secs(performance.now() - phaseStart)}`)
  const importMs = performance.now() - started
  const mem = memory(api.pid)
  await api.stop()
  if (imp.status !== 'completed') throw new Error(`import did not complete: ${JSON.stringify(imp)}`)
  return { bytes, copyIn, floorInsert, importMs, uploaded, idle, mem, counts: imp.counts, phases }
}

async function benchExport(url: string, merchantId: string, headers: Record<string, string>, format: string) {
  // A fresh API process, so its peak RSS is the export's; the body read and dropped.
  const api = await startApi()
  process.stderr.write(`Exporting ${format}… (${load()})\n`)
  const samples: number[] = []
  const sampler = setInterval(() => samples.push(memory(api.pid).now), 250)
  const started = performance.now()
  const exported = await download(`${api.url}/api/v1/customers/export.csv?format=${format}`, headers)
  const exportMs = performance.now() - started
  clearInterval(sampler)
  const mem = memory(api.pid)
  await api.stop()
  process.stderr.write(`psql \\copy (select …) to stdout… (${load()})\n`)
  const copyOut = await psql(
    url,
    `\\copy (${baselineSelect(merchantId)}) to stdout with (format csv, header true)`,
  )
  // After the first few seconds (startup, first batches), the export's RSS should not grow with rows.
  const steady = samples.slice(Math.min(8, Math.floor(samples.length / 4)))
  return { exportMs, exported, mem, steady, copyOut }
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
  const existing = opts['merchant-email'] ? await findMerchant(handle.db, opts['merchant-email']) : undefined
  if (opts['merchant-email'] && !existing)
    throw new UsageError(`No merchant with owner ${opts['merchant-email']}`)
  const merchant =
    existing ??
    (await ensureMerchant(handle.db, {
      email: `bench-import-${Date.now()}@coinbook.local`,
      password: 'coinbook-bench',
      name: 'Import bench',
    }))
  const lines: string[] = []
  let failed = false
  try {
    const headers = await apiKey(handle.db, merchant)
    const missed: string[] = []
    if (opts.only !== 'export') {
      const file = await benchFile(opts.rows)
      const r = await benchImport(url, file, headers)
      const ratio = r.importMs / r.copyIn
      lines.push(
        `${opts.rows.toLocaleString('en-US')} customers, ${(r.bytes / 1024 ** 2).toFixed(0)} MB CSV, PostgreSQL (${load()} at the end)`,
        `import   API ${secs(r.importMs)} (upload ${secs(r.uploaded)}; ${r.phases.join(', ')})   psql \\copy ${secs(r.copyIn)}   ${ratio.toFixed(2)}× (goal ≤ ${opts.importGoal}×)   peak RSS ${mb(r.mem.peak)} (goal ≤ ${opts.rssGoal} MB; ${mb(r.idle)} idle after start)`,
        `         counts ${JSON.stringify(r.counts)}`,
        `         * psql \\copy + INSERT … SELECT into indexed copies of customers and customer_stats ${secs(r.copyIn + r.floorInsert)}: the import is ${(r.importMs / (r.copyIn + r.floorInsert)).toFixed(2)}× that`,
      )
      if (ratio > opts.importGoal) missed.push('import time')
      if (r.mem.peak > opts.rssGoal) missed.push('import RSS')
      failed ||= r.counts.created !== opts.rows
    }
    if (opts.only !== 'import') {
      for (const format of opts.format === 'both' ? ['csv', 'jsonl'] : [opts.format]) {
        const r = await benchExport(url, merchant.merchantId, headers, format)
        const ratio = r.exportMs / r.copyOut
        lines.push(
          `export ${format.padEnd(5)} API ${secs(r.exportMs)} (${mb(r.exported / 1024 ** 2)})   psql \\copy ${secs(r.copyOut)}   ${ratio.toFixed(2)}× (goal ≤ ${opts.exportGoal}×)   peak RSS ${mb(r.mem.peak)}, steady ${mb(Math.min(...r.steady))}–${mb(Math.max(...r.steady))} (${load()})`,
        )
        if (ratio > opts.exportGoal) missed.push(`export time (${format})`)
      }
    }
    lines.push('', missed.length ? `Goal missed: ${missed.join(', ')}.` : 'Goals met.')
  } finally {
    console.log(lines.join('\n'))
    await handle.db
      .deleteFrom('api_keys')
      .where('name', '=', 'import bench (temporary)')
      .where('merchant_id', '=', merchant.merchantId)
      .execute()
    if (!opts.keep && !existing) {
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
