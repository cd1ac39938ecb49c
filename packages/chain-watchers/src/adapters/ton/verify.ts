import { normalizeTonAddress } from '../../address/ton.js'
import { TransactionNotFoundError } from '../../errors.js'
import type { RpcPool } from '../../rpc/pool.js'
import type { TransferEvent } from '../types.js'
import type { TonContext } from './config.js'
import { historyPages } from './history.js'
import { transfersOf } from './scan.js'
import { parseTonHash } from './transaction-hash.js'

export interface VerifyTransactionParameters {
  context: TonContext
  /** The merchant wallet's transaction hash or its incoming message hash: hex, base64 or base64url. */
  txHash: string
  /** Where to look (raw or user-friendly); the configured wallets when absent. */
  wallets?: readonly string[]
}

/**
 * The transfer of one transaction into a merchant wallet. toncenter v2 finds a transaction only through
 * its account, so this searches the newest `verifyDepth` transactions of each wallet for one whose hash —
 * or whose incoming message's hash — is `txHash`: what tonviewer and tonscan show for the wallet's incoming
 * transfer. A hash of the sender's own wallet transaction is not found this way.
 */
export async function verifyTransaction(
  pool: RpcPool,
  { context, txHash, wallets }: VerifyTransactionParameters,
): Promise<TransferEvent[]> {
  const hash = parseTonHash(txHash)
  const accounts = wallets
    ? wallets.map((w) => normalizeTonAddress(w, context.mode))
    : await context.wallets()
  for (const account of new Set(accounts)) {
    for await (const page of historyPages(pool, { account, count: context.verifyDepth })) {
      const found = page.find((t) => t.id.hash === hash || t.inMessageHash === hash)
      if (found) return transfersOf(pool, context, [found])
    }
  }
  throw new TransactionNotFoundError(context.network, hash)
}
