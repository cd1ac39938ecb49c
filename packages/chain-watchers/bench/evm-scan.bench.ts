/**
 * EVM scan overhead. On anvil: ~5,000 token Transfer logs (100 batch transfers of 50 recipients) and 200
 * native payments over a few blocks; a watch set of 1,000,000 addresses. Times fetching and parsing the
 * same data without the adapter — bare fetch + JSON.parse, and viem's getLogs/getBlock with its decoding —
 * against adapter.scan, with native scanning off (tokens only) and on. Two match rates: 1% of the token
 * recipients watched (one in each of 50 of the 100 batch transactions; token payments cost no receipt, their
 * ordinal among the transaction's token logs is their identity) and 0.1%; with native scanning, each of the
 * 20 watched native payments costs a receipt (its status and fee). Prints figures, asserts nothing. From
 * packages/chain-watchers: `node --expose-gc --import tsx bench/evm-scan.bench.ts`.
 */
import { randomBytes } from 'node:crypto'
import {
  type Address,
  createPublicClient,
  createWalletClient,
  getAddress,
  http,
  numberToHex,
  parseAbiItem,
  parseUnits,
} from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { foundry } from 'viem/chains'
import { createEvmAdapter, transferTopic } from '../src/adapters/evm/index.js'
import { CompactWatchSet } from '../src/watch-set.js'
import { anvilMnemonic, startAnvil } from '../test/anvil.js'
import { testTokenAbi, testTokenBytecode } from '../test/evm/erc20.artifact.js'

const WATCHED = 1_000_000
const BATCHES = 100
const PER_BATCH = 50
const NATIVE = 200
const RUNS = 15

