import type { RpcLog } from 'viem'
import type { BlockRef, TransferEvent, TransferStatus } from '../types.js'
import type { EvmContext } from './config.js'
import { type Erc20Transfer, parseTransferCall, parseTransferLog, transferTopic } from './erc20.js'

/** Where a transaction was mined, as events carry it. */
export interface MinedIn {
  ref: BlockRef
  time: number
}

/** failed when reverted; otherwise confirmed once the block has the network's confirmations. */
export function statusOf(
  context: EvmContext,
  success: boolean,
  blockNumber: bigint,
  head: bigint,
): TransferStatus {
  if (!success) return 'failed'
  return head - blockNumber + 1n >= BigInt(context.confirmations) ? 'confirmed' : 'pending'
}

/** What a mined transaction paid for gas: gasUsed × effectiveGasPrice from its receipt (L2s: L2 gas). */
export function receiptFee(receipt: { gasUsed?: string; effectiveGasPrice?: string }): bigint | undefined {
  if (receipt.gasUsed === undefined || receipt.effectiveGasPrice === undefined) return undefined
  return BigInt(receipt.gasUsed) * BigInt(receipt.effectiveGasPrice)
}

/** The native value a transaction carries: eventIndex 0. */
export function nativeTransfer(
  context: EvmContext,
  tx: { hash: string; from: string; to: string; value: bigint },
  status: TransferStatus,
  minedIn: MinedIn | undefined,
  fee?: bigint,
): TransferEvent {
  return {
    network: context.network,
    asset: context.nativeAsset,
    txHash: tx.hash.toLowerCase(),
    eventIndex: 0,
    from: tx.from.toLowerCase(),
    to: tx.to.toLowerCase(),
    amount: tx.value,
    ...feeOf(fee),
    status,
    ...mined(minedIn),
  }
}

/**
 * Whether a log counts toward a transaction's token ordinals: a Transfer-topic log of a known token, the
 * very logs eth_getLogs returns for the scan's filter (address: the tokens, topics: [Transfer]) — whether
 * or not it parses as an ERC-20 transfer, so that scan and verify count the same logs.
 */
export function isTokenTransferLog(context: EvmContext, log: Pick<RpcLog, 'address' | 'topics'>): boolean {
  return log.topics[0] === transferTopic && context.tokens.has(log.address.toLowerCase())
}

/** A token transfer's event from its log and its ordinal among the transaction's token Transfer logs. */
export function tokenTransfer(
  context: EvmContext,
  log: Pick<RpcLog, 'address' | 'topics' | 'data'>,
  txHash: string,
  ordinal: number,
  status: TransferStatus,
  minedIn: MinedIn,
  fee: bigint | undefined,
  transfer: Erc20Transfer | undefined = parseTransferLog(log as { topics: string[]; data: string }),
): TransferEvent | undefined {
  const token = context.tokens.get(log.address.toLowerCase())
  if (!token || !transfer) return undefined
  return {
    network: context.network,
    asset: token.asset,
    contract: token.contract,
    txHash: txHash.toLowerCase(),
    eventIndex: 1 + ordinal,
    ...transfer,
    ...feeOf(fee),
    status,
    ...mined(minedIn),
  }
}

/**
 * The Transfer logs of known tokens in a receipt, each with eventIndex 1 + its ordinal among the
 * receipt's known-token Transfer logs (isTokenTransferLog) — what a scan computes from eth_getLogs alone,
 * without the receipt. Not the block-wide logIndex, which changes when a reorg mines the transaction
 * elsewhere; not the position among all the receipt's logs, which a scan cannot know without the receipt.
 */
export function tokenTransfers(
  context: EvmContext,
  receipt: {
    transactionHash: string
    logs: readonly Pick<RpcLog, 'address' | 'topics' | 'data'>[]
    gasUsed?: string
    effectiveGasPrice?: string
  },
  status: TransferStatus,
  minedIn: MinedIn,
): TransferEvent[] {
  const events: TransferEvent[] = []
  const fee = receiptFee(receipt)
  let ordinal = 0
  for (const log of receipt.logs) {
    if (!isTokenTransferLog(context, log)) continue
    const event = tokenTransfer(context, log, receipt.transactionHash, ordinal++, status, minedIn, fee)
    if (event) events.push(event)
  }
  return events
}

/**
 * The transfer a reverted transaction attempted when it called a known token's transfer/transferFrom
 * directly, reported as failed with eventIndex 1 (the ordinal its one Transfer log would have had). Transfers
 * attempted through other contracts leave no trace in a reverted receipt and are not reported.
 */
export function attemptedTokenTransfer(
  context: EvmContext,
  tx: { hash: string; from: string; to: string | null; input: string },
  minedIn: MinedIn,
  fee?: bigint,
): TransferEvent | undefined {
  const token = tx.to ? context.tokens.get(tx.to.toLowerCase()) : undefined
  const transfer = token && parseTransferCall(tx.input, tx.from)
  if (!token || !transfer) return undefined
  return {
    network: context.network,
    asset: token.asset,
    contract: token.contract,
    txHash: tx.hash.toLowerCase(),
    eventIndex: 1,
    ...transfer,
    ...feeOf(fee),
    status: 'failed',
    ...mined(minedIn),
  }
}

function feeOf(fee: bigint | undefined) {
  return fee === undefined ? {} : { fee }
}

function mined(minedIn: MinedIn | undefined) {
  return minedIn ? { blockRef: minedIn.ref, blockTime: minedIn.time } : {}
}
