import { InvalidInputError, TransactionNotFoundError } from '../../errors.js'
import type { TransferEvent } from '../types.js'
import type { EvmClient } from './client.js'
import type { EvmContext } from './config.js'
import { attemptedTokenTransfer, nativeTransfer, receiptFee, statusOf, tokenTransfers } from './events.js'

export interface VerifyTransactionParameters {
  context: EvmContext
  hash: string
}

const txHashPattern = /^0x[0-9a-fA-F]{64}$/

/**
 * Every transfer of one transaction, from the transaction and its receipt: the native value (eventIndex 0)
 * and each known token's Transfer log (1 + its position in the receipt). Not yet mined: only the native
 * value, pending (token logs exist only once mined). Reverted: the native value and a direct
 * transfer/transferFrom call, both failed.
 */
export async function verifyTransaction(
  client: EvmClient,
  { context, hash }: VerifyTransactionParameters,
): Promise<TransferEvent[]> {
  if (!txHashPattern.test(hash)) throw new InvalidInputError(`Not an EVM transaction hash: ${hash}`)
  const txHash = hash.toLowerCase() as `0x${string}`
  const [tx, receipt, headHex] = await Promise.all([
    client.request({ method: 'eth_getTransactionByHash', params: [txHash] }),
    client.request({ method: 'eth_getTransactionReceipt', params: [txHash] }),
    client.request({ method: 'eth_blockNumber' }),
  ])
  if (!tx) throw new TransactionNotFoundError(context.network, txHash)
  const value = BigInt(tx.value)
  const block =
    receipt && (await client.request({ method: 'eth_getBlockByHash', params: [receipt.blockHash, false] }))
  // Not mined, or mined in a block that a reorg removed between the two reads: pending either way.
  if (!receipt || !block?.number) {
    return value > 0n && tx.to
      ? [nativeTransfer(context, { ...tx, to: tx.to, value }, 'pending', undefined)]
      : []
  }
  const minedIn = {
    ref: { number: BigInt(block.number), hash: receipt.blockHash.toLowerCase() },
    time: Number(block.timestamp),
  }
  const success = receipt.status === '0x1'
  const status = statusOf(context, success, minedIn.ref.number, BigInt(headHex))
  const fee = receiptFee(receipt)
  const events: TransferEvent[] = []
  if (value > 0n && tx.to)
    events.push(nativeTransfer(context, { ...tx, to: tx.to, value }, status, minedIn, fee))
  if (success) events.push(...tokenTransfers(context, receipt, status, minedIn))
  else {
    const attempted = attemptedTokenTransfer(context, tx, minedIn, fee)
    if (attempted) events.push(attempted)
  }
  return events
}
