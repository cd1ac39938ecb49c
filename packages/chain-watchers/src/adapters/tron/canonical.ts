import type { RpcPool } from '../../rpc/pool.js'
import type { BlockRef } from '../types.js'
import { getBlockByNum } from './node.js'

/** Whether the canonical block at `block.number` still has `block.hash` (false above the head too). */
export async function isCanonical(pool: RpcPool, block: BlockRef): Promise<boolean> {
  if (block.number < 0n) return false
  const current = await getBlockByNum(pool, block.number, false)
  return current?.id === block.hash.toLowerCase()
}
