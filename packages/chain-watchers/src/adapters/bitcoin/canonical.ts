import type { BlockRef } from '../types.js'
import type { BitcoinBackend } from './backend.js'

/** Whether the active chain still has `block.hash` at `block.number` (false too when it got shorter). */
export async function isCanonical(backend: BitcoinBackend, block: BlockRef): Promise<boolean> {
  if (block.number < 0n) return false
  const hash = await backend.getBlockHash(Number(block.number))
  return hash !== undefined && hash === block.hash.toLowerCase()
}
