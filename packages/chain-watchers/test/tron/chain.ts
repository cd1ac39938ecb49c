import { sha256 } from '@noble/hashes/sha2.js'
import { TronWeb, utils } from 'tronweb'
import { chainIdOfGenesis } from '../../src/adapters/tron/chain-id.js'
import { type BlockHeaderRaw, blockId, merkleRoot, signHeader, transactionLeaf } from './block.js'
import { BroadcastError, type Execution, Ledger, type SignedTx } from './ledger.js'

export { BroadcastError, type SignedTx } from './ledger.js'

/** Block n ≥ 1 is stamped FIRST_BLOCK_TIME + 3 s × n; the genesis block has timestamp 0, like mainnet's. */
const FIRST_BLOCK_TIME = 1_760_000_000_000
const BLOCK_INTERVAL = 3_000
/** java-tron's block version since GreatVoyage 4.7.x. */
const BLOCK_VERSION = 32

export interface MinedTx {
  tx: SignedTx
  execution: Execution
}

export interface StoredBlock extends BlockHeaderRaw {
  id: string
  witnessSignature: string | undefined
  txs: MinedTx[]
}

export interface TronChainOptions {
  /** TRX (in sun) per account at genesis; addresses base58 or 41-hex. */
  allocations?: { address: string; sun: bigint }[]
  /** TRC-20 contracts and their holders at genesis. */
  tokens?: { contract: string; holders: { address: string; amount: bigint }[] }[]
  /** The solidified head trails the head by this many blocks. Default 18: 19 confirmations. */
  solidifyDepth?: number
}

export interface ReorgOptions {
  /** Blocks of the new branch (default depth + 1: a branch only wins by being longer). */
  length?: number
  /** Transactions of the removed blocks that the new branch leaves out (back in the pending pool). */
  exclude?: string[]
  /** Forget the excluded transactions instead of returning them to the pending pool. */
  dropExcluded?: boolean
}

/**
 * A Tron chain in memory, the state a local full node serves: blocks with real java-tron block ids and
 * witness signatures, a pending pool that checks signatures, TaPoS and expiration like java-tron does on
 * broadcast, a Ledger that runs TRX and TRC-20 transfers, a solidified head trailing the tip, and forks
 * that replace unsolidified blocks with a longer branch.
 */
export class TronTestChain {
  solidifyDepth: number
  private readonly active: StoredBlock[] = []
  private readonly txIndex = new Map<string, { block: StoredBlock; index: number }>()
  private readonly mempool = new Map<string, SignedTx>()
  private readonly genesisLedger = new Ledger()
  private ledger: Ledger
  private pendingLedger: Ledger
  private branch = 0

  constructor(opts: TronChainOptions = {}) {
    this.solidifyDepth = opts.solidifyDepth ?? 18
    for (const a of opts.allocations ?? []) this.genesisLedger.trx.set(hex41(a.address), a.sun)
    for (const t of opts.tokens ?? []) {
      this.genesisLedger.tokens.set(
        hex41(t.contract),
        new Map(t.holders.map((h) => [hex41(h.address), h.amount])),
      )
    }
    this.ledger = this.genesisLedger.clone()
    this.pendingLedger = this.ledger.clone()
    const parentHash = Buffer.from(sha256(new TextEncoder().encode('coinbook tron devnet'))).toString('hex')
    this.connect(this.makeBlock(0, parentHash, [], { timestamp: 0, signed: false }))
  }

  get height(): number {
    return this.active.length - 1
  }

  get tip(): StoredBlock {
    return this.active[this.active.length - 1]!
  }

  /** The last 4 bytes of the genesis block id, as `eth_chainId` reports it. */
  get chainId(): number {
    return chainIdOfGenesis(this.active[0]!.id)
  }

  /** The latest solidified (irreversible) block. */
  get solidified(): StoredBlock {
    return this.active[Math.max(0, this.height - this.solidifyDepth)]!
  }

  blockAt(number: number): StoredBlock | undefined {
    return this.active[number]
  }

  /** A transaction of the canonical chain, with its block and result. */
  minedTx(txid: string): { block: StoredBlock; mined: MinedTx } | undefined {
    const found = this.txIndex.get(txid)
    return found && { block: found.block, mined: found.block.txs[found.index]! }
  }

  /** A transaction waiting in the pending pool. */
  pendingTx(txid: string): SignedTx | undefined {
    return this.mempool.get(txid)
  }

  balance(address: string): bigint {
    return this.ledger.balance(hex41(address))
  }

  tokenBalance(contract: string, holder: string): bigint {
    return this.ledger.tokenBalance(hex41(contract), hex41(holder))
  }

  /**
   * Accepts a signed transaction into the pending pool, as /wallet/broadcasttransaction does: the id is
   * recomputed from raw_data, the signature must recover the owner, the reference block must be on the
   * chain, the transaction unexpired and unseen, and its contract valid against the pending state.
   */
  submit(tx: SignedTx): string {
    const txid = utils.transaction.txPbToTxID(utils.transaction.txJsonToPb(tx)).replace(/^0x/, '')
    const owner = String(tx.raw_data.contract[0]?.parameter.value.owner_address ?? '').toLowerCase()
    const signer = tx.signature?.[0] && utils.crypto.ecRecover(txid, tx.signature[0]).toLowerCase()
    if (signer !== owner) {
      throw new BroadcastError('SIGERROR', `Validate signature error: ${txid} is not signed by ${owner}`)
    }
    if (this.mempool.has(txid) || this.txIndex.has(txid)) {
      throw new BroadcastError('DUP_TRANSACTION_ERROR', 'Dup transaction.')
    }
    if (!this.referenceOk(tx.raw_data.ref_block_bytes, tx.raw_data.ref_block_hash)) {
      throw new BroadcastError('TAPOS_ERROR', `Tapos check error: ${tx.raw_data.ref_block_bytes} not found`)
    }
    if (tx.raw_data.expiration <= this.tip.timestamp) {
      throw new BroadcastError('TRANSACTION_EXPIRATION_ERROR', 'Transaction expired')
    }
    this.pendingLedger.execute(tx)
    this.mempool.set(txid, { ...tx, txID: txid })
    return txid
  }

