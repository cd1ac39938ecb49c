import { numberToHex, type RpcBlock, type RpcTransaction } from 'viem'
import { ChainError } from '../../errors.js'
import type { EvmClient } from './client.js'

export type FullBlock = RpcBlock<'latest', true, RpcTransaction>

/** Blocks by number, `window` requests at a time (the transport batches each window into one request). */
export async function getBlocks<full extends boolean>(
  client: EvmClient,
  {
    numbers,
    includeTransactions,
    window = 100,
  }: { numbers: readonly bigint[]; includeTransactions: full; window?: number },
): Promise<(full extends true ? FullBlock : RpcBlock)[]> {
  const blocks: RpcBlock[] = []
  for (let i = 0; i < numbers.length; i += window) {
    const page = await Promise.all(
      numbers.slice(i, i + window).map(async (n) => {
        const block = await client.request({
          method: 'eth_getBlockByNumber',
          params: [numberToHex(n), includeTransactions],
        })
        if (!block?.hash) throw new ChainError(`Block ${n} is not on the node (beyond its head?)`)
        return block
      }),
    )
    for (const b of page) blocks.push(b)
  }
  return blocks as (full extends true ? FullBlock : RpcBlock)[]
}

/** `from`..`to` inclusive. */
export function blockRange(from: bigint, to: bigint): bigint[] {
  const out: bigint[] = []
  for (let n = from; n <= to; n++) out.push(n)
  return out
}