const anvil = await startAnvil()
try {
  const wallet = createWalletClient({
    account: mnemonicToAccount(anvilMnemonic),
    chain: foundry,
    transport: http(anvil.url),
  })
  // Native payments come from a second account: anvil's pool drops a sender's transactions queued behind
  // more than a block's worth of its own.
  const payer = createWalletClient({
    account: mnemonicToAccount(anvilMnemonic, { addressIndex: 1 }),
    chain: foundry,
    transport: http(anvil.url),
  })
  const reader = createPublicClient({ chain: foundry, transport: http(anvil.url), cacheTime: 0 })

  // The watch set as the API holds it: lowercase keys in the compact set of src/watch-set.ts.
  let t = performance.now()
  const watch = new CompactWatchSet({ expected: WATCHED })
  const bytes = randomBytes(20 * WATCHED)
  for (let i = 0; i < WATCHED; i++) watch.add(`0x${bytes.subarray(i * 20, i * 20 + 20).toString('hex')}`)
  console.log(
    `watch set: ${watch.size.toLocaleString()} addresses in ${ms(performance.now() - t)}, ${(watch.byteLength / 2 ** 20).toFixed(0)} MB`,
  )
  const watchedList = [...watch]
  const pick = () => getAddress(watchedList[Math.floor(Math.random() * watchedList.length)]!)
  const stranger = () => getAddress(`0x${randomBytes(20).toString('hex')}`)

  const deployHash = await wallet.deployContract({
    abi: testTokenAbi,
    bytecode: testTokenBytecode,
    args: ['USDT', 'USDT', 6, parseUnits('1000000000', 6)],
  })
  const usdt = (await reader.waitForTransactionReceipt({ hash: deployHash, pollingInterval: 20 }))
    .contractAddress!

  t = performance.now()
  await anvil.rpc('evm_setAutomine', [false])
  const from = (await reader.getBlockNumber()) + 1n
  const watchedRecipients: string[] = []
  for (let b = 0; b < BATCHES; b++) {
    const to: Address[] = Array.from({ length: PER_BATCH }, (_, i) => {
      if ((b * PER_BATCH + i) % 100 !== 37) return stranger()
      const a = pick()
      watchedRecipients.push(a.toLowerCase())
      return a
    })
    await wallet.writeContract({
      address: usdt,
      abi: testTokenAbi,
      functionName: 'batchTransfer',
      args: [to, to.map((_, i) => BigInt(i + 1))],
      gas: 2_000_000n,
    })
  }
  for (let i = 0; i < NATIVE; i++) {
    await payer.sendTransaction({ to: i % 10 === 0 ? pick() : stranger(), value: 1n, gas: 21_000n })
  }
  while (Number((await anvil.rpc<{ pending: string }>('txpool_status')).pending) > 0) {
    await anvil.rpc('anvil_mine', [numberToHex(1)])
  }
  await anvil.rpc('evm_setAutomine', [true])
  const to = await reader.getBlockNumber()
  console.log(`setup: blocks ${from}..${to} (${to - from + 1n}) filled in ${ms(performance.now() - t)}`)

  const range = [{ fromBlock: numberToHex(from), toBlock: numberToHex(to) }] as const
  const numbers = Array.from({ length: Number(to - from + 1n) }, (_, i) => from + BigInt(i))
  const transfer = parseAbiItem('event Transfer(address indexed from, address indexed to, uint256 value)')
  const jsonLogs = () => anvil.rpc('eth_getLogs', [{ ...range[0], address: usdt, topics: [transferTopic] }])
  const jsonBlocks = () =>
    Promise.all(numbers.map((n) => anvil.rpc('eth_getBlockByNumber', [numberToHex(n), true])))
  const viemLogs = () => reader.getLogs({ address: usdt, event: transfer, fromBlock: from, toBlock: to })
  const viemBlocks = () =>
    Promise.all(numbers.map((n) => reader.getBlock({ blockNumber: n, includeTransactions: true })))
  const rpc = { urls: [anvil.url], timeoutMs: 30_000 }
  const tokens = [{ asset: 'USDT' as const, contract: usdt, decimals: 6 }]
  const full = createEvmAdapter({ network: 'ethereum', mode: 'regtest', rpc, tokens })
  const tokensOnly = createEvmAdapter({
    network: 'ethereum',
    mode: 'regtest',
    rpc,
    tokens,
    scanNative: false,
  })
  console.log(
    `data: ${(await viemLogs()).length} Transfer logs, ${NATIVE} native payments (${NATIVE / 10} watched)`,
  )

  for (const share of ['1%', '0.1%']) {
    if (share === '0.1%')
      for (const a of watchedRecipients.slice(watchedRecipients.length / 10)) watch.delete(a)
    const scanned = await full.scan(from, to, watch)
    const tokenEvents = scanned.events.filter((e) => e.asset === 'USDT')
    const receipts = new Set(tokenEvents.map((e) => e.txHash)).size
    console.log(
      `\n${share} of token recipients watched: ${tokenEvents.length} token events in ${receipts} transactions, ${scanned.events.length - tokenEvents.length} native`,
    )
    const [a0, a, b, a0n, an, bn] = (await timeRoundRobin([
      jsonLogs,
      viemLogs,
      () => tokensOnly.scan(from, to, watch),
      () => Promise.all([jsonLogs(), jsonBlocks()]),
      () => Promise.all([viemLogs(), viemBlocks()]),
      () => full.scan(from, to, watch),
    ])) as [number, number, number, number, number, number]
    console.log(`  median of ${RUNS} runs, round robin`)
    console.log(
      `  tokens (logs):             fetch+JSON.parse ${ms(a0)} | viem getLogs ${ms(a)} | adapter.scan ${ms(b)}`,
    )
    console.log(
      `                             ratio ${(b / a0).toFixed(2)}x of fetch+parse, ${(b / a).toFixed(2)}x of viem`,
    )
    console.log(
      `  tokens + native (+blocks): fetch+JSON.parse ${ms(a0n)} | viem getLogs+getBlock ${ms(an)} | adapter.scan ${ms(bn)}`,
    )
    console.log(
      `                             ratio ${(bn / a0n).toFixed(2)}x of fetch+parse, ${(bn / an).toFixed(2)}x of viem`,
    )
  }
} finally {
  await anvil.stop()
}

/**
 * Warms each task up, then RUNS rounds of all tasks in turn; medians, so machine drift hits all alike. With
 * --expose-gc, collects garbage before each timed task, so no task pays for the garbage of the one before.
 */
async function timeRoundRobin(tasks: (() => Promise<unknown>)[]): Promise<number[]> {
  const collect = (globalThis as { gc?: () => void }).gc ?? (() => {})
  for (const task of tasks) await task()
  const samples = tasks.map(() => [] as number[])
  for (let r = 0; r < RUNS; r++) {
    for (const [i, task] of tasks.entries()) {
      collect()
      const started = performance.now()
      await task()
      samples[i]?.push(performance.now() - started)
    }
  }
  return samples.map((s) => s.sort((x, y) => x - y)[Math.floor(RUNS / 2)] ?? Number.NaN)
}

function ms(value: number) {
  return `${value.toFixed(1)} ms`
}
