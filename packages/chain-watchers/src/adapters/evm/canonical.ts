import { numberToHex } from 'viem'
import type { BlockRef } from '../types.js'
import type { EvmClient } from './client.js'

/** Whether the block at `block.number` still has `block.hash` (false too when the chain got shorter). */
export async function isCanonical(client: EvmClient, block: BlockRef): Promise<boolean> {
  const current = await client.request({
    method: 'eth_getBlockByNumber',
    params: [numberToHex(block.number), false],
  })
  return current?.hash?.toLowerCase() === block.hash.toLowerCase()
}
