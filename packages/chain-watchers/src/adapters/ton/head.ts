import type { RpcPool } from '../../rpc/pool.js'
import type { BlockRef, ChainHead } from '../types.js'
import { hashHex } from './parse.js'
import { getMasterchainInfo, lookupMasterchainBlock, type ToncenterBlockId } from './toncenter.js'

/** The last masterchain block the node knows: seqno and root hash (hex). */
export async function getHead(pool: RpcPool): Promise<ChainHead> {
  return blockRef((await getMasterchainInfo(pool)).last)
}

/**
 * Whether the masterchain still has `block.hash` at `block.number`. TON's masterchain is final once a
 * block is committed (BFT), so this is true for every block a node served; it is still asked rather than
 * assumed, so a node that served another chain's block is caught.
 */
export async function isCanonical(pool: RpcPool, block: BlockRef): Promise<boolean> {
  if (block.number < 0n) return false
  const head = await getHead(pool)
  if (block.number > head.number) return false
  const hash =
    block.number === head.number ? head.hash : blockRef(await lookupMasterchainBlock(pool, block.number)).hash
  return hash === block.hash.toLowerCase()
}

export function blockRef(block: ToncenterBlockId): BlockRef {
  return { number: BigInt(block.seqno), hash: hashHex(block.root_hash) }
}
