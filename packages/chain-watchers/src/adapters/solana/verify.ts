import { InvalidInputError, TransactionNotFoundError } from '../../errors.js'
import type { RpcPool } from '../../rpc/pool.js'
import type { TransferEvent } from '../types.js'
import { blockOf } from './blocks.js'
import type { SolanaContext } from './config.js'
import { transactionTransfers } from './events.js'
import { getHead } from './head.js'
import { isBase58Of } from './read.js'
import { getTransaction } from './transactions.js'

export interface VerifyTransactionParameters {
  context: SolanaContext
  signature: string
}

/**
 * Every transfer of one transaction to any account (see `transactionTransfers`), with its reference, once
 * the transaction is `confirmed`: a transaction only processed so far is not found yet, like an unknown one.
 */
export async function verifyTransaction(
  pool: RpcPool,
  { context, signature }: VerifyTransactionParameters,
): Promise<TransferEvent[]> {
  if (!isBase58Of(signature, 64)) {
    throw new InvalidInputError(`Not a Solana transaction signature: ${signature}`, {
      details: 'expected the base58 text of 64 bytes',
    })
  }
  const [tx, head] = await Promise.all([getTransaction(pool, signature), getHead(pool)])
  if (!tx) throw new TransactionNotFoundError(context.network, signature)
  const { number, hash } = await blockOf(pool, tx.slot)
  return transactionTransfers(context, tx, { number, hash }, head)
}
