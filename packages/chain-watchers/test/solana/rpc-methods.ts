import { base58 } from '@scure/base'
import type { LedgerBlock, LocalLedger } from './ledger.js'
import { getTransactionJson, metaJson, transactionJson } from './rpc-json.js'
import { failureMessage } from './tx-errors.js'

/** A JSON-RPC error as agave's server words it (rpc-client-api `custom_error.rs` and jsonrpc-core). */
export class RpcFailure extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message)
  }
}

const invalidParams = (why: string) => new RpcFailure(-32602, why)
const belowConfirmed = () => invalidParams('Method does not support commitment below `confirmed`')

type Commitment = 'processed' | 'confirmed' | 'finalized'

/** One node's view of the ledger: a node `behind` blocks behind sees the chain as it was then. */
export interface NodeView {
  ledger: LocalLedger
  behind: number
}

function confirmedBlock({ ledger, behind }: NodeView): LedgerBlock {
  return ledger.blocks[Math.max(0, ledger.blocks.length - 1 - behind)]!
}

/** The bank's slot at a commitment (processed: the open slot; confirmed: the tip; finalized: the root). */
function bankSlot(view: NodeView, commitment: Commitment): bigint {
  const confirmed = confirmedBlock(view)
  if (commitment === 'processed') return view.behind ? confirmed.slot + 1n : view.ledger.processedSlot
  return commitment === 'confirmed' ? confirmed.slot : view.ledger.finalizedBelow(confirmed).slot
}

function bankBlock(view: NodeView, commitment: Commitment): LedgerBlock {
  const confirmed = confirmedBlock(view)
  return commitment === 'finalized' ? view.ledger.finalizedBelow(confirmed) : confirmed
}

function config(params: unknown[], at: number): Record<string, unknown> {
  const value = params[at]
  if (value === undefined || value === null) return {}
  if (typeof value !== 'object' || Array.isArray(value))
    throw invalidParams('Invalid params: invalid type: expected struct')
  return value as Record<string, unknown>
}

function commitmentOf(cfg: Record<string, unknown>): Commitment {
  const c = cfg.commitment ?? 'finalized'
  if (c !== 'processed' && c !== 'confirmed' && c !== 'finalized') {
    throw invalidParams(
      `Invalid params: unknown variant \`${String(c)}\`, expected one of \`processed\`, \`confirmed\`, \`finalized\``,
    )
  }
  return c
}

function checkMinContextSlot(view: NodeView, cfg: Record<string, unknown>, commitment: Commitment) {
  const min = cfg.minContextSlot
  if (typeof min === 'number' && BigInt(min) > bankSlot(view, commitment)) {
    throw new RpcFailure(-32016, 'Minimum context slot has not been reached', {
      contextSlot: bankSlot(view, commitment),
    })
  }
}

function pubkey(value: unknown): string {
  if (typeof value !== 'string') throw invalidParams('Invalid params: invalid type: expected a string')
  let bytes: Uint8Array
  try {
    bytes = base58.decode(value)
  } catch {
    throw invalidParams('Invalid param: Invalid')
  }
  if (bytes.length !== 32) throw invalidParams('Invalid param: WrongSize')
  return value
}

function signature(value: unknown): string {
  if (typeof value !== 'string') throw invalidParams('Invalid params: invalid type: expected a string')
  let bytes: Uint8Array
  try {
    bytes = base58.decode(value)
  } catch {
    throw invalidParams('Invalid param: Invalid')
  }
  if (bytes.length !== 64) throw invalidParams('Invalid param: WrongSize')
  return value
}

function context(view: NodeView, commitment: Commitment) {
  return { apiVersion: '2.2.14', slot: bankSlot(view, commitment) }
}

function slotParam(value: unknown): bigint {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw invalidParams('Invalid params: invalid type: expected u64')
  }
  return BigInt(value)
}

type Method = (view: NodeView, params: unknown[]) => unknown

