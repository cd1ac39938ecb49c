import { InvalidInputError, TransactionNotFoundError } from '../../errors.js'
import type { TransferEvent } from '../types.js'
import type { BitcoinBackend } from './backend.js'
import type { BitcoinContext } from './config.js'
import { type MinedIn, outputTransfer, statusOf } from './events.js'
import { inputAddress } from './input-address.js'
import { outputAddress } from './output-address.js'

export interface VerifyTransactionParameters {
  context: BitcoinContext
  txid: string
}

const TXID = /^[0-9a-fA-F]{64}$/

/**
 * Every output of one transaction that pays an address, from its raw bytes: pending while it is in the
 * mempool (or only in a block a reorg removed), then pending or confirmed by confirmations. OP_RETURN and
 * other outputs without an address are left out; eventIndex is the output index.
 */
export async function verifyTransaction(
  backend: BitcoinBackend,
  { context, txid: given }: VerifyTransactionParameters,
): Promise<TransferEvent[]> {
  if (!TXID.test(given)) {
    throw new InvalidInputError(`Not a Bitcoin transaction id: ${given}`, {
      details: 'expected 64 hex digits',
    })
  }
  const txid = given.toLowerCase()
  const found = await backend.getTransaction(txid)
  if (!found) throw new TransactionNotFoundError(context.network, txid)

  const { tx, status } = found
  const first = tx.ins[0]
  const from =
    found.firstInputAddress ?? (tx.isCoinbase() || !first ? null : inputAddress(first, context.params))
  const minedIn: MinedIn | undefined = status.confirmed
    ? { ref: status.block, time: status.blockTime }
    : undefined
  const transferStatus = status.confirmed ? statusOf(context, status.confirmations) : 'pending'

  const events: TransferEvent[] = []
  tx.outs.forEach((out, vout) => {
    const to = outputAddress(out.script, context.params)
    if (to === undefined || out.value === 0n) return
    const transfer = {
      txid,
      vout,
      from,
      to,
      amount: out.value,
      ...(found.fee !== undefined ? { fee: found.fee } : {}),
    }
    events.push(outputTransfer(context, transfer, transferStatus, minedIn))
  })
  return events
}
