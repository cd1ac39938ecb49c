import { RpcError } from '../../errors.js'
import type { RpcPool } from '../../rpc/pool.js'
import { readTransaction, type SolanaTransaction } from './responses.js'
import { callSolana } from './rpc.js'

/**
 * A transaction at the `confirmed` commitment, in the `json` encoding (the raw instructions keep the
 * reference keys that `jsonParsed` drops from parsed transfers), legacy or version 0. Null when the node
 * does not know it; with `listed`, the signature came from the node's own history, so a node that does
 * not serve it is behind and the next URL is asked.
 */
export function getTransaction(
  pool: RpcPool,
  signature: string,
  { listed = false }: { listed?: boolean } = {},
): Promise<SolanaTransaction | null> {
  const config = { encoding: 'json', commitment: 'confirmed', maxSupportedTransactionVersion: 0 }
  return pool.request(async (a) => {
    const tx = await callSolana(a, 'getTransaction', [signature, config], readTransaction)
    if (tx && tx.signature !== signature) {
      throw new RpcError(a.network, a.url, `getTransaction ${signature} answered another transaction`, true)
    }
    if (!tx && listed) {
      throw new RpcError(
        a.network,
        a.url,
        `listed transaction ${signature} is not served (node behind?)`,
        true,
      )
    }
    return tx
  })
}