/** The methods of agave's JSON-RPC that wallets and the adapter use, over one node's view of the ledger. */
export const methods: Record<string, Method> = {
  getHealth: () => 'ok',
  getVersion: () => ({ 'solana-core': '2.2.14', 'feature-set': 3294202862 }),
  getGenesisHash: (view) => view.ledger.genesisHash,

  getSlot: (view, params) => {
    const cfg = config(params, 0)
    const commitment = commitmentOf(cfg)
    checkMinContextSlot(view, cfg, commitment)
    return bankSlot(view, commitment)
  },

  getBlockHeight: (view, params) => bankBlock(view, commitmentOf(config(params, 0))).blockHeight,

  getLatestBlockhash: (view, params) => {
    const cfg = config(params, 0)
    const commitment = commitmentOf(cfg)
    checkMinContextSlot(view, cfg, commitment)
    // An unfrozen (processed) bank's last blockhash is still its parent's.
    const block = bankBlock(view, commitment)
    return {
      context: context(view, commitment),
      value: { blockhash: block.blockhash, lastValidBlockHeight: block.blockHeight + 150n },
    }
  },

  getBalance: (view, params) => {
    const key = pubkey(params[0])
    const commitment = commitmentOf(config(params, 1))
    return { context: context(view, commitment), value: view.ledger.balance(key) }
  },

  getSignaturesForAddress: (view, params) => {
    const key = pubkey(params[0])
    const cfg = config(params, 1)
    const commitment = commitmentOf(cfg)
    if (commitment === 'processed') throw belowConfirmed()
    checkMinContextSlot(view, cfg, commitment)
    const limit = cfg.limit ?? 1000
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 1000) {
      throw invalidParams('Invalid limit; max 1000')
    }
    const before = cfg.before === undefined || cfg.before === null ? undefined : signature(cfg.before)
    const until = cfg.until === undefined || cfg.until === null ? undefined : signature(cfg.until)
    const top = bankSlot(view, commitment)
    const finalized = bankSlot(view, 'finalized')
    const newestFirst = view.ledger.blocks
      .filter((b) => b.slot <= top)
      .reverse()
      .flatMap((b) => [...b.transactions].reverse().map((tx) => ({ tx, block: b })))
      .filter(({ tx }) => tx.message.accountKeys.includes(key))
    let start = 0
    if (before !== undefined) {
      // An unknown `before` finds nothing: the node cannot tell where to start.
      const at = newestFirst.findIndex(({ tx }) => tx.signature === before)
      if (at < 0) return []
      start = at + 1
    }
    const out = []
    for (const { tx, block } of newestFirst.slice(start)) {
      // An unknown `until` does not stop the listing, which goes on to the oldest transaction.
      if (tx.signature === until || out.length >= limit) break
      out.push({
        signature: tx.signature,
        slot: tx.slot,
        err: tx.meta.err,
        memo: null,
        blockTime: block.blockTime,
        confirmationStatus: tx.slot <= finalized ? 'finalized' : 'confirmed',
      })
    }
    return out
  },

  getTransaction: (view, params) => {
    const sig = signature(params[0])
    const cfg = typeof params[1] === 'string' ? { encoding: params[1] } : config(params, 1)
    const commitment = commitmentOf(cfg)
    if (commitment === 'processed') throw belowConfirmed()
    const encoding = String(cfg.encoding ?? 'json')
    if (!['json', 'base64', 'base58'].includes(encoding)) {
      throw invalidParams(`Invalid params: this test node does not serve encoding ${encoding}`)
    }
    const tx = view.ledger.transaction(sig)
    if (!tx || tx.slot > bankSlot(view, commitment)) return null
    const block = view.ledger.blockAt(tx.slot)
    if (!block) return null
    const maxVersion = cfg.maxSupportedTransactionVersion
    if (tx.version === 0 && maxVersion === undefined) {
      throw new RpcFailure(
        -32015,
        'Transaction version (0) is not supported by the requesting client. Please try the request again with the following configuration parameter: "maxSupportedTransactionVersion": 0',
      )
    }
    return getTransactionJson(tx, block, maxVersion !== undefined, encoding)
  },

  getBlock: (view, params) => {
    const slot = slotParam(params[0])
    const cfg = typeof params[1] === 'string' ? { encoding: params[1] } : config(params, 1)
    const commitment = commitmentOf(cfg)
    if (commitment === 'processed') throw belowConfirmed()
    if (slot > bankSlot(view, commitment))
      throw new RpcFailure(-32004, `Block not available for slot ${slot}`)
    const block = view.ledger.blockAt(slot)
    if (!block)
      throw new RpcFailure(
        -32007,
        `Slot ${slot} was skipped, or missing due to ledger jump to recent snapshot`,
      )
    const details = cfg.transactionDetails ?? 'full'
    const withVersion = cfg.maxSupportedTransactionVersion !== undefined
    if (details === 'full' && !withVersion && block.transactions.some((tx) => tx.version === 0)) {
      throw new RpcFailure(-32015, 'Transaction version (0) is not supported by the requesting client.')
    }
    return {
      blockHeight: block.blockHeight,
      blockTime: block.blockTime,
      blockhash: block.blockhash,
      parentSlot: block.parentSlot,
      previousBlockhash: block.previousBlockhash,
      ...(cfg.rewards === false ? {} : { rewards: [] }),
      ...(details === 'signatures' ? { signatures: block.transactions.map((tx) => tx.signature) } : {}),
      ...(details === 'full'
        ? {
            transactions: block.transactions.map((tx) => ({
              transaction: transactionJson(tx),
              meta: metaJson(tx),
              ...(withVersion ? { version: tx.version } : {}),
            })),
          }
        : {}),
    }
  },

  getBlocks: (view, params) => {
    const start = slotParam(params[0])
    const endParam = typeof params[1] === 'number' ? params[1] : undefined
    const cfg = config(params, typeof params[1] === 'object' ? 1 : 2)
    const top = bankSlot(view, commitmentOf(cfg))
    const end = endParam === undefined ? top : BigInt(endParam) < top ? BigInt(endParam) : top
    if (end - start > 500_000n) throw invalidParams(`Slot range too large; max 500000`)
    return view.ledger.blocks.filter((b) => b.slot >= start && b.slot <= end).map((b) => b.slot)
  },

  getSignatureStatuses: (view, params) => {
    if (!Array.isArray(params[0])) throw invalidParams('Invalid params: invalid type: expected a sequence')
    const cfg = config(params, 1)
    const confirmed = bankSlot(view, 'confirmed')
    const finalized = bankSlot(view, 'finalized')
    const value = params[0].map((s) => {
      const tx = view.ledger.transaction(signature(s))
      if (!tx || (view.behind && tx.slot > confirmed)) return null
      // Without searchTransactionHistory, only the status cache of recent blocks answers.
      if (!cfg.searchTransactionHistory && confirmed - tx.slot > 150n) return null
      const status = tx.slot <= finalized ? 'finalized' : tx.slot <= confirmed ? 'confirmed' : 'processed'
      return {
        slot: tx.slot,
        confirmations: status === 'finalized' ? null : Number(confirmed > tx.slot ? confirmed - tx.slot : 0n),
        err: tx.meta.err,
        status: tx.meta.err === null ? { Ok: null } : { Err: tx.meta.err },
        confirmationStatus: status,
      }
    })
    return { context: context(view, 'processed'), value }
  },

  sendTransaction: (view, params) => {
    if (typeof params[0] !== 'string') throw invalidParams('Invalid params: invalid type: expected a string')
    const cfg = config(params, 1)
    const encoding = cfg.encoding ?? 'base58'
    let wire: Uint8Array
    try {
      wire =
        encoding === 'base64' ? Uint8Array.from(Buffer.from(params[0], 'base64')) : base58.decode(params[0])
    } catch {
      throw invalidParams(`invalid ${String(encoding)} encoding`)
    }
    if (!cfg.skipPreflight) {
      const failure = view.ledger.simulate(wire)
      if (failure) {
        if (failure.error === 'SignatureFailure')
          throw new RpcFailure(-32003, 'Transaction signature verification failure')
        throw new RpcFailure(-32002, `Transaction simulation failed: ${failureMessage(failure.error)}`, {
          accounts: null,
          err: failure.error,
          innerInstructions: null,
          logs: failure.logs,
          replacementBlockhash: null,
          returnData: null,
          unitsConsumed: 0,
        })
      }
    }
    // Without preflight the node forwards it and answers the signature whether or not it ever lands.
    view.ledger.submit(wire)
    return base58.encode(wire.subarray(1, 65))
  },
}
