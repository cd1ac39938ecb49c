import type { ChainHead, TransferEvent } from '../types.js'
import type { TronChainHead } from './head.js'

/**
 * Tron blocks are final once solidified, so the count answers "is it final?" when compared with
 * `required` (the config's confirmations, 19 by default): it is the depth head − block + 1 (1 in the head
 * block, 0 outside a block), held at `required − 1` at most while the block is above the solidified head
 * and raised to `required` at least once it is solidified. "confirmations ≥ required" is then exactly
 * "solidified", whether the super representatives solidify faster or slower than 19 blocks. A head
 * without the solidified block (a plain ChainHead) gives the plain depth.
 */
export function confirmations(event: TransferEvent, head: ChainHead, required: number): number {
  if (!event.blockRef) return 0
  const depth = head.number - event.blockRef.number + 1n
  if (depth <= 0n) return 0
  const n = Number(depth)
  const solidified = (head as Partial<TronChainHead>).solidified
  if (!solidified) return n
  return event.blockRef.number <= solidified.number ? Math.max(n, required) : Math.min(n, required - 1)
}
