import { ChainError } from '../../errors.js'
import type { ChainHead } from '../types.js'
import type { EvmClient } from './client.js'

/** The latest block: number, hash and timestamp from one call. */
export async function getHead(client: EvmClient): Promise<ChainHead> {
  const block = await client.request({ method: 'eth_getBlockByNumber', params: ['latest', false] })
  if (!block?.number || !block.hash) throw new ChainError('The node returned no latest block')
  return { number: BigInt(block.number), hash: block.hash.toLowerCase(), timestamp: Number(block.timestamp) }
}
