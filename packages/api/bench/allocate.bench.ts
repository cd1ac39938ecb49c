// Deposit-target allocation under concurrency: 50 requests at a time, each asking a new address
// (`fresh: true`) for one of 50 customers, through the real HTTP app on the configured database
// (DATABASE_URL, or a throwaway PGlite). Prints throughput and latency, and checks no index was used twice.
import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { publicKeyAt } from '../../chain-watchers/src/derive/account-keys.fixture.js'
import { createTestApp } from '../test/harness.js'

const concurrency = Number(process.env.CONCURRENCY ?? 50)
const total = Number(process.env.REQUESTS ?? 1000)

const t = await createTestApp()
const owner = await t.signup()
await t.request('PUT', '/api/v1/wallets/ethereum', { as: owner, body: { xpub: publicKeyAt("m/44'/60'/0'") } })
const customers: string[] = []
for (let i = 0; i < concurrency; i++) {
  const res = await t.request('POST', '/api/v1/customers', {
    as: owner,
    body: { name: `Bench ${randomUUID()}` },
  })
  customers.push(res.body.id)
}

const latencies: number[] = []
let next = 0
const started = performance.now()
await Promise.all(
  customers.map(async (id) => {
    while (next < total) {
      next++
      const t0 = performance.now()
      const res = await t.request('POST', `/api/v1/customers/${id}/deposit-targets`, {
        as: owner,
        body: { asset: 'ETH', network: 'ethereum', fresh: true },
      })
      if (res.status !== 200) throw new Error(`allocation failed: ${res.status} ${JSON.stringify(res.body)}`)
      latencies.push(performance.now() - t0)
    }
  }),
)
const seconds = (performance.now() - started) / 1000

const rows = await t.db
  .selectFrom('deposit_targets')
  .select(['derivation_index', 'address'])
  .where('merchant_id', '=', owner.merchantId)
  .execute()
const indexes = new Set(rows.map((r) => r.derivation_index))
const addresses = new Set(rows.map((r) => r.address))
latencies.sort((a, b) => a - b)
const pct = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1)

console.log(
  `database: ${process.env.DATABASE_URL ? 'postgres' : 'pglite'}; ${total} allocations, ${concurrency} concurrent`,
)
console.log(
  `throughput: ${(total / seconds).toFixed(0)} allocations/s; latency p50 ${pct(50)} ms, p95 ${pct(95)} ms, max ${pct(100)} ms`,
)
console.log(
  `distinct indexes: ${indexes.size}/${rows.length}; distinct addresses: ${addresses.size}/${rows.length}`,
)
if (indexes.size !== rows.length || addresses.size !== rows.length) console.log('DUPLICATE ALLOCATION FOUND')
await t.close()
