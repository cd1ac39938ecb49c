import type { AssetId, NetworkId } from '../registry/types.js'

/** A block (or slot, or masterchain seqno) by number and hash: what a reorg check needs. */
export interface BlockRef {
  number: bigint
  hash: string
}

/** The chain's tip as the node sees it. */
export interface ChainHead extends BlockRef {
  /** Seconds since the epoch, when the chain tells it. */
  timestamp?: number
}

/**
 * pending: seen (mempool or a block without enough confirmations);
 * confirmed: enough confirmations; failed: mined but reverted, so it moved nothing.
 */
export type TransferStatus = 'pending' | 'confirmed' | 'failed'

/**
 * One movement of value to an address, as a chain shows it. `(network, txHash, eventIndex)` identifies it
 * forever: eventIndex is stable when the same transaction is mined again in another block after a reorg
 * (EVM: 0 for the native value, 1 + the log's ordinal among the transaction's Transfer logs of the
 * adapter's tokens for tokens — what eth_getLogs over those tokens shows without the receipt; Bitcoin: the
 * output index).
 */
export interface TransferEvent {
  network: NetworkId
  asset: AssetId
  txHash: string
  eventIndex: number
  /** The sender where the chain names one (Bitcoin: the first input's address when known). */
  from: string | null
  to: string
  /** Token contract or mint; undefined for the native coin. */
  contract?: string
  /** TON comment. */
  memo?: string
  /** Solana Pay reference key. */
  reference?: string
  /** Base units of the asset. */
  amount: bigint
  /**
   * The network fee of the whole transaction, in base units of the network's native asset, where the
   * chain tells it without extra reads (EVM gasUsed × effectiveGasPrice from the receipt: verify and the
   * scan's native payments, not the scan's token payments, which need no receipt; Bitcoin inputs − outputs, Tron
   * TransactionInfo.fee, Solana meta.fee, TON total fees); undefined when it was not read. Every transfer
   * of one transaction carries the same fee.
   */
  fee?: bigint
  /** Undefined while the transaction is not in a block. */
  blockRef?: BlockRef
  /** Seconds since the epoch of the block, when known. */
  blockTime?: number
  status: TransferStatus
}

/** Answers "is this target ours?" in O(1); targets are normalised by the adapter's network. */
export interface WatchSet {
  has(target: string): boolean
}

export interface ScanResult {
  events: TransferEvent[]
  /** The last block scanned, to store as the cursor (with its hash, to notice a reorg under it). */
  last: BlockRef
}

/** One implementation per chain family; every method talks to the network's configured nodes. */
export interface ChainAdapter {
  readonly network: NetworkId
  head(): Promise<ChainHead>
  /** The transfers of one transaction (all of them; the caller keeps those to its targets). */
  verify(txHash: string): Promise<TransferEvent[]>
  /** Transfers to watched targets in blocks `from`..`to`, both included. */
  scan(from: bigint, to: bigint, watch: WatchSet): Promise<ScanResult>
  confirmations(event: TransferEvent, head: ChainHead): number
  /** Whether the block is still on the canonical chain. */
  isCanonical(block: BlockRef): Promise<boolean>
  /**
   * The network fee of mined transactions by lowercase hash, for the events a scan returned without one
   * (EVM token payments, whose logs carry none; every Bitcoin payment, whose raw block's inputs carry no
   * amounts); a transaction the node cannot find (Core looks only in the block given), or whose fee it does
   * not tell, is left out.
   * Absent where scans always tell the fee or only verify can.
   */
  fees?(transactions: readonly MinedTransaction[]): Promise<Map<string, bigint>>
}

/** A transaction and the block a scan found it in: what `ChainAdapter.fees` asks about. */
export interface MinedTransaction {
  txHash: string
  blockHash: string
}

/**
 * A page of one account's history: what networks that pay a merchant wallet (Solana, TON) scan instead of
 * block ranges. The cursor is opaque to the caller, which stores it and passes it back.
 */
export interface AccountScanResult {
  /** Transfers into the account, oldest first, each with its reference (Solana) or memo (TON) if any. */
  events: TransferEvent[]
  /** Where the next call continues (after the newest transaction read); the same cursor when nothing new. */
  cursor: string | null
  /** More history is waiting past this page: call again at once with the new cursor. */
  more: boolean
}

/**
 * The adapter of a network where customers pay one merchant wallet and are told apart by a Solana Pay
 * reference or a TON comment, so scanning pages the wallet's own history from a persisted cursor rather
 * than reading every block. verify, confirmations and isCanonical mean what they mean for ChainAdapter.
 */
export interface AccountChainAdapter {
  readonly network: NetworkId
  head(): Promise<ChainHead>
  /**
   * The transfers of one transaction (all of them; the caller keeps those to its wallets). Where the node
   * finds a transaction only through its account (TON), it searches `wallets`: the asking merchant's.
   */
  verify(txHash: string, opts?: { wallets?: readonly string[] }): Promise<TransferEvent[]>
  /**
   * Transfers into `account` after `cursor` (from the account's first transaction when null), at most
   * `limit` transactions read per call.
   */
  scanAccount(account: string, cursor: string | null, opts?: { limit?: number }): Promise<AccountScanResult>
  confirmations(event: TransferEvent, head: ChainHead): number
  isCanonical(block: BlockRef): Promise<boolean>
}

/** Any network's adapter: block scanning (EVM, Bitcoin, Tron) or account paging (Solana, TON). */
export type AnyChainAdapter = ChainAdapter | AccountChainAdapter
