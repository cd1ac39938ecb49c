import { RpcError } from '../../errors.js'
import type { RpcAttempt, RpcPool } from '../../rpc/pool.js'
import type { BlockRef } from '../types.js'
import { type BlockInfo, readBlock } from './responses.js'
import { callSolana, SolanaErrorCode, SolanaRpcError } from './rpc.js'

const SKIPPED = new Set<number>([
  SolanaErrorCode.SLOT_SKIPPED,
  SolanaErrorCode.LONG_TERM_STORAGE_SLOT_SKIPPED,
])

/**
 * The block at a slot at the `confirmed` commitment (its hash and time, no transactions), or null when the
 * cluster skipped the slot. A slot the node has not reached or no longer keeps fails over to another URL.
 */
async function blockAt(a: RpcAttempt, slot: bigint): Promise<BlockInfo | null> {
  const config = {
    commitment: 'confirmed',
    transactionDetails: 'none',
    rewards: false,
    maxSupportedTransactionVersion: 0,
  }
  try {
    return await callSolana(a, 'getBlock', [Number(slot), config], readBlock)
  } catch (error) {
    if (error instanceof SolanaRpcError && SKIPPED.has(error.rpcCode)) return null
    throw error
  }
}

/** The block holding a transaction the node served, which must exist: a node denying it is asked again. */
export function blockOf(pool: RpcPool, slot: bigint): Promise<BlockRef & { time: number | null }> {
  return pool.request(async (a) => {
    const block = await blockAt(a, slot)
    if (!block) {
      throw new RpcError(
        a.network,
        a.url,
        `no block at slot ${slot}, which holds a confirmed transaction`,
        true,
      )
    }
    return { number: slot, hash: block.blockhash, time: block.blockTime }
  })
}

/** Whether the slot still holds the block with that hash (false when the slot was skipped after all). */
export async function isCanonical(pool: RpcPool, block: BlockRef): Promise<boolean> {
  if (block.number < 0n) return false
  const current = await pool.request((a) => blockAt(a, block.number))
  return current?.blockhash === block.hash
}
