/**
 * Bitcoin scan overhead. One regtest block of ~3,000 real signed transactions (inputs of all four script
 * types, 1–3 payments each plus change, ~1.5% of payments to watched addresses) served by the local
 * Esplora/Core server; 1,000,000 watched addresses, held in the generic CompactWatchSet (looked up by
 * address) and in the Bitcoin ScriptWatchSet (looked up by output script). Times fetching the block raw and
 * parsing it with bitcoinjs alone (plain fetch, no pool) against adapter.scan of that block, per backend
 * and watch set: wall-clock and CPU medians (CPU is the steadier figure on a shared machine; the server
 * runs in this process, so both include its work). Prints figures, asserts nothing.
 * From packages/chain-watchers: `npx tsx bench/bitcoin-scan.bench.ts`.
 */
import { randomBytes } from 'node:crypto'
import * as bitcoin from 'bitcoinjs-lib'
import { Block } from 'bitcoinjs-lib'
import { createBitcoinAdapter, ScriptWatchSet } from '../src/adapters/bitcoin/index.js'
import { CompactWatchSet } from '../src/watch-set.js'
import { fundedRegtest } from '../test/bitcoin/fixtures.js'
import { AUTH, nodeUrl } from '../test/bitcoin/harness.js'
import { startNodeServer } from '../test/bitcoin/server.js'
import { type ScriptKind, scriptKinds } from '../test/bitcoin/wallet.js'

const TXS = 3_000
const WATCHED = 1_000_000
const WATCHED_PAYMENTS = 1 / 64
const RUNS = 9
const params = bitcoin.networks.regtest

// Random bytes drawn from one large buffer: a randomBytes call per address would dominate the set-up.
let entropy = randomBytes(0)
function random(n: number): Uint8Array {
  if (entropy.length < n) entropy = randomBytes(1 << 22)
  const out = entropy.subarray(0, n)
  entropy = entropy.subarray(n)
  return out
}

function script(...parts: (number | Uint8Array)[]): Uint8Array {
  return Uint8Array.from(parts.flatMap((p) => (typeof p === 'number' ? [p] : [...p])))
}

/** A random output script and its address, in roughly today's mainnet mix of output types. */
function randomOutput(i: number): { script: Uint8Array; address: string } {
  const r = i % 20
  if (r < 10) {
    const hash = random(20)
    return { script: script(0x00, 0x14, hash), address: bitcoin.address.toBech32(hash, 0, params.bech32) }
  }
  if (r < 14) {
    const key = random(32)
    return { script: script(0x51, 0x20, key), address: bitcoin.address.toBech32(key, 1, params.bech32) }
  }
  if (r < 17) {
    const hash = random(20)
    return {
      script: script(0xa9, 0x14, hash, 0x87),
      address: bitcoin.address.toBase58Check(hash, params.scriptHash),
    }
  }
  if (r < 19) {
    const hash = random(20)
    return {
      script: script(0x76, 0xa9, 0x14, hash, 0x88, 0xac),
      address: bitcoin.address.toBase58Check(hash, params.pubKeyHash),
    }
  }
  const hash = random(32)
  return { script: script(0x00, 0x20, hash), address: bitcoin.address.toBech32(hash, 0, params.bech32) }
}

// The watch sets: 1,000,000 normalised addresses of all types, by address and by script.
let t = performance.now()
const addresses: string[] = []
const watchedOutputs: { script: Uint8Array; address: string }[] = []
for (let i = 0; i < WATCHED; i++) {
  const out = randomOutput(i)
  addresses.push(out.address)
  if (i % 1000 === 0) watchedOutputs.push(out)
}
console.log(`${WATCHED.toLocaleString()} random addresses made in ${ms(performance.now() - t)}`)
t = performance.now()
const compact = CompactWatchSet.from(addresses, { expected: WATCHED })
console.log(`CompactWatchSet: built in ${ms(performance.now() - t)}, ${mb(compact.byteLength)}`)
t = performance.now()
const byScript = ScriptWatchSet.from('regtest', addresses, { expected: WATCHED })
console.log(`ScriptWatchSet:  built in ${ms(performance.now() - t)}, ${mb(byScript.byteLength)}`)
addresses.length = 0

// Coins of every type for the wallet, fanned out from a mature coinbase in transactions of 50 outputs (a
// legacy input signs over its whole previous transaction, so that one stays small).
const { chain, wallet } = fundedRegtest('bench')
t = performance.now()
const kindOf = (i: number): ScriptKind => scriptKinds[i % scriptKinds.length]!
const FAN = 50
const trunks = wallet.pay(
  Array.from({ length: Math.ceil(TXS / FAN) }, () => ({
    address: wallet.address('p2wpkh'),
    value: 60_000_000n,
  })),
  { validate: false },
)
const coins = Array.from({ length: Math.ceil(TXS / FAN) }, (_, trunk) => {
  const fan = wallet.pay(
    Array.from({ length: FAN }, (_, i) => ({
      address: wallet.address(kindOf(trunk * FAN + i)),
      value: 1_000_000n,
    })),
    { coins: [chain.coin(trunks.getId(), trunk)!], validate: false },
  )
  return Array.from({ length: FAN }, (_, i) => chain.coin(fan.getId(), i)!)
})
  .flat()
  .slice(0, TXS)
