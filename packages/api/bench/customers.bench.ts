/**
 * `pnpm bench`: p50/p95 of the customer list queries for the merchant `pnpm seed` filled, over real HTTP
 * against PostgreSQL. A benchmark, not a test: it prints figures and flags what misses the goal.
 */
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { ConfigError, loadConfig } from '../src/config.js'
import { connectDatabase } from '../src/db/connect.js'
import { generateSecret, hashSecret } from '../src/modules/auth/secrets.js'
import { type RunningApi, startApi } from './api-server.js'
import { BENCH_MERCHANT_EMAIL, findMerchant } from './bench-merchant.js'

const USAGE = `Usage: pnpm bench [--url URL] [--requests N] [--warmup N] [--goal-ms N] [--merchant-email EMAIL]

Times GET /api/v1/customers for the merchant filled by \`pnpm seed\` (owner ${BENCH_MERCHANT_EMAIL} by default),
reading DATABASE_URL (PostgreSQL) for the merchant, a temporary API key and real search terms. Without --url it
starts the API itself (\`src/main.ts api\`) on a free port. Defaults: 200 timed requests per query after 20
warm-up requests; a p95 above 50 ms is flagged.`

class UsageError extends Error {}

function count(name: string, value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`--${name} must be a positive whole number, got "${value}"`)
  return n
}

function parse() {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      requests: { type: 'string', default: '200' },
      warmup: { type: 'string', default: '20' },
      'goal-ms': { type: 'string', default: '50' },
      'merchant-email': { type: 'string', default: BENCH_MERCHANT_EMAIL },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  return {
    help: values.help,
    url: values.url?.replace(/\/+$/, ''),
    requests: count('requests', values.requests),
    warmup: count('warmup', values.warmup),
    goalMs: count('goal-ms', values['goal-ms']),
    email: values['merchant-email'].trim().toLowerCase(),
  }
}

/** A query under test: the path of its i-th request, given the previous response (for cursors). */
interface Query {
  label: string
  /** Part of the goal; the others are shown for context. */
  goal: boolean
  path(i: number, previous: ListResponse | undefined): string
}

interface ListResponse {
  data: unknown[]
  nextCursor: string | null
}

interface Result {
  label: string
  goal: boolean
  ms: number[]
  /** The slowest timed requests, to see which terms miss the goal. */
  slowest: { ms: number; path: string }[]
  rows: number
  errors: number
  firstError?: string
}

const CJK = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u

/** What a person would type to find this customer by email: "son.12" (end of name, start of number) or a prefix. */
function emailTerm(email: string, i: number): string {
  const local = email.slice(0, email.indexOf('@'))
  const digit = local.search(/\d/)
  if (i % 2 === 0 && digit > 0) return local.slice(Math.max(0, digit - 4), digit + 2)
  return local.slice(0, Math.min(local.length, 6 + (i % 3)))
}

/** Four or five letters from one word of a Latin-script name, in the case the user happens to type. */
function nameTerm(name: string, i: number): string | undefined {
  const word = name.split(/\s+/).find((w) => [...w].length >= 4 && /^\p{Script=Latin}+$/u.test(w))
  if (!word) return undefined
  const chars = [...word]
  const len = Math.min(chars.length, 4 + (i % 2))
  const start = i % 3 === 0 ? 0 : (i * 7) % (chars.length - len + 1)
  const term = chars.slice(start, start + len).join('')
  return i % 2 === 0 ? term.toLowerCase() : term
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN
}

