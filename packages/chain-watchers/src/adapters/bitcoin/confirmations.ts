import type { ChainHead, TransferEvent } from '../types.js'

/** head − block + 1 for a mined event (1 in the head block itself), 0 while it is in the mempool. */
export function confirmations(event: TransferEvent, head: ChainHead): number {
  if (!event.blockRef) return 0
  const n = head.number - event.blockRef.number + 1n
  return n > 0n ? Number(n) : 0
}