chain.mine(1)

// The block: each transaction spends one coin and pays 1–3 outputs plus change.
let payments = 0
let watchedPaid = 0
for (let i = 0; i < TXS; i++) {
  const outputs = Array.from({ length: 1 + (i % 3) }, (_, k) => {
    payments++
    const watched = Math.floor(payments * WATCHED_PAYMENTS) !== Math.floor((payments - 1) * WATCHED_PAYMENTS)
    if (watched) watchedPaid++
    const out = watched ? watchedOutputs[watchedPaid % watchedOutputs.length]! : randomOutput(i * 3 + k)
    return { script: out.script, value: 10_000n + BigInt(k) }
  })
  wallet.pay([], { coins: [coins[i]!], scripts: outputs, validate: false, changeTo: kindOf(i + 1) })
}
const signedMs = performance.now() - t
const [stored] = chain.mine(1)
const height = BigInt(stored!.height)
console.log(
  `block ${stored!.height}: ${stored!.txids.length} transactions (${payments} payments, ${watchedPaid} to watched addresses), ${(stored!.raw.length / 1e6).toFixed(2)} MB; built and signed in ${ms(signedMs)} (${(signedMs / TXS).toFixed(2)} ms per transaction)`,
)

const server = await startNodeServer(chain, { auth: AUTH })
try {
  for (const backend of ['esplora', 'core'] as const) {
    const adapter = createBitcoinAdapter({
      backend,
      mode: 'regtest',
      rpc: { urls: [nodeUrl(server, backend)], timeoutMs: 30_000 },
    })
    const found = await adapter.scan(height, height, compact)
    const foundByScript = await adapter.scan(height, height, byScript)

    const auth = { authorization: `Basic ${Buffer.from(`${AUTH.user}:${AUTH.password}`).toString('base64')}` }
    const coreCall = async (method: string, params: unknown[]) => {
      const res = await fetch(server.coreUrl, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ id: 1, method, params }),
      })
      return ((await res.json()) as { result: unknown }).result
    }
    const rawBlock = async (hash: string): Promise<Uint8Array> =>
      backend === 'esplora'
        ? new Uint8Array(await (await fetch(`${server.esploraUrl}/block/${hash}/raw`)).arrayBuffer())
        : Buffer.from((await coreCall('getblock', [hash, 0])) as string, 'hex')
    const hashAt = async (h: bigint): Promise<string> =>
      backend === 'esplora'
        ? (await fetch(`${server.esploraUrl}/block-height/${h}`)).text()
        : ((await coreCall('getblockhash', [Number(h)])) as string)

    const [fetchParse, hashFetchParse, scanCompact, scanScript] = await timeRoundRobin([
      async () => Block.fromBuffer(await rawBlock(stored!.hash)),
      async () => Block.fromBuffer(await rawBlock(await hashAt(height))),
      () => adapter.scan(height, height, compact),
      () => adapter.scan(height, height, byScript),
    ])
    console.log(
      `\n${backend}: scan found ${found.events.length} events (${foundByScript.events.length} by script); median of ${RUNS} runs, round robin, wall | CPU`,
    )
    console.log(`  (a) fetch raw block + bitcoinjs parse          ${both(fetchParse!)}`)
    console.log(`      hash by height + (a)                       ${both(hashFetchParse!)}`)
    for (const [label, timing] of [
      ['(b) adapter.scan, 1M in a CompactWatchSet', scanCompact!],
      ['    adapter.scan, 1M in a ScriptWatchSet ', scanScript!],
    ] as const) {
      console.log(`  ${label}      ${both(timing)}`)
      console.log(
        `        ${ratio(timing, fetchParse!)} of (a); ${ratio(timing, hashFetchParse!)} of hash + (a)`,
      )
    }
  }
} finally {
  await server.close()
}

interface Timing {
  wall: number
  cpu: number
}

/** Warms each task up, then RUNS rounds of all tasks in turn; medians, so machine drift hits all alike. */
async function timeRoundRobin(tasks: (() => Promise<unknown>)[]): Promise<Timing[]> {
  for (const task of tasks) await task()
  const samples = tasks.map(() => ({ wall: [] as number[], cpu: [] as number[] }))
  for (let r = 0; r < RUNS; r++) {
    for (const [i, task] of tasks.entries()) {
      const cpu = process.cpuUsage()
      const started = performance.now()
      await task()
      const used = process.cpuUsage(cpu)
      samples[i]!.wall.push(performance.now() - started)
      samples[i]!.cpu.push((used.user + used.system) / 1000)
    }
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(RUNS / 2)] ?? Number.NaN
  return samples.map((s) => ({ wall: median(s.wall), cpu: median(s.cpu) }))
}

function both(t: Timing) {
  return `${ms(t.wall).padStart(9)} | ${ms(t.cpu).padStart(9)}`
}

function ratio(b: Timing, a: Timing) {
  return `${(b.wall / a.wall).toFixed(2)}x wall, ${(b.cpu / a.cpu).toFixed(2)}x CPU`
}

function ms(value: number) {
  return `${value.toFixed(1)} ms`
}

function mb(bytes: number) {
  return `${(bytes / 2 ** 20).toFixed(0)} MB`
}
