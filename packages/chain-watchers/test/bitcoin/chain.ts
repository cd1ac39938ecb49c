import type { Block, Transaction } from 'bitcoinjs-lib'
import * as bitcoin from 'bitcoinjs-lib'
import { coinbaseTransaction, mineBlock, regtestGenesis, subsidy } from './mining.js'

export { REGTEST_BITS, REGTEST_GENESIS_HASH, subsidy } from './mining.js'

const COINBASE_MATURITY = 100
/** Blocks after genesis are stamped from here, ten minutes apart, so block times look current. */
const FIRST_BLOCK_TIME = 1_760_000_000

export interface StoredBlock {
  hash: string
  height: number
  block: Block
  raw: Uint8Array
  txids: string[]
  /** Median of the last 11 block times, as Core and Esplora report it. */
  medianTime: number
}

export interface Coin {
  txid: string
  vout: number
  value: bigint
  script: Uint8Array
  scriptHex: string
  /** Height of the block that created it, or null while its transaction is in the mempool. */
  height: number | null
  coinbase: boolean
}

export interface TxLookup {
  tx: Transaction
  /** The active-chain block holding it; undefined while it is in the mempool. */
  block?: StoredBlock
}

export interface MineOptions {
  /** Script the coinbase pays (default: the chain's miner script). */
  coinbaseScript?: Uint8Array
  /** Mempool txids to include (default: the whole mempool, in arrival order). */
  include?: string[]
  /** Txids to leave in the mempool. */
  exclude?: string[]
}

export interface ReorgOptions {
  /** Blocks of the competing branch (default depth + 1, so it wins on work). */
  length?: number
  /** Transactions of the old branch that the new branch leaves out. */
  exclude?: string[]
  /** Drop the excluded transactions (and their descendants) instead of returning them to the mempool. */
  dropExcluded?: boolean
}

const outpointKey = (txid: string, vout: number) => `${txid}:${vout}`
const txidOfInput = (input: { hash: Uint8Array }) => Buffer.from(input.hash).reverse().toString('hex')

/**
 * A regtest chain in memory: real bitcoinjs blocks (correct merkle roots and witness commitments, nonces
 * ground to regtest's target), a mempool with Core's basic acceptance rules and a UTXO set, and reorgs that
 * replace the tip with a competing branch. What a local Esplora or Core server serves.
 */
export class RegtestChain {
  readonly network = bitcoin.networks.regtest
  /** Every block ever mined, stale ones included (Core still answers getblock for them). */
  private readonly blocks = new Map<string, StoredBlock>()
  private readonly active: StoredBlock[] = []
  private readonly txIndex = new Map<string, { block: StoredBlock; index: number }>()
  /** Every transaction ever seen, so a stale or mempool transaction's prevouts can still be shown. */
  private readonly knownTxs = new Map<string, Transaction>()
  /** The last block each transaction was mined in, active or not (what a txindex keeps after a reorg). */
  private readonly lastMinedIn = new Map<string, StoredBlock>()
  private mempoolTxs = new Map<string, Transaction>()
  private utxos = new Map<string, Coin>()
  private branch = 0

  constructor(readonly minerScript: Uint8Array) {
    // The genesis coinbase is not spendable and not in Core's txindex: keep it out of the UTXO set.
    this.connect(regtestGenesis(), { indexTxs: false })
  }

  get height(): number {
    return this.active.length - 1
  }

  get tip(): StoredBlock {
    return this.active[this.active.length - 1]!
  }

  blockAt(height: number): StoredBlock | undefined {
    return this.active[height]
  }

  blockByHash(hash: string): StoredBlock | undefined {
    return this.blocks.get(hash)
  }

  isActive(hash: string): boolean {
    const stored = this.blocks.get(hash)
    return stored !== undefined && this.active[stored.height] === stored
  }

  get mempool(): Transaction[] {
    return [...this.mempoolTxs.values()]
  }

  /** A transaction of the active chain or the mempool (what a txindex-enabled node finds). */
  lookupTx(txid: string): TxLookup | undefined {
    const confirmed = this.txIndex.get(txid)
    if (confirmed)
      return { tx: confirmed.block.block.transactions![confirmed.index]!, block: confirmed.block }
    const pending = this.mempoolTxs.get(txid)
    return pending ? { tx: pending } : undefined
  }

