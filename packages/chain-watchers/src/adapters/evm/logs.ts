import { numberToHex, type RpcLog } from 'viem'
import type { EvmClient } from './client.js'
import { transferTopic } from './erc20.js'
import { isRangeTooLarge } from './errors.js'

export interface GetTransferLogsParameters {
  contracts: readonly string[]
  fromBlock: bigint
  toBlock: bigint
  /** The widest range asked for at once; halved (and kept halved) when the node says it is too wide. */
  range: { maxBlocks: number }
}

/**
 * Every Transfer log of the contracts in the range, in chunks. Recipients are not filtered by topic: a
 * watch set of a million addresses does not fit in a filter, so the caller filters the logs.
 */
export async function getTransferLogs(
  client: EvmClient,
  { contracts, fromBlock, toBlock, range }: GetTransferLogsParameters,
): Promise<RpcLog[]> {
  const logs: RpcLog[] = []
  let start = fromBlock
  while (start <= toBlock) {
    const end = min(toBlock, start + BigInt(range.maxBlocks) - 1n)
    try {
      const chunk = await client.request({
        method: 'eth_getLogs',
        params: [
          {
            address: contracts as `0x${string}`[],
            topics: [transferTopic],
            fromBlock: numberToHex(start),
            toBlock: numberToHex(end),
          },
        ],
      })
      for (const log of chunk) logs.push(log)
      start = end + 1n
    } catch (error) {
      if (end === start || !isRangeTooLarge(error)) throw error
      range.maxBlocks = Math.max(1, Math.floor(Number(end - start + 1n) / 2))
    }
  }
  return logs
}

function min(a: bigint, b: bigint) {
  return a < b ? a : b
}