async function run(
  url: string,
  key: string,
  query: Query,
  warmup: number,
  requests: number,
): Promise<Result> {
  const result: Result = { label: query.label, goal: query.goal, ms: [], slowest: [], rows: 0, errors: 0 }
  let previous: ListResponse | undefined
  for (let i = 0; i < warmup + requests; i++) {
    const path = query.path(i, previous)
    const started = performance.now()
    const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${key}` } })
    const body = await res.text()
    const ms = performance.now() - started
    if (!res.ok) {
      result.errors++
      result.firstError ??= `${res.status} on ${path}: ${body.slice(0, 300)}`
      previous = undefined
      continue
    }
    previous = JSON.parse(body) as ListResponse
    if (i >= warmup) {
      result.ms.push(ms)
      result.rows += previous.data.length
      result.slowest.push({ ms, path })
      result.slowest.sort((a, b) => b.ms - a.ms).splice(3)
    }
  }
  return result
}

function report(results: Result[], goalMs: number, context: string): boolean {
  const f = (ms: number) => `${ms.toFixed(1)} ms`.padStart(10)
  console.log(`\n${context}\n`)
  console.log(
    `${'query'.padEnd(40)}${'n'.padStart(5)}${'mean'.padStart(10)}${'p50'.padStart(10)}${'p95'.padStart(10)}` +
      `${'max'.padStart(10)}${'rows'.padStart(7)}`,
  )
  let missed = false
  for (const r of results) {
    const sorted = [...r.ms].sort((a, b) => a - b)
    const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length
    const p95 = percentile(sorted, 0.95)
    const flag = r.errors > 0 ? `  ✗ ${r.errors} errors` : p95 > goalMs ? `  ⚠ p95 over ${goalMs} ms` : ''
    if (r.goal && (r.errors > 0 || p95 > goalMs)) missed = true
    const label = `${r.label}${r.goal ? '' : ' *'}`
    console.log(
      `${label.padEnd(40)}${String(sorted.length).padStart(5)}${f(mean)}${f(percentile(sorted, 0.5))}${f(p95)}` +
        `${f(sorted.at(-1) ?? Number.NaN)}${(r.rows / Math.max(1, sorted.length)).toFixed(1).padStart(7)}${flag}`,
    )
    if (r.firstError) console.log(`    first error: ${r.firstError}`)
    if (!r.errors && p95 > goalMs) {
      for (const s of r.slowest)
        console.log(`    ${s.ms.toFixed(1).padStart(7)} ms  ${decodeURIComponent(s.path)}`)
    }
  }
  console.log(`\n* context, not part of the goal (p95 ≤ ${goalMs} ms). rows: average rows per response.`)
  console.log(
    missed ? `Goal missed: see the flags above.` : `Goal met: every goal query has p95 ≤ ${goalMs} ms.`,
  )
  return results.every((r) => r.errors === 0)
}

async function main() {
  const args = parse()
  if (args.help) return void console.log(USAGE)
  const config = loadConfig()
  if (!config.DATABASE_URL) {
    throw new UsageError(
      'Set DATABASE_URL to the PostgreSQL database `pnpm seed` filled: the benchmark targets it.',
    )
  }
  const handle = await connectDatabase({ url: config.DATABASE_URL, poolSize: 2 })
  let api: RunningApi | undefined
  let keyId: string | undefined
  try {
    const merchant = await findMerchant(handle.db, args.email)
    if (!merchant) throw new UsageError(`No merchant with owner ${args.email}: run \`pnpm seed\` first.`)
    const { total } = await handle.db
      .selectFrom('customers')
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .where('merchant_id', '=', merchant.merchantId)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow()
    if (Number(total) === 0)
      throw new UsageError(`${args.email}'s merchant has no customers: run \`pnpm seed\`.`)

    const sample = await handle.db
      .selectFrom('customers')
      .select(['name', 'email'])
      .where('merchant_id', '=', merchant.merchantId)
      .where('deleted_at', 'is', null)
      .orderBy(sql`random()`)
      .limit(Math.max(2000, (args.warmup + args.requests) * 4))
      .execute()
    const emails = sample.flatMap((s) => (s.email ? [s.email] : []))
    const latinNames = sample.map((s, i) => nameTerm(s.name, i)).filter((t): t is string => t !== undefined)
    const cjkNames = sample.flatMap((s) => (CJK.test(s.name) ? [[...s.name].slice(0, 2).join('')] : []))
    const at = <T>(list: T[], i: number) => list[i % list.length]!

    // An owner key made the way POST /api/v1/api-keys makes one; deleted when the run ends.
    const key = generateSecret('cb_key_')
    keyId = uuidv7()
    await handle.db
      .insertInto('api_keys')
      .values({
        id: keyId,
        merchant_id: merchant.merchantId,
        name: 'pnpm bench (temporary)',
        prefix: key.slice(0, 14),
        key_hash: hashSecret(key),
        role: 'owner',
        created_by: merchant.userId,
      })
      .execute()

    if (args.url) {
      api = { url: args.url, stop: async () => {} }
    } else {
      console.error('Starting the API (src/main.ts api)…')
      api = await startApi()
    }
    const q = (params: Record<string, string>) =>
      `/api/v1/customers?${new URLSearchParams({ ...params, limit: '25' })}`
    const follow = (sort?: string) => (_: number, prev: ListResponse | undefined) =>
      q({ ...(sort ? { sort } : {}), ...(prev?.nextCursor ? { cursor: prev.nextCursor } : {}) })
    const queries: Query[] = [
      { label: 'list: first page (newest first)', goal: true, path: () => q({}) },
      { label: 'search: partial email', goal: true, path: (i) => q({ q: emailTerm(at(emails, i), i) }) },
      { label: 'search: partial name', goal: true, path: (i) => q({ q: at(latinNames, i) }) },
      { label: 'sort: lifetime value, first page', goal: true, path: () => q({ sort: '-lifetimeValue' }) },
      { label: 'paging: deep, newest first', goal: false, path: follow() },
      { label: 'paging: deep, by lifetime value', goal: false, path: follow('-lifetimeValue') },
      { label: 'sort: name, first page', goal: false, path: () => q({ sort: 'name' }) },
      { label: 'filter: active in DE', goal: false, path: () => q({ status: 'active', country: 'DE' }) },
      ...(cjkNames.length > 0
        ? [
            {
              label: 'search: 2-character CJK name',
              goal: false,
              path: (i: number) => q({ q: at(cjkNames, i) }),
            },
          ]
        : []),
    ]

    const results: Result[] = []
    for (const query of queries) {
      process.stderr.write(`  ${query.label}…\n`)
      results.push(await run(api.url, key, query, args.warmup, args.requests))
    }
    const context =
      `${Number(total).toLocaleString('en-US')} customers of merchant ${merchant.merchantId}, API at ${api.url}; ` +
      `${args.requests} sequential requests per query after ${args.warmup} warm-up, limit=25`
    if (!report(results, args.goalMs, context)) process.exitCode = 1
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
