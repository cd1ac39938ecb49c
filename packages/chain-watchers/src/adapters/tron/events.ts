import type { BlockRef, TransferEvent, TransferStatus } from '../types.js'
import { addressFromHex } from './address.js'
import type { TronContext } from './config.js'
import { parseTransferCall, parseTransferLog, transferRecipient } from './trc20.js'
import type { TronContract, TronTransaction, TronTransactionInfo } from './wire.js'

/** Where a transaction was mined, as events carry it. */
export interface MinedIn {
  ref: BlockRef
  /** Seconds since the epoch. */
  time: number
}

/** Results that mean "ran and committed": SUCCESS, or DEFAULT for system contracts (JsonFormat omits it). */
const OK_RESULTS = new Set(['SUCCESS', 'DEFAULT'])

/** Whether a mined transaction succeeded, from its ret and (when read) its TransactionInfo. */
export function succeeded(tx: Pick<TronTransaction, 'contractRet'>, info?: TronTransactionInfo): boolean {
  if (tx.contractRet !== undefined && !OK_RESULTS.has(tx.contractRet)) return false
  if (info?.result === 'FAILED') return false
  return info?.receiptResult === undefined || OK_RESULTS.has(info.receiptResult)
}

/**
 * failed when it did not commit; otherwise confirmed once its block is solidified (irreversible: 19 of
 * the 27 super representatives built on it), pending before.
 */
export function statusOf(success: boolean, blockNumber: bigint, solidified: bigint): TransferStatus {
  if (!success) return 'failed'
  return blockNumber <= solidified ? 'confirmed' : 'pending'
}

/** The TRX a transaction moves to an account (TransferContract, or call_value): eventIndex 0. */
export function nativeTransfer(
  context: TronContext,
  tx: { txID: string; contract: TronContract | undefined },
  status: TransferStatus,
  minedIn: MinedIn | undefined,
  info?: Pick<TronTransactionInfo, 'fee'>,
): TransferEvent | undefined {
  const { contract } = tx
  const moved =
    contract?.type === 'TransferContract'
      ? { from: contract.owner, to: contract.to, amount: contract.amount }
      : contract?.type === 'TriggerSmartContract'
        ? { from: contract.owner, to: contract.contract, amount: contract.callValue }
        : undefined
  if (!moved || moved.amount <= 0n) return undefined
  return {
    network: context.network,
    asset: context.nativeAsset,
    txHash: tx.txID,
    eventIndex: 0,
    from: addressFromHex(moved.from) ?? null,
    to: addressFromHex(moved.to)!,
    amount: moved.amount,
    ...feeOf(info),
    status,
    ...mined(minedIn),
  }
}

/**
 * The Transfer logs of known tokens in a TransactionInfo, each with eventIndex 1 + its position in the
 * info's logs (stable when a reorg mines the transaction in another block).
 */
export function tokenTransfers(
  context: TronContext,
  info: TronTransactionInfo,
  status: TransferStatus,
  minedIn: MinedIn,
  keep: (to: string) => boolean = () => true,
): TransferEvent[] {
  const events: TransferEvent[] = []
  info.logs.forEach((log, position) => {
    const token = context.tokens.get(`41${log.address}`)
    const to = token && transferRecipient(log)
    // The recipient alone decides; the sender is decoded only for the transfers kept.
    const transfer = to !== undefined && keep(to) ? parseTransferLog(log) : undefined
    if (!token || !transfer) return
    events.push({
      network: context.network,
      asset: token.asset,
      contract: token.contract,
      txHash: info.id,
      eventIndex: 1 + position,
      ...transfer,
      ...feeOf(info),
      status,
      ...mined(minedIn),
    })
  })
  return events
}

/**
 * The transfer a failed transaction attempted when it called a known token's transfer/transferFrom
 * directly, as failed with eventIndex 1 (where its Transfer log would have been). Transfers attempted
 * through other contracts leave no trace in a failed transaction and are not reported.
 */
export function attemptedTokenTransfer(
  context: TronContext,
  tx: { txID: string; contract: TronContract | undefined },
  minedIn: MinedIn,
  info?: Pick<TronTransactionInfo, 'fee'>,
): TransferEvent | undefined {
  const call = tx.contract?.type === 'TriggerSmartContract' ? tx.contract : undefined
  const token = call && context.tokens.get(call.contract)
  const transfer = token && parseTransferCall(call.data, addressFromHex(call.owner)!)
  if (!token || !transfer) return undefined
  return {
    network: context.network,
    asset: token.asset,
    contract: token.contract,
    txHash: tx.txID,
    eventIndex: 1,
    ...transfer,
    ...feeOf(info),
    status: 'failed',
    ...mined(minedIn),
  }
}

/** The block of a mined transaction as events carry it; Tron stamps blocks in milliseconds. */
export function minedIn(block: { id: string; number: bigint; timestamp: number }): MinedIn {
  return { ref: { number: block.number, hash: block.id }, time: Math.floor(block.timestamp / 1000) }
}

/** The fee comes from the TransactionInfo: a transfer read without one (a scanned TRX transfer) has none. */
function feeOf(info: Pick<TronTransactionInfo, 'fee'> | undefined) {
  return info ? { fee: info.fee } : {}
}

function mined(at: MinedIn | undefined) {
  return at ? { blockRef: at.ref, blockTime: at.time } : {}
}