  /**
   * A transaction that is neither in the active chain nor in the mempool but was mined in a block a reorg
   * removed: Core's txindex and electrs' store still return it (Core with that block's hash and 0
   * confirmations, Esplora as unconfirmed).
   */
  lookupStaleTx(txid: string): { tx: Transaction; block: StoredBlock } | undefined {
    if (this.lookupTx(txid)) return undefined
    const block = this.lastMinedIn.get(txid)
    return block ? { tx: this.knownTxs.get(txid)!, block } : undefined
  }

  /** Any transaction the chain has seen, to describe prevouts. */
  knownTx(txid: string): Transaction | undefined {
    return this.knownTxs.get(txid)
  }

  /** The spendable coins paying `script`, confirmed and in the mempool. */
  coinsFor(script: Uint8Array, opts: { mature?: boolean } = {}): Coin[] {
    const nextHeight = this.height + 1
    const hex = Buffer.from(script).toString('hex')
    const out: Coin[] = []
    for (const coin of this.utxos.values()) {
      if (coin.scriptHex !== hex) continue
      const immature = coin.coinbase && nextHeight - (coin.height ?? nextHeight) < COINBASE_MATURITY
      if (opts.mature !== false && immature) continue
      out.push(coin)
    }
    return out
  }

  coin(txid: string, vout: number): Coin | undefined {
    return this.utxos.get(outpointKey(txid, vout))
  }

  /** Accepts a transaction into the mempool, as sendrawtransaction would (inputs, maturity, fee). */
  submit(tx: Transaction): string {
    const txid = tx.getId()
    if (this.txIndex.has(txid) || this.mempoolTxs.has(txid)) throw new Error(`${txid}: already known`)
    if (tx.isCoinbase()) throw new Error(`${txid}: coinbase outside a block`)
    let inputs = 0n
    const nextHeight = this.height + 1
    for (const input of tx.ins) {
      const coin = this.utxos.get(outpointKey(txidOfInput(input), input.index))
      if (!coin) throw new Error(`${txid}: bad-txns-inputs-missingorspent`)
      if (coin.coinbase && nextHeight - coin.height! < COINBASE_MATURITY) {
        throw new Error(`${txid}: bad-txns-premature-spend-of-coinbase`)
      }
      inputs += coin.value
    }
    const outputs = tx.outs.reduce((sum, o) => sum + o.value, 0n)
    if (outputs > inputs) throw new Error(`${txid}: bad-txns-in-belowout`)
    this.mempoolTxs.set(txid, tx)
    this.knownTxs.set(txid, tx)
    this.spendAndCreate(tx, txid, null)
    return txid
  }

  /** Mines blocks on the tip; the first includes the mempool (or the chosen part of it). */
  mine(count = 1, opts: MineOptions = {}): StoredBlock[] {
    const mined: StoredBlock[] = []
    for (let i = 0; i < count; i++) {
      const txs = i === 0 ? this.selectMempool(opts) : []
      mined.push(this.mineBlock(txs, opts.coinbaseScript ?? this.minerScript))
    }
    return mined
  }

  /**
   * Replaces the top `depth` blocks by a competing branch. The old branch's transactions go back to the
   * mempool (as Core does on a reorg) and the new branch's first block mines them again, except `exclude`.
   */
  reorg(depth: number, opts: ReorgOptions = {}): { orphaned: StoredBlock[]; mined: StoredBlock[] } {
    if (depth < 1 || depth > this.height)
      throw new Error(`cannot reorg ${depth} blocks at height ${this.height}`)
    const orphaned = this.active.splice(this.active.length - depth, depth)
    const returning: Transaction[] = []
    for (const stored of orphaned) {
      for (const tx of stored.block.transactions!.slice(1)) returning.push(tx)
      for (const txid of stored.txids) this.txIndex.delete(txid)
    }
    const exclude = new Set(opts.exclude ?? [])
    const pool = [...returning, ...this.mempoolTxs.values()]
    this.rebuildUtxos()
    this.mempoolTxs = new Map()
    const dropped = new Set<string>()
    for (const tx of pool) {
      const txid = tx.getId()
      const dependsOnDropped = tx.ins.some((input) => dropped.has(txidOfInput(input)))
      if ((opts.dropExcluded && exclude.has(txid)) || dependsOnDropped) {
        dropped.add(txid)
        continue
      }
      try {
        this.submit(tx)
      } catch {
        dropped.add(txid)
      }
    }
    this.branch++
    const mined = this.mine(opts.length ?? depth + 1, { exclude: [...exclude] })
    return { orphaned, mined }
  }

