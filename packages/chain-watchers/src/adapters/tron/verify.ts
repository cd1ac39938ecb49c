import { InvalidInputError, TransactionNotFoundError } from '../../errors.js'
import type { RpcPool } from '../../rpc/pool.js'
import type { TransferEvent } from '../types.js'
import type { TronContext } from './config.js'
import {
  attemptedTokenTransfer,
  minedIn,
  nativeTransfer,
  statusOf,
  succeeded,
  tokenTransfers,
} from './events.js'
import { getSolidifiedNumber } from './head.js'
import {
  getBlockByNum,
  getTransactionById,
  getTransactionFromPending,
  getTransactionInfoById,
} from './node.js'
import type { TronTransaction } from './wire.js'

export interface VerifyTransactionParameters {
  context: TronContext
  txid: string
}

const TXID = /^(0x)?[0-9a-fA-F]{64}$/

/**
 * Every transfer of one transaction: its TRX (eventIndex 0) and each known token's Transfer log (1 + its
 * position in the TransactionInfo's logs). Failed: the TRX and a direct transfer/transferFrom call, both
 * failed. Still in the node's pending pool (or put back there by a reorg): only the TRX, pending, since
 * token logs exist once the transaction ran in a block.
 */
export async function verifyTransaction(
  pool: RpcPool,
  { context, txid: given }: VerifyTransactionParameters,
): Promise<TransferEvent[]> {
  if (!TXID.test(given)) {
    throw new InvalidInputError(`Not a Tron transaction id: ${given}`, { details: 'expected 64 hex digits' })
  }
  const txid = given.toLowerCase().replace(/^0x/, '')
  const [tx, info, solidified] = await Promise.all([
    getTransactionById(pool, txid),
    getTransactionInfoById(pool, txid),
    getSolidifiedNumber(pool),
  ])
  if (!tx) {
    // gettransactionbyid knows mined transactions only; a fresh one waits in the pending pool.
    const pending = await getTransactionFromPending(pool, txid)
    if (!pending) throw new TransactionNotFoundError(context.network, txid)
    return unmined(context, pending)
  }
  const block = info?.blockNumber === undefined ? undefined : await getBlockByNum(pool, info.blockNumber)
  // A reorg between the reads can move the transaction out of that block: not mined as far as we know.
  if (!info || !block?.transactions.some((t) => t.txID === txid)) return unmined(context, tx)

  const at = minedIn(block)
  const success = succeeded(tx, info)
  const status = statusOf(success, block.number, solidified)
  const events: TransferEvent[] = []
  const native = nativeTransfer(context, tx, status, at, info)
  if (native) events.push(native)
  if (success) events.push(...tokenTransfers(context, info, status, at))
  else {
    const attempted = attemptedTokenTransfer(context, tx, at, info)
    if (attempted) events.push(attempted)
  }
  return events
}

function unmined(context: TronContext, tx: TronTransaction): TransferEvent[] {
  const native = nativeTransfer(context, tx, 'pending', undefined)
  return native ? [native] : []
}