  /** Mines `count` blocks; the first takes the pending pool (or `include` of it), the rest are empty. */
  mine(count = 1, opts: { include?: string[]; exclude?: string[] } = {}): StoredBlock[] {
    const mined: StoredBlock[] = []
    for (let i = 0; i < count; i++) {
      const pick = i === 0 ? this.pick(opts) : []
      const block = this.makeBlock(this.height + 1, this.tip.id, this.run(this.ledger, pick))
      this.connect(block)
      mined.push(block)
    }
    this.resetPending()
    return mined
  }

  /**
   * Replaces the last `depth` blocks with a longer branch from another witness. Their transactions go back
   * to the pending pool and the first new block takes them again (bar `exclude`). Solidified blocks never
   * change: a fork deeper than the solidified head throws.
   */
  reorg(depth: number, opts: ReorgOptions = {}): { removed: StoredBlock[]; mined: StoredBlock[] } {
    const forkAt = this.height - depth + 1
    if (depth < 1 || forkAt <= this.solidified.number) {
      throw new Error(`cannot reorg ${depth} block(s): block ${forkAt} is solidified`)
    }
    const removed = this.active.splice(forkAt)
    for (const block of removed) for (const { tx } of block.txs) this.txIndex.delete(tx.txID)
    const back = new Map<string, SignedTx>()
    for (const block of removed) for (const { tx } of block.txs) back.set(tx.txID, tx)
    for (const [txid, tx] of this.mempool) back.set(txid, tx)
    this.mempool.clear()
    const excluded = new Set(opts.exclude ?? [])
    for (const [txid, tx] of back) if (!(excluded.has(txid) && opts.dropExcluded)) this.mempool.set(txid, tx)
    this.ledger = this.genesisLedger.clone()
    for (const block of this.active) for (const { tx } of block.txs) this.ledger.execute(tx)
    this.branch++
    const include = [...this.mempool.keys()].filter((t) => !excluded.has(t))
    const mined = this.mine(opts.length ?? depth + 1, { include })
    return { removed, mined }
  }

  private pick(opts: { include?: string[]; exclude?: string[] }): SignedTx[] {
    const exclude = new Set(opts.exclude ?? [])
    const ids = opts.include ?? [...this.mempool.keys()]
    const picked: SignedTx[] = []
    for (const id of ids) {
      const tx = this.mempool.get(id)
      if (!tx || exclude.has(id)) continue
      this.mempool.delete(id)
      picked.push(tx)
    }
    return picked
  }

  /** Runs the transactions on the ledger; one that is no longer valid (after a fork) is dropped. */
  private run(ledger: Ledger, txs: SignedTx[]): MinedTx[] {
    const mined: MinedTx[] = []
    for (const tx of txs) {
      try {
        mined.push({ tx, execution: ledger.execute(tx) })
      } catch (error) {
        if (!(error instanceof BroadcastError)) throw error
      }
    }
    return mined
  }

  private makeBlock(
    number: number,
    parentHash: string,
    txs: MinedTx[],
    opts: { timestamp?: number; signed?: boolean } = {},
  ): StoredBlock {
    const key = witnessKey(this.branch)
    const raw: BlockHeaderRaw = {
      number,
      timestamp: opts.timestamp ?? FIRST_BLOCK_TIME + BLOCK_INTERVAL * number,
      parentHash,
      txTrieRoot: merkleRoot(txs.map(({ tx }) => transactionLeaf(tx.raw_data_hex, tx.signature))),
      witnessAddress: hex41(TronWeb.address.fromPrivateKey(key) as string),
      version: BLOCK_VERSION,
    }
    return {
      ...raw,
      id: blockId(raw),
      witnessSignature: opts.signed === false ? undefined : signHeader(raw, key),
      txs,
    }
  }

  private connect(block: StoredBlock) {
    this.active.push(block)
    block.txs.forEach(({ tx }, index) => {
      this.txIndex.set(tx.txID, { block, index })
    })
  }

  /** The pending state is the head state plus the pending pool, which loses what no longer applies. */
  private resetPending() {
    this.pendingLedger = this.ledger.clone()
    for (const [txid, tx] of this.mempool) {
      try {
        this.pendingLedger.execute(tx)
      } catch {
        this.mempool.delete(txid)
      }
    }
  }

  // java-tron's TaPoS: the block whose number ends in ref_block_bytes must have ref_block_hash as bytes 8–16 of its id.
  private referenceOk(refBytes: string, refHash: string): boolean {
    const low = Number.parseInt(refBytes, 16)
    for (let n = this.height; n >= 0 && n > this.height - 65_536; n--) {
      if ((n & 0xffff) === low) return this.active[n]!.id.slice(16, 32) === refHash
    }
    return false
  }
}

/** The key of the witness producing a branch's blocks (each fork has its own, so its block ids differ). */
export function witnessKey(branch: number): string {
  return Buffer.from(sha256(new TextEncoder().encode(`coinbook tron witness ${branch}`))).toString('hex')
}

/** Lowercase 41-prefixed hex of a base58 or hex address. */
export function hex41(address: string): string {
  return (TronWeb.address.toHex(address) as string).toLowerCase()
}