  private selectMempool(opts: MineOptions): Transaction[] {
    const include = opts.include ? new Set(opts.include) : undefined
    const exclude = new Set(opts.exclude ?? [])
    const chosen = new Set<string>()
    const txs: Transaction[] = []
    // Arrival order is topological (a child can only be accepted after its parent); skip children of
    // transactions left out so the block stays valid.
    for (const [txid, tx] of this.mempoolTxs) {
      if (include && !include.has(txid)) continue
      if (exclude.has(txid)) continue
      const parentLeftOut = tx.ins.some((input) => {
        const parent = txidOfInput(input)
        return this.mempoolTxs.has(parent) && !chosen.has(parent)
      })
      if (parentLeftOut) continue
      chosen.add(txid)
      txs.push(tx)
    }
    return txs
  }

  private mineBlock(txs: Transaction[], coinbaseScript: Uint8Array): StoredBlock {
    const height = this.height + 1
    let fees = 0n
    for (const tx of txs) {
      const inputs = tx.ins.reduce((sum, input) => {
        return sum + this.knownTxs.get(txidOfInput(input))!.outs[input.index]!.value
      }, 0n)
      fees += inputs - tx.outs.reduce((sum, o) => sum + o.value, 0n)
    }
    const coinbase = coinbaseTransaction({
      height,
      value: subsidy(height) + fees,
      script: coinbaseScript,
      txs,
      extraNonce: this.branch,
    })
    const timestamp = Math.max(FIRST_BLOCK_TIME + height * 600 + this.branch, this.tip.block.timestamp + 1)
    const block = mineBlock(this.tip.block.getHash(), timestamp, [coinbase, ...txs])
    for (const tx of txs) this.mempoolTxs.delete(tx.getId())
    return this.connect(block, { indexTxs: true })
  }

  private connect(block: Block, opts: { indexTxs: boolean }): StoredBlock {
    const height = this.active.length
    const times = [...this.active.slice(-10).map((b) => b.block.timestamp), block.timestamp].sort(
      (a, b) => a - b,
    )
    const txs = block.transactions!
    const stored: StoredBlock = {
      hash: block.getId(),
      height,
      block,
      raw: block.toBuffer(),
      txids: txs.map((tx) => tx.getId()),
      medianTime: times[Math.floor(times.length / 2)]!,
    }
    this.blocks.set(stored.hash, stored)
    this.active.push(stored)
    if (opts.indexTxs) {
      txs.forEach((tx, index) => {
        const txid = stored.txids[index]!
        this.txIndex.set(txid, { block: stored, index })
        this.knownTxs.set(txid, tx)
        this.lastMinedIn.set(txid, stored)
        if (!this.mempoolTxs.has(txid)) this.spendAndCreate(tx, txid, height)
        else this.confirmCoins(tx, txid, height)
      })
    }
    return stored
  }

  private spendAndCreate(tx: Transaction, txid: string, height: number | null) {
    if (!tx.isCoinbase()) {
      for (const input of tx.ins) this.utxos.delete(outpointKey(txidOfInput(input), input.index))
    }
    tx.outs.forEach((out, vout) => {
      // OP_RETURN outputs are provably unspendable and never enter the UTXO set.
      if (out.script[0] === bitcoin.opcodes.OP_RETURN) return
      this.utxos.set(outpointKey(txid, vout), {
        txid,
        vout,
        value: out.value,
        script: out.script,
        scriptHex: Buffer.from(out.script).toString('hex'),
        height,
        coinbase: tx.isCoinbase(),
      })
    })
  }

  private confirmCoins(tx: Transaction, txid: string, height: number) {
    tx.outs.forEach((_, vout) => {
      const coin = this.utxos.get(outpointKey(txid, vout))
      if (coin) coin.height = height
    })
  }

  private rebuildUtxos() {
    this.utxos = new Map()
    for (const stored of this.active.slice(1)) {
      stored.block.transactions!.forEach((tx, index) => {
        this.spendAndCreate(tx, stored.txids[index]!, stored.height)
      })
    }
  }
}
