import { ChainError, InvalidInputError, ReorgDuringScanError } from '../../errors.js'
import type { RpcPool } from '../../rpc/pool.js'
import type { ScanResult, TransferEvent, WatchSet } from '../types.js'
import { addressFromHex } from './address.js'
import type { TronContext } from './config.js'
import {
  attemptedTokenTransfer,
  minedIn,
  nativeTransfer,
  statusOf,
  succeeded,
  tokenTransfers,
} from './events.js'
import { getSolidifiedNumber } from './head.js'
import { getBlockByNum, getBlocksByLimitNext, getNowBlock, getTransactionInfoByBlockNum } from './node.js'
import type { TronBlock, TronTransactionInfo } from './wire.js'

export interface ScanBlocksParameters {
  context: TronContext
  from: bigint
  to: bigint
  watch: WatchSet
}

/**
 * Transfers to watched addresses in blocks `from`..`to`. Blocks come with their transactions from
 * getblockbylimitnext, which gives the TRX transfers (TransferContract, and call_value) with their result.
 * TRC-20 Transfer logs live in TransactionInfos, so gettransactioninfobyblocknum is read for the blocks
 * that hold a smart-contract call (a token moves through routers and batch contracts too, not only
 * through direct calls). Throws ReorgDuringScanError when the blocks and infos read do not form one chain.
 */
export async function scanBlocks(
  pool: RpcPool,
  { context, from, to, watch }: ScanBlocksParameters,
): Promise<ScanResult> {
  if (from < 0n || from > to) throw new InvalidInputError(`Invalid block range ${from}..${to}`)
  const per = BigInt(context.blocksPerRequest)
  const pages: [bigint, bigint][] = []
  for (let start = from; start <= to; start += per) pages.push([start, min(to + 1n, start + per)])

  // The solidified head is read alongside the blocks: it decides pending or confirmed.
  const [solidified, read] = await Promise.all([
    getSolidifiedNumber(pool),
    mapConcurrently(pages, context.scanConcurrency, ([start, end]) => getBlocksByLimitNext(pool, start, end)),
  ])
  const blocks = await checkChain(pool, context, from, to, read.flat())

  const needInfos = context.tokens.size > 0 ? blocks.filter(hasContractCall) : []
  const infoLists = await mapConcurrently(needInfos, context.scanConcurrency, (b) =>
    getTransactionInfoByBlockNum(pool, b.number),
  )
  const infos = new Map<bigint, Map<string, TronTransactionInfo>>()
  for (const [i, block] of needInfos.entries()) {
    const byId = infosOf(block, infoLists[i]!)
    if (!byId) await explainMismatch(pool, context, block)
    infos.set(block.number, byId!)
  }

  const events: TransferEvent[] = []
  const keep = (to: string) => watch.has(to)
  for (const block of blocks) {
    const at = minedIn(block)
    const blockInfos = infos.get(block.number)
    for (const tx of block.transactions) {
      const { contract } = tx
      if (contract?.type === 'TransferContract') {
        if (contract.amount <= 0n || !watch.has(addressFromHex(contract.to)!)) continue
        const status = statusOf(succeeded(tx), block.number, solidified)
        events.push(nativeTransfer(context, tx, status, at)!)
      } else if (contract?.type === 'TriggerSmartContract') {
        const info = blockInfos?.get(tx.txID)
        const success = succeeded(tx, info)
        const status = statusOf(success, block.number, solidified)
        if (contract.callValue > 0n && watch.has(addressFromHex(contract.contract)!)) {
          events.push(nativeTransfer(context, tx, status, at, info)!)
        }
        if (!info) continue
        if (success) events.push(...tokenTransfers(context, info, status, at, keep))
        else {
          const attempted = attemptedTokenTransfer(context, tx, at, info)
          if (attempted && watch.has(attempted.to)) events.push(attempted)
        }
      }
    }
  }
  const last = blocks[blocks.length - 1]!
  return { events, last: { number: last.number, hash: last.id } }
}

/**
 * Every height of the range once, each block the child of the one before. A missing height past the head
 * is the caller's mistake; below it, the chain changed while the pages were read.
 */
async function checkChain(
  pool: RpcPool,
  context: TronContext,
  from: bigint,
  to: bigint,
  blocks: TronBlock[],
): Promise<TronBlock[]> {
  const count = Number(to - from + 1n)
  for (let i = 0; i < count; i++) {
    const block = blocks[i]
    const number = from + BigInt(i)
    if (block?.number !== number) {
      const head = (await getNowBlock(pool)).number
      if (to > head) throw new InvalidInputError(`Block ${to} is beyond the tron head ${head}`)
      throw new ReorgDuringScanError(context.network, number)
    }
    const parent = blocks[i - 1]
    if (parent && block.parentHash !== parent.id) throw new ReorgDuringScanError(context.network, number)
  }
  return blocks.slice(0, count)
}

/**
 * The infos of a block by txid, or undefined when they do not match its transactions (an info of
 * another transaction or block, or a smart-contract call without its info).
 */
function infosOf(
  block: TronBlock,
  list: TronTransactionInfo[],
): Map<string, TronTransactionInfo> | undefined {
  const txids = new Set(block.transactions.map((t) => t.txID))
  const byId = new Map<string, TronTransactionInfo>()
  for (const info of list) {
    const elsewhere = info.blockNumber !== undefined && info.blockNumber !== block.number
    if (elsewhere || !txids.has(info.id)) return undefined
    byId.set(info.id, info)
  }
  const complete = block.transactions.every(
    (t) => t.contract?.type !== 'TriggerSmartContract' || byId.has(t.txID),
  )
  return complete ? byId : undefined
}

/**
 * Infos that do not match their block: a reorg replaced the block between the two reads, or (when the
 * block is still there) the node keeps no transaction history and answers without infos.
 */
async function explainMismatch(pool: RpcPool, context: TronContext, block: TronBlock): Promise<never> {
  const current = await getBlockByNum(pool, block.number, false)
  if (current?.id !== block.id) throw new ReorgDuringScanError(context.network, block.number)
  throw new ChainError(
    `The ${context.network} node's transaction infos for block ${block.number} do not match it`,
    {
      details:
        "a smart-contract call of the block has no info; is the node's transaction history switched off?",
    },
  )
}

function hasContractCall(block: TronBlock): boolean {
  return block.transactions.some((t) => t.contract?.type === 'TriggerSmartContract')
}

/** `run` over the items with at most `limit` in flight; results in the items' order. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<R>) {
  const results = new Array<R>(items.length)
  let next = 0
  let failed = false
  const worker = async () => {
    while (next < items.length && !failed) {
      const i = next++
      try {
        results[i] = await run(items[i]!)
      } catch (error) {
        failed = true
        throw error
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

function min(a: bigint, b: bigint) {
  return a < b ? a : b
}
