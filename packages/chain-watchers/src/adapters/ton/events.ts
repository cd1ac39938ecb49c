import type { Address } from '@ton/core'
import { toTonFriendlyAddress } from '../../address/ton.js'
import type { BlockRef, TransferEvent, TransferStatus } from '../types.js'
import { readTextComment } from './comment.js'
import type { TonContext } from './config.js'
import type { TonTransaction } from './parse.js'

/**
 * The TON a transaction received, or undefined when it received none. Only an internal incoming message
 * with a value pays: an external one is the wallet sending, and a bounced one is the wallet's own transfer
 * coming back. The status says where the value ended: confirmed (by confirmations) when it stayed in the
 * account — even if the contract failed, a non-bounceable message's value is kept — and failed when the
 * transaction bounced it back to the sender (e.g. a bounceable payment to a wallet not yet deployed).
 * eventIndex 0 is the incoming value. The fee is the total fees of that transaction (compute, storage and
 * action phases), read from the transaction itself; the sender's own wallet transaction is not read.
 */
export function incomingTransfer(
  context: TonContext,
  t: TonTransaction,
  block: BlockRef,
  headNumber: bigint,
): TransferEvent | undefined {
  const message = t.tx.inMessage
  if (message?.info.type !== 'internal' || message.info.bounced) return undefined
  const amount = message.info.value.coins
  if (amount <= 0n) return undefined
  const memo = readTextComment(message.body)
  return {
    network: context.network,
    asset: 'TON',
    txHash: t.id.hash,
    eventIndex: 0,
    from: friendly(context, message.info.src),
    to: friendly(context, message.info.dest),
    ...(memo !== undefined ? { memo } : {}),
    amount,
    // total_fees of the wallet's transaction that took the payment in (toncenter's `fee`).
    fee: t.tx.totalFees.coins,
    blockRef: block,
    blockTime: t.utime,
    status: bouncedBack(t) ? 'failed' : statusOf(context, headNumber - block.number + 1n),
  }
}

/** Whether the transaction sent the incoming value back (its bounce phase produced a message). */
export function bouncedBack(t: TonTransaction): boolean {
  const d = t.tx.description
  return d.type === 'generic' && d.bouncePhase?.type === 'ok'
}

/** The user-friendly form events use: bounceable, URL-safe, test-only outside mainnet (src/address/ton.ts). */
export function friendly(context: TonContext, address: Address): string {
  return toTonFriendlyAddress(address.toRawString(), { testOnly: context.testOnly })
}

function statusOf(context: TonContext, confirmations: bigint): TransferStatus {
  return confirmations >= BigInt(context.confirmations) ? 'confirmed' : 'pending'
}
