/**
 * Tron scan overhead. One block of ~2,000 real signed transactions served by the local full node: a third
 * TRX transfers, two thirds USDT transfer() calls (each with its Transfer log), ~1% of them to watched
 * addresses; 1,000,000 watched base58 addresses in the CompactWatchSet. Times fetching the block and its
 * infos with plain fetch + JSON.parse against adapter.scan of that block (which also decodes and checks
 * every transaction, and base58-encodes each recipient): wall-clock and CPU medians. Prints figures,
 * asserts nothing. From packages/chain-watchers: `npx tsx bench/tron-scan.bench.ts`.
 */
import { randomBytes } from 'node:crypto'
import { TronWeb } from 'tronweb'
import { createTronAdapter } from '../src/adapters/tron/index.js'
import { tronHexToBase58 } from '../src/derive/tron.js'
import { CompactWatchSet } from '../src/watch-set.js'
import { fundedChain, PAYER_SEED, USDT } from '../test/tron/fixtures.js'
import { startTronNode } from '../test/tron/server.js'
import { testPrivateKey } from '../test/tron/wallet.js'

const TXS = 2_000
const WATCHED = 1_000_000
const WATCHED_SHARE = 1 / 100
const RUNS = 9

const randomAddress = () => tronHexToBase58(`41${randomBytes(20).toString('hex')}`)

let t = performance.now()
const watch = new CompactWatchSet({ expected: WATCHED })
const watchedList: string[] = []
for (let i = 0; i < WATCHED; i++) {
  const a = randomAddress()
  watch.add(a)
  if (i < 10_000) watchedList.push(a)
}
console.log(`watch set: ${watch.size.toLocaleString()} addresses in ${ms(performance.now() - t)}`)

const chain = fundedChain()
const server = await startTronNode(chain)
try {
  const tronWeb = new TronWeb({ fullHost: server.url })
  const key = testPrivateKey(PAYER_SEED)
  const payer = TronWeb.address.fromPrivateKey(key) as string
  const tip = chain.tip
  const blockHeader = {
    ref_block_bytes: tip.number.toString(16).padStart(4, '0'),
    ref_block_hash: tip.id.slice(16, 32),
    expiration: tip.timestamp + 60_000,
    timestamp: tip.timestamp,
  }
  t = performance.now()
  let watchedTxs = 0
  for (let i = 0; i < TXS; i++) {
    const watched = Math.random() < WATCHED_SHARE
    if (watched) watchedTxs++
    const to = watched ? watchedList[i % watchedList.length]! : randomAddress()
    const tx =
      i % 3 === 0
        ? await tronWeb.transactionBuilder.sendTrx(to, 1 + i, payer, { blockHeader })
        : (
            await tronWeb.transactionBuilder.triggerSmartContract(
              USDT,
              'transfer(address,uint256)',
              { feeLimit: 100_000_000, txLocal: true, blockHeader } as never,
              [
                { type: 'address', value: to },
                { type: 'uint256', value: String(1 + i) },
              ],
              payer,
            )
          ).transaction
    chain.submit((await tronWeb.trx.sign(tx as never, key)) as never)
  }
  const [block] = chain.mine(1)
  const height = BigInt(block!.number)
  console.log(
    `block ${block!.number}: ${block!.txs.length} transactions (${watchedTxs} to watched addresses) built and signed in ${ms(performance.now() - t)}`,
  )

  const adapter = createTronAdapter({ mode: 'mainnet', chainId: chain.chainId, rpc: { urls: [server.url] } })
  const post = async (path: string, body: unknown) =>
    JSON.parse(await (await fetch(server.url + path, { method: 'POST', body: JSON.stringify(body) })).text())

  const bare = await measure(async () => {
    await post('/wallet/getblockbylimitnext', { startNum: block!.number, endNum: block!.number + 1 })
    await post('/wallet/gettransactioninfobyblocknum', { num: block!.number })
  })
  let found = 0
  const scan = await measure(async () => {
    found = (await adapter.scan(height, height, watch)).events.length
  })
  console.log(`fetch + JSON.parse (block and infos): ${bare}`)
  console.log(`adapter.scan: ${scan}; ${found} events`)
} finally {
  await server.close()
}

async function measure(run: () => Promise<void>): Promise<string> {
  await run()
  const wall: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const c = process.cpuUsage()
    const w = performance.now()
    await run()
    wall.push(performance.now() - w)
    const used = process.cpuUsage(c)
    cpu.push((used.user + used.system) / 1000)
  }
  return `wall ${ms(median(wall))}, cpu ${ms(median(cpu))} (median of ${RUNS})`
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

function ms(value: number) {
  return `${value.toFixed(1)} ms`
}
