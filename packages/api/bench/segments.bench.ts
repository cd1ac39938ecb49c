// Segment counts on the merchant `pnpm seed` filled: the p95 of a three-condition custom segment's count
// (the issue's goal: ≤ 500 ms at 1M customers), a preview's first page, and a few built-ins for context.
// PostgreSQL only (DATABASE_URL). The count cache is bypassed: every run is a real count.
import { performance } from 'node:perf_hooks'
import { type Expression, type SqlBool, sql } from 'kysely'
import { connectDatabase } from '../src/db/connect.js'
import { selectLiveCustomers } from '../src/modules/customers/services/live-customers.js'
import { segmentCondition } from '../src/modules/segments/condition.js'
import { countMatching, resolveSegment } from '../src/modules/segments/resolve.js'
import { parseRule } from '../src/modules/segments/rule.js'
import { BENCH_MERCHANT_EMAIL, findMerchant } from './bench-merchant.js'

const url = process.env.DATABASE_URL
if (!url) {
  console.log('segments bench: skipped, set DATABASE_URL to the PostgreSQL database `pnpm seed` filled')
  process.exit(0)
}
const runs = Number(process.env.RUNS ?? 30)
const goalMs = 500
const handle = await connectDatabase({ url, poolSize: 2 })
const db = handle.db
const merchant = await findMerchant(db, process.env.MERCHANT_EMAIL ?? BENCH_MERCHANT_EMAIL)
if (!merchant) {
  console.log(`segments bench: no merchant ${BENCH_MERCHANT_EMAIL}; run pnpm seed first`)
  process.exit(1)
}
const { merchantId } = merchant
const now = new Date()
const size = await sql<{
  n: string
}>`select count(*) as n from customers where merchant_id = ${merchantId} and deleted_at is null`.execute(db)
console.log(
  `segments bench: ${Number(size.rows[0]?.n).toLocaleString('en')} customers, ${runs} runs per query\n`,
)

const threeConditions = parseRule({
  all: [
    { field: 'country', op: 'in', value: ['US', 'DE', 'GB', 'FR', 'PT'] },
    { field: 'lifetimeValue', op: 'gte', value: '100' },
    { field: 'lastPaymentAt', op: 'withinLast', value: 180 },
  ],
})

async function time(label: string, fn: () => Promise<unknown>, goal?: number) {
  await fn() // warm-up
  const ms: number[] = []
  let result: unknown
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    result = await fn()
    ms.push(performance.now() - t0)
  }
  ms.sort((a, b) => a - b)
  const p = (q: number) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)] as number
  const flag = goal !== undefined ? (p(0.95) <= goal ? `  ✓ ≤ ${goal} ms` : `  ⚠ over ${goal} ms`) : ''
  console.log(
    `${label.padEnd(44)} p50 ${p(0.5).toFixed(1).padStart(7)} ms  p95 ${p(0.95).toFixed(1).padStart(7)} ms  max ${(ms.at(-1) as number).toFixed(1).padStart(7)} ms  → ${JSON.stringify(result)}${flag}`,
  )
  return p(0.95)
}

const condition = segmentCondition(threeConditions, { merchantId, now })
const p95 = await time(
  'count: 3 conditions (country, LTV, recent)',
  () => countMatching(db, merchantId, condition),
  goalMs,
)
await time(
  'preview first page (25, newest first)',
  async () =>
    (await selectLiveCustomers(db, merchantId).where(condition).orderBy('c.id', 'desc').limit(25).execute())
      .length,
)
for (const id of ['vip', 'at-risk', 'one-time', 'country:US']) {
  await time(`count: built-in ${id}`, async () => {
    const s = await resolveSegment(db, merchantId, id, now)
    return countMatching(db, merchantId, s.condition as Expression<SqlBool>)
  })
}

// The plan the three-condition count relies on.
const compiled = db
  .selectFrom('customers as c')
  .select(sql`count(*)`.as('n'))
  .where('c.merchant_id', '=', merchantId)
  .where('c.deleted_at', 'is', null)
  .where(condition)
  .compile()
const plan = await sql
  .raw<{ 'QUERY PLAN': string }>(
    `explain (analyze, costs off, timing off) ${compiled.sql.replace(/\$(\d+)/g, (_, i) => {
      const v = compiled.parameters[Number(i) - 1]
      return `'${String(v).replace(/'/g, "''")}'`
    })}`,
  )
  .execute(db)
console.log(
  `\nplan of the three-condition count:\n${plan.rows.map((r) => `  ${r['QUERY PLAN']}`).join('\n')}`,
)
console.log(
  p95 <= goalMs
    ? `\nGoal met: p95 ${p95.toFixed(0)} ms ≤ ${goalMs} ms.`
    : `\nGoal missed: p95 ${p95.toFixed(0)} ms > ${goalMs} ms.`,
)
await handle.close()
