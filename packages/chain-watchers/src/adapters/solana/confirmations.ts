import type { BlockRef, ChainHead, TransferEvent, TransferStatus } from '../types.js'

/** What the registry's 32 confirmations stand for on Solana: the `finalized` commitment. */
export const FINALIZED_CONFIRMATIONS = 32

/** The `confirmed` tip, and the newest block the cluster has finalized (rooted). */
export interface SolanaHead extends ChainHead {
  finalized: BlockRef
}

/**
 * Slots since the event's slot, counting it (1 in the head slot), clamped around finality: a slot the
 * node has finalized counts at least 32, and one it has not yet finalized at most 31. So `>= 32` holds
 * exactly when the payment is finalized, however many slots were skipped or how far finality lags, while
 * smaller thresholds count slots at the `confirmed` commitment. 0 outside a block; a head without
 * `finalized` (not read by this adapter) gives the plain slot count.
 */
export function confirmations(event: TransferEvent, head: ChainHead | SolanaHead): number {
  return event.blockRef ? slotConfirmations(event.blockRef.number, head) : 0
}

function slotConfirmations(slot: bigint, head: ChainHead | SolanaHead): number {
  const slots = head.number - slot + 1n
  // Events come from the `confirmed` commitment: a slot above a head read earlier is still confirmed once.
  const count = slots > 0n ? Number(slots) : 1
  if (!('finalized' in head)) return count
  return slot <= head.finalized.number
    ? Math.max(count, FINALIZED_CONFIRMATIONS)
    : Math.min(count, FINALIZED_CONFIRMATIONS - 1)
}

/** failed when the transaction failed; otherwise confirmed once it has the configured confirmations. */
export function statusOf(
  required: number,
  failed: boolean,
  blockRef: BlockRef,
  head: SolanaHead,
): TransferStatus {
  if (failed) return 'failed'
  return slotConfirmations(blockRef.number, head) >= required ? 'confirmed' : 'pending'
}
