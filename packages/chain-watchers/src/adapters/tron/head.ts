import type { RpcPool } from '../../rpc/pool.js'
import type { BlockRef, ChainHead } from '../types.js'
import { getNowBlock, getSolidifiedBlock } from './node.js'

/** The head as Tron reports it: the latest block, and the latest solidified (irreversible) one. */
export interface TronChainHead extends ChainHead {
  solidified: BlockRef
}

/** The latest block (number, id, time) and the solidified head, read in parallel. */
export async function getHead(pool: RpcPool): Promise<TronChainHead> {
  const [latest, solid] = await Promise.all([getNowBlock(pool), getSolidifiedBlock(pool)])
  return {
    number: latest.number,
    hash: latest.id,
    timestamp: Math.floor(latest.timestamp / 1000),
    solidified: { number: solid.number, hash: solid.id },
  }
}

/** The solidified head's number alone, which decides `confirmed` in scans and verifications. */
export async function getSolidifiedNumber(pool: RpcPool): Promise<bigint> {
  return (await getSolidifiedBlock(pool)).number
}
