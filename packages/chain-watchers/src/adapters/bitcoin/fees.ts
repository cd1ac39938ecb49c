import type { MinedTransaction } from '../types.js'
import type { BitcoinBackend } from './backend.js'

/** Fee look-ups in flight at once (Core batches concurrent calls into one request anyway). */
const FEE_CONCURRENCY = 8

/**
 * Inputs − outputs of transactions mined in the given blocks, by txid, as far as the node tells them:
 * what a scan leaves out, since a raw block's inputs carry no amounts and asking the node per paying
 * transaction would cost the scan several times the block itself. Core looks for each transaction in the
 * block given (no txindex needed), Esplora by txid: a fee does not depend on the block. A transaction the
 * node cannot find or whose fee it does not tell (Core before 25.0, a coinbase) is left out.
 */
export async function minedFees(
  backend: BitcoinBackend,
  transactions: readonly MinedTransaction[],
): Promise<Map<string, bigint>> {
  const fees = new Map<string, bigint>()
  let next = 0
  const worker = async () => {
    while (next < transactions.length) {
      const { txHash, blockHash } = transactions[next++]!
      const txid = txHash.toLowerCase()
      const fee = await backend.getMinedFee(txid, blockHash)
      if (fee !== undefined) fees.set(txid, fee)
    }
  }
  await Promise.all(Array.from({ length: Math.min(transactions.length, FEE_CONCURRENCY) }, worker))
  return fees
}
