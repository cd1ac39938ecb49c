import { InvalidInputError, ReorgDuringScanError } from '../../errors.js'
import type { ScanResult, TransferEvent, WatchSet } from '../types.js'
import type { BitcoinBackend } from './backend.js'
import type { BitcoinContext } from './config.js'
import { outputTransfer, statusOf } from './events.js'
import { inputAddress } from './input-address.js'
import { outputAddress } from './output-address.js'
import { isScriptLookup } from './script-watch-set.js'

export interface ScanBlocksParameters {
  context: BitcoinContext
  from: bigint
  to: bigint
  watch: WatchSet
}

interface ScannedBlock {
  hash: string
  /** The parent's hash, to check that the scanned blocks form one chain. */
  prevHash: string
  height: number
  time: number
  /** The watched outputs of the block, in transaction then output order, status still unknown. */
  found: { txid: string; vout: number; from: string | null; to: string; amount: bigint }[]
}

/**
 * Outputs paying watched addresses in blocks `from`..`to`: each block is fetched raw, parsed with
 * bitcoinjs-lib and its outputs looked up in the WatchSet, by script when it can (ScriptWatchSet), else by
 * address. Only a transaction that pays a watched address costs a txid (a double SHA-256 of it) and a
 * look at its first input for the sender. Events carry no fee: a raw block's inputs carry no amounts, and
 * asking the node per paying transaction would cost several times the block; `adapter.fees` reads them
 * afterwards (the API's confirmation job). Throws ReorgDuringScanError when the blocks read do not form
 * one chain (the tip moved under the scan).
 */
export async function scanBlocks(
  backend: BitcoinBackend,
  { context, from, to, watch }: ScanBlocksParameters,
): Promise<ScanResult> {
  if (from < 0n || from > to) throw new InvalidInputError(`Invalid block range ${from}..${to}`)
  const first = Number(from)
  const count = Number(to - from) + 1
  const blocks = new Array<ScannedBlock>(count)
  let next = 0
  let failure: { error: unknown } | undefined
  const worker = async () => {
    while (next < count && !failure) {
      const i = next++
      try {
        blocks[i] = await scanBlock(backend, context, first + i, watch)
      } catch (error) {
        failure ??= { error }
      }
    }
  }
  // The tip is read alongside the blocks: it gives the statuses and says whether `to` was past it.
  const [tipHeight] = await Promise.all([
    backend.getTipHeight(),
    ...Array.from({ length: Math.min(count, context.scanConcurrency) }, worker),
  ])
  if (to > BigInt(tipHeight)) {
    throw new InvalidInputError(`Block ${to} is beyond the bitcoin tip ${tipHeight}`)
  }
  if (failure) {
    // A height the node had no block for although it is below the tip: the chain got shorter meanwhile.
    if (failure.error instanceof BeyondTipError) {
      throw new ReorgDuringScanError(context.network, BigInt(failure.error.height))
    }
    throw failure.error
  }

  const events: TransferEvent[] = []
  blocks.forEach((block, i) => {
    const parent = blocks[i - 1]
    if (parent && block.prevHash !== parent.hash) {
      throw new ReorgDuringScanError(context.network, BigInt(block.height))
    }
    const status = statusOf(context, tipHeight - block.height + 1)
    const minedIn = { ref: { number: BigInt(block.height), hash: block.hash }, time: block.time }
    for (const f of block.found) events.push(outputTransfer(context, f, status, minedIn))
  })
  const last = blocks[count - 1]!
  return { events, last: { number: BigInt(last.height), hash: last.hash } }
}

class BeyondTipError extends Error {
  constructor(readonly height: number) {
    super(`no block at height ${height}`)
  }
}

async function scanBlock(
  backend: BitcoinBackend,
  context: BitcoinContext,
  height: number,
  watch: WatchSet,
): Promise<ScannedBlock> {
  const hash = await backend.getBlockHash(height)
  if (hash === undefined) throw new BeyondTipError(height)
  const block = await backend.getBlock(hash)
  // Listed at this height a moment ago, gone now: a reorg removed it.
  if (!block) throw new ReorgDuringScanError(context.network, BigInt(height))
  const { params } = context
  const byScript = isScriptLookup(watch) ? watch : undefined
  const found: ScannedBlock['found'] = []
  for (const tx of block.transactions ?? []) {
    let txid: string | undefined
    let from: string | null | undefined
    const outs = tx.outs
    for (let vout = 0; vout < outs.length; vout++) {
      const out = outs[vout]!
      if (out.value === 0n || (byScript && !byScript.hasScript(out.script))) continue
      const to = outputAddress(out.script, params)
      if (to === undefined || (!byScript && !watch.has(to))) continue
      txid ??= tx.getId()
      if (from === undefined) from = tx.isCoinbase() || !tx.ins[0] ? null : inputAddress(tx.ins[0], params)
      found.push({ txid, vout, from, to, amount: out.value })
    }
  }
  return {
    hash,
    prevHash: Buffer.from(block.prevHash!).reverse().toString('hex'),
    height,
    time: block.timestamp,
    found,
  }
}
