import type { ChainHead, TransferEvent } from '../types.js'

/**
 * head − block + 1 masterchain blocks. An event's block is the masterchain block read with it, which
 * already commits the transaction, so every event toncenter returns has at least one.
 */
export function confirmations(event: TransferEvent, head: ChainHead): number {
  if (!event.blockRef) return 0
  const n = head.number - event.blockRef.number + 1n
  return n > 0n ? Number(n) : 0
}
