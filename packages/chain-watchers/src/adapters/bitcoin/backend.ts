import type { Block, Transaction } from 'bitcoinjs-lib'
import type { BlockRef } from '../types.js'

/** Where a transaction stands, as the node sees it. */
export type BackendTxStatus =
  | { confirmed: false }
  | { confirmed: true; block: BlockRef; blockTime: number; confirmations: number }

/** A transaction as a backend returns it: parsed with bitcoinjs-lib, with its status. */
export interface BackendTransaction {
  tx: Transaction
  status: BackendTxStatus
  /**
   * The first input's previous output address when the node says it (Esplora always, Core for mined
   * transactions with verbosity 2); null when it has none; undefined when the node did not say.
   */
  firstInputAddress?: string | null
  /**
   * Inputs − outputs in satoshis when the node knows the prevouts (Esplora always; Core for mined
   * transactions, from the block's undo data); undefined otherwise.
   */
  fee?: bigint
}

/**
 * The few questions the Bitcoin adapter asks a node, answered by Esplora's REST API or Bitcoin Core's
 * JSON-RPC. Every call goes through the network's RpcPool (timeouts, retries, failover).
 */
export interface BitcoinBackend {
  readonly kind: 'esplora' | 'core'
  /** The best block: height, hash and time, read consistently (the hash first, then its header). */
  getTip(): Promise<{ height: number; hash: string; time: number }>
  getTipHeight(): Promise<number>
  /** The active chain's block hash at a height; undefined above the tip. */
  getBlockHash(height: number): Promise<string | undefined>
  /**
   * A block fetched raw and parsed with bitcoinjs-lib, inside the attempt: a body cut short or another
   * block than asked for fails that attempt, which is retried or fails over like a network error.
   * Undefined when the node does not have it (Esplora forgets a block a reorg removed).
   */
  getBlock(hash: string): Promise<Block | undefined>
  /** A transaction of the chain or the mempool; undefined when the node does not know it. */
  getTransaction(txid: string): Promise<BackendTransaction | undefined>
  /**
   * Inputs − outputs in satoshis of a transaction mined in block `blockHash`, from the prevouts the node
   * keeps (Esplora's index; Core's undo data, without txindex); undefined when the node does not tell
   * (Core before 25.0, a block a reorg removed).
   */
  getMinedFee(txid: string, blockHash: string): Promise<bigint | undefined>
}
