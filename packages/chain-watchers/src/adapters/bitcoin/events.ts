import type { BlockRef, TransferEvent, TransferStatus } from '../types.js'
import type { BitcoinContext } from './config.js'

/** The block a transaction was mined in, with its time. */
export interface MinedIn {
  ref: BlockRef
  time: number
}

/** Confirmed once the block has the configured confirmations (1 = in the tip block). */
export function statusOf(context: BitcoinContext, confirmations: number): TransferStatus {
  return confirmations >= context.confirmations ? 'confirmed' : 'pending'
}

/** One output paying an address: eventIndex is the output index, so it survives a re-mining elsewhere. */
export function outputTransfer(
  context: BitcoinContext,
  transfer: { txid: string; vout: number; from: string | null; to: string; amount: bigint; fee?: bigint },
  status: TransferStatus,
  minedIn: MinedIn | undefined,
): TransferEvent {
  return {
    network: context.network,
    asset: 'BTC',
    txHash: transfer.txid,
    eventIndex: transfer.vout,
    from: transfer.from,
    to: transfer.to,
    amount: transfer.amount,
    ...(transfer.fee !== undefined ? { fee: transfer.fee } : {}),
    ...(minedIn ? { blockRef: minedIn.ref, blockTime: minedIn.time } : {}),
    status,
  }
}
