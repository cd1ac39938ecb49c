import type { RpcLog, RpcTransactionReceipt } from 'viem'
import { InvalidInputError, ReorgDuringScanError } from '../../errors.js'
import type { ScanResult, TransferEvent, WatchSet } from '../types.js'
import { blockRange, type FullBlock, getBlocks } from './blocks.js'
import type { EvmClient } from './client.js'
import type { EvmContext } from './config.js'
import { type Erc20Transfer, parseTransferLog, transferCallRecipient, transferRecipient } from './erc20.js'
import {
  attemptedTokenTransfer,
  type MinedIn,
  nativeTransfer,
  receiptFee,
  statusOf,
  tokenTransfer,
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

/** A token Transfer log to a watched address, with its ordinal among its transaction's token logs. */
interface TokenMatch {
  log: RpcLog
  transfer: Erc20Transfer
  ordinal: number
}

/**
 * Transfers to watched addresses in blocks `from`..`to`. Token logs come from eth_getLogs over the token
 * contracts, filtered here by recipient; native payments from full blocks (when `native`).
 *
 * A token transfer needs nothing beyond its log: a log exists only in a transaction that succeeded, and
 * its identity (eventIndex 1 + its ordinal among the transaction's known-token Transfer logs, which
 * eth_getLogs returns together and in order) is what verify computes from the receipt. So tokens cost no
 * receipt, and their fee is left unread (the API fills it in later, off the scan). Receipts are read only
 * for the transactions that pay a watched address native coin (their status: a reverted transaction
 * stays in its block) and for direct token calls to a watched address that left no Transfer log (reverted
 * or not); the work beyond reading the range grows with the merchant's payments, not the chain's traffic.
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

  const matches: TokenMatch[] = []
  // Transactions with a token log succeeded: a direct token call among them needs no receipt.
  const withLogs = new Set<string>()
  let lastBlock: string | null = null
  let lastTx: string | null = null
  let ordinal = 0
  for (const log of inChainOrder(logs)) {
    // Logs come in block order, a transaction's together: book each block once, not once per log, and
    // count each transaction's logs from 0.
    if (log.blockHash !== lastBlock) {
      blocks.add(BigInt(log.blockNumber!), log.blockHash!, timestampOf(log))
      lastBlock = log.blockHash
      lastTx = null
    }
    if (log.transactionHash !== lastTx) {
      lastTx = log.transactionHash
      ordinal = 0
      if (candidates.size > 0) withLogs.add(lastTx!.toLowerCase())
    } else ordinal++
    const to = transferRecipient(log)
    if (to === undefined || log.removed || !watch.has(to)) continue
    matches.push({ log, transfer: parseTransferLog(log)!, ordinal })
  }

  const hashes: string[] = []
  for (const [hash, c] of candidates) if (c.native || !withLogs.has(hash)) hashes.push(hash)
  const receipts = await Promise.all(
    hashes.map((hash) =>
      client.request({ method: 'eth_getTransactionReceipt', params: [hash as `0x${string}`] }),
    ),
  )
  // A receipt that vanished since the logs or blocks were read means the chain moved under the scan.
  for (const r of receipts) if (!r) throw new ReorgDuringScanError(context.network, to)
  await blocks.fillTimes(client, [
    ...(receipts as RpcTransactionReceipt[]).map((r) => BigInt(r.blockNumber)),
    ...matches.map((m) => BigInt(m.log.blockNumber!)),
  ])

  const found: { event: TransferEvent; txIndex: number }[] = []
  // The fee of a transaction whose receipt was read anyway, for its token transfers too.
  const fees = new Map<string, bigint | undefined>()
  receipts.forEach((receipt, i) => {
    if (!receipt) return
    const c = candidates.get(hashes[i]!)!
    const minedIn = blocks.minedIn(BigInt(receipt.blockNumber), receipt.blockHash)
    const success = receipt.status === '0x1'
    const status = statusOf(context, success, minedIn.ref.number, head)
    const txIndex = Number(receipt.transactionIndex)
    const push = (event: TransferEvent | undefined) => event && found.push({ event, txIndex })
    const fee = receiptFee(receipt)
    fees.set(hashes[i]!, fee)
    if (c.native) push(nativeTransfer(context, c.native, status, minedIn, fee))
    if (!success && c.call) push(attemptedTokenTransfer(context, c.call, minedIn, fee))
  })
  for (const { log, transfer, ordinal } of matches) {
    const minedIn = blocks.minedIn(BigInt(log.blockNumber!), log.blockHash!)
    const txHash = log.transactionHash!.toLowerCase()
    const status = statusOf(context, true, minedIn.ref.number, head)
    const event = tokenTransfer(context, log, txHash, ordinal, status, minedIn, fees.get(txHash), transfer)
    if (event) found.push({ event, txIndex: Number(log.transactionIndex) })
  }
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
  // Runs on every transaction of every block: look at `to` first and allocate only for the few that pay
  // a watched address or call a known token (nodes send lowercase hex, so toLowerCase copies nothing).
  for (const tx of block.transactions) {
    if (!tx.to) continue
    const to = tx.to.toLowerCase()
    if (watch.has(to)) {
      const value = BigInt(tx.value)
      if (value > 0n) candidate(tx.hash).native = { hash: tx.hash, from: tx.from, to, value }
    }
    if (context.tokens.has(to)) {
      const recipient = transferCallRecipient(tx.input)
      if (recipient !== undefined && watch.has(recipient))
        candidate(tx.hash).call = { hash: tx.hash, from: tx.from, to, input: tx.input }
    }
  }
}

/**
 * The logs by (block, logIndex), as nodes send them: a transaction's logs are then consecutive and in
 * their receipt's order, which the ordinals rely on. Checked rather than trusted; sorted only when a node
 * sends them otherwise.
 */
function inChainOrder(logs: RpcLog[]): RpcLog[] {
  let block = -1
  let index = -1
  for (const log of logs) {
    const b = Number(log.blockNumber)
    const i = Number(log.logIndex)
    if (b < block || (b === block && i <= index))
      return [...logs].sort(
        (x, y) => Number(x.blockNumber) - Number(y.blockNumber) || Number(x.logIndex) - Number(y.logIndex),
      )
    block = b
    index = i
  }
  return logs
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
