import type { RpcLog } from 'viem'
import type { BlockRef, TransferEvent, TransferStatus } from '../types.js'
import type { EvmContext } from './config.js'
import { parseTransferCall, parseTransferLog } from './erc20.js'

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
 * The Transfer logs of known tokens in a receipt, each with eventIndex 1 + its position in the receipt's
 * logs (not the block-wide logIndex, which changes when a reorg mines the transaction elsewhere).
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
  keep: (to: string) => boolean = () => true,
): TransferEvent[] {
  const events: TransferEvent[] = []
  const fee = receiptFee(receipt)
  receipt.logs.forEach((log, position) => {
    const token = context.tokens.get(log.address.toLowerCase())
    const transfer = token && parseTransferLog(log as { topics: string[]; data: string })
    if (!token || !transfer || !keep(transfer.to)) return
    events.push({
      network: context.network,
      asset: token.asset,
      contract: token.contract,
      txHash: receipt.transactionHash.toLowerCase(),
      eventIndex: 1 + position,
      ...transfer,
      ...feeOf(fee),
      status,
      ...mined(minedIn),
    })
  })
  return events
}

/**
 * The transfer a reverted transaction attempted when it called a known token's transfer/transferFrom
 * directly, reported as failed with eventIndex 1 (the position its Transfer log would have had). Transfers
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
