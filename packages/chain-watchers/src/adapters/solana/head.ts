import type { RpcPool } from '../../rpc/pool.js'
import type { SolanaHead } from './confirmations.js'
import { readLatestBlockhash } from './responses.js'
import { solanaRequest } from './rpc.js'

/**
 * The `confirmed` tip and the `finalized` block, each as the slot of the node's bank at that commitment
 * and that bank's blockhash (which is the hash getBlock gives for the slot), from two getLatestBlockhash
 * calls. No timestamp: that would cost a third call (getBlockTime) for nothing the adapter needs.
 */
export async function getHead(pool: RpcPool): Promise<SolanaHead> {
  const [tip, finalized] = await Promise.all(
    (['confirmed', 'finalized'] as const).map((commitment) =>
      solanaRequest(pool, 'getLatestBlockhash', [{ commitment }], readLatestBlockhash),
    ),
  )
  return {
    number: tip!.slot,
    hash: tip!.blockhash,
    finalized: { number: finalized!.slot, hash: finalized!.blockhash },
  }
}
