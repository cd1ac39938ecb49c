import type { RpcTransactionReceipt } from 'viem'
import type { EvmClient } from './client.js'
import type { EvmContext } from './config.js'
import { isTokenTransferLog, receiptFee } from './events.js'

/**
 * The network fee (gasUsed × effectiveGasPrice) of each transaction, from their receipts read in one
 * batch: what a scan leaves unread for token payments. A transaction that is not mined (or was reorged
 * away) is missing from the map.
 */
export async function getFees(client: EvmClient, hashes: readonly string[]): Promise<Map<string, bigint>> {
  const receipts = await getReceipts(client, hashes)
  const fees = new Map<string, bigint>()
  receipts.forEach((receipt, i) => {
    const fee = receipt ? receiptFee(receipt) : undefined
    if (fee !== undefined) fees.set(hashes[i]!.toLowerCase(), fee)
  })
  return fees
}

/**
 * How a transaction's token events were numbered before and how they are numbered now: eventIndex
 * 1 + the log's position among all the receipt's logs → 1 + its ordinal among the receipt's known-token
 * Transfer logs (isTokenTransferLog). Both only grow with the position, and the new one is never larger.
 * Undefined when the transaction is not mined.
 */
export async function legacyTokenEventIndexes(
  client: EvmClient,
  context: EvmContext,
  hash: string,
): Promise<Map<number, number> | undefined> {
  const [receipt] = await getReceipts(client, [hash])
  if (!receipt) return undefined
  const indexes = new Map<number, number>()
  let ordinal = 0
  receipt.logs.forEach((log, position) => {
    if (isTokenTransferLog(context, log)) indexes.set(1 + position, 1 + ordinal++)
  })
  return indexes
}

function getReceipts(client: EvmClient, hashes: readonly string[]) {
  return Promise.all(
    hashes.map(
      (hash) =>
        client.request({
          method: 'eth_getTransactionReceipt',
          params: [hash.toLowerCase() as `0x${string}`],
        }) as Promise<RpcTransactionReceipt | null>,
    ),
  )
}
