import type { RpcLog, RpcTransactionReceipt } from 'viem'
import { InvalidInputError, ReorgDuringScanError } from '../../errors.js'
import type { ScanResult, TransferEvent, WatchSet } from '../types.js'
import { blockRange, type FullBlock, getBlocks } from './blocks.js'
import type { EvmClient } from './client.js'
import type { EvmContext } from './config.js'
import { parseTransferCall, transferRecipient } from './erc20.js'
import {
  attemptedTokenTransfer,
  type MinedIn,
  nativeTransfer,
  receiptFee,
  statusOf,
  tokenTransfers,
} from './events.js'
import { getTransferLogs } from './logs.js'

export interface ScanBlocksParameters {
  context: EvmContext
  from: bigint
  to: bigint
  watch: WatchSet
  /** eth_getLogs range limit, shared across scans so a halving sticks. */
  range: { maxBlocks: number }
  /** Read every block's transactions for native payments (and reverted direct token transfers). */
  native: boolean
}

/** Why a transaction's receipt is needed: the native value it pays, or a direct token call that may revert. */
interface Candidate {
  native?: { hash: string; from: string; to: string; value: bigint }
  call?: { hash: string; from: string; to: string; input: string }
}

/**
 * Transfers to watched addresses in blocks `from`..`to`. Token logs come from eth_getLogs over the token
 * contracts, filtered here by recipient; native payments from full blocks (when `native`). Only the
 * transactions that pay a watched address cost a receipt, which gives the status and the log positions,
 * so the work beyond reading the range grows with the merchant's payments, not with the chain's traffic.
 */
export async function scanBlocks(
  client: EvmClient,
  { context, from, to, watch, range, native }: ScanBlocksParameters,
): Promise<ScanResult> {
  if (from < 0n || from > to) throw new InvalidInputError(`Invalid block range ${from}..${to}`)
  const blocks = new BlockBook(context)
  // One round trip: the head, the logs, and the blocks (or just the last one) go out in the same batch.
  const headRequest = client.request({ method: 'eth_blockNumber' }).then(BigInt)
  const [head, logs, fullBlocks] = await Promise.all([
    headRequest,
    context.tokens.size > 0
      ? getTransferLogs(client, {
          contracts: [...context.tokens.keys()],
          fromBlock: from,
          toBlock: to,
          range,
        })
      : [],
    getBlocks(client, { numbers: native ? blockRange(from, to) : [to], includeTransactions: native }),
  ]).catch(async (error) => {
    const head = await headRequest.catch(() => undefined)
    if (head !== undefined && to > head) {
      throw new InvalidInputError(`Block ${to} is beyond the ${context.network} head ${head}`)
    }
    throw error
  })

  const candidates = new Map<string, Candidate>()
  const candidate = (hash: string) => {
    const key = hash.toLowerCase()
    const known = candidates.get(key)
    if (known) return known
    const c: Candidate = {}
    candidates.set(key, c)
    return c
  }
  for (const block of fullBlocks) {
    blocks.add(BigInt(block.number!), block.hash!, Number(block.timestamp))
    if (native) findNativeCandidates(context, block as FullBlock, watch, candidate)
  }
  let lastBlock: string | null = null
  for (const log of logs) {
    // Logs come in block order: book each block once, not once per log.
    if (log.blockHash !== lastBlock) blocks.add(BigInt(log.blockNumber!), log.blockHash!, timestampOf(log))
    lastBlock = log.blockHash
    const to = transferRecipient(log)
    if (to !== undefined && !log.removed && watch.has(to)) candidate(log.transactionHash!)
  }

  const hashes = [...candidates.keys()]
  const receipts = await Promise.all(
    hashes.map((hash) =>
      client.request({ method: 'eth_getTransactionReceipt', params: [hash as `0x${string}`] }),
    ),
  )
  // A receipt that vanished since the logs or blocks were read means the chain moved under the scan.
  for (const r of receipts) if (!r) throw new ReorgDuringScanError(context.network, to)
  await blocks.fillTimes(
    client,
    (receipts as RpcTransactionReceipt[]).map((r) => BigInt(r.blockNumber)),
  )

  const found: { event: TransferEvent; txIndex: number }[] = []
  receipts.forEach((receipt, i) => {
    if (!receipt) return
    const c = candidates.get(hashes[i]!)!
    const minedIn = blocks.minedIn(BigInt(receipt.blockNumber), receipt.blockHash)
    const success = receipt.status === '0x1'
    const status = statusOf(context, success, minedIn.ref.number, head)
    const txIndex = Number(receipt.transactionIndex)
    const push = (event: TransferEvent | undefined) => event && found.push({ event, txIndex })
    // The receipt is read for the status and log positions anyway: its fee costs no extra call.
    const fee = receiptFee(receipt)
    if (c.native) push(nativeTransfer(context, c.native, status, minedIn, fee))
    if (success)
      for (const e of tokenTransfers(context, receipt, status, minedIn, (a) => watch.has(a))) push(e)
    else if (c.call) push(attemptedTokenTransfer(context, c.call, minedIn, fee))
  })
  found.sort(
    (a, b) =>
      compare(a.event.blockRef!.number, b.event.blockRef!.number) ||
      a.txIndex - b.txIndex ||
      a.event.eventIndex - b.event.eventIndex,
  )
  return { events: found.map((f) => f.event), last: blocks.minedIn(to).ref }
}

function findNativeCandidates(
  context: EvmContext,
  block: FullBlock,
  watch: WatchSet,
  candidate: (hash: string) => Candidate,
) {
  for (const tx of block.transactions) {
    if (!tx.to) continue
    const to = tx.to.toLowerCase()
    const value = BigInt(tx.value)
    if (value > 0n && watch.has(to)) candidate(tx.hash).native = { hash: tx.hash, from: tx.from, to, value }
    if (context.tokens.has(to)) {
      const call = parseTransferCall(tx.input, tx.from)
      if (call && watch.has(call.to))
        candidate(tx.hash).call = { hash: tx.hash, from: tx.from, to, input: tx.input }
    }
  }
}

/** The hash and time of every block the scan saw; two different hashes for one height abort the scan. */
class BlockBook {
  private hashes = new Map<bigint, string>()
  private times = new Map<bigint, number>()
  constructor(private context: EvmContext) {}

  add(number: bigint, hash: string, time: number | undefined) {
    const known = this.hashes.get(number)
    if (known !== undefined && known !== hash.toLowerCase())
      throw new ReorgDuringScanError(this.context.network, number)
    this.hashes.set(number, hash.toLowerCase())
    if (time !== undefined) this.times.set(number, time)
  }

  /** Fetches the headers of the blocks whose time no log told (nodes older than geth 1.16 omit it). */
  async fillTimes(client: EvmClient, numbers: bigint[]) {
    const missing = [...new Set(numbers)].filter((n) => !this.times.has(n))
    for (const block of await getBlocks(client, { numbers: missing, includeTransactions: false })) {
      this.add(BigInt(block.number!), block.hash!, Number(block.timestamp))
    }
  }

  minedIn(number: bigint, hash?: string): MinedIn {
    const known = this.hashes.get(number)
    if (known === undefined || (hash !== undefined && known !== hash.toLowerCase())) {
      throw new ReorgDuringScanError(this.context.network, number)
    }
    return { ref: { number, hash: known }, time: this.times.get(number)! }
  }
}

function timestampOf(log: RpcLog): number | undefined {
  const t = (log as { blockTimestamp?: string }).blockTimestamp
  return t ? Number(t) : undefined
}

function compare(a: bigint, b: bigint) {
  return a < b ? -1 : a > b ? 1 : 0
}
