import { createPublicClient, custom, type PublicClient } from 'viem'
import { WrongChainError } from '../../errors.js'
import type { NetworkId } from '../../registry/types.js'
import { callJsonRpc, createJsonRpcBatcher } from '../../rpc/json-rpc.js'
import { createRpcPool, type RpcPool, type RpcPoolOptions } from '../../rpc/pool.js'

export type EvmClient = PublicClient

export interface CreateEvmClientParameters {
  network: NetworkId
  rpc: Omit<RpcPoolOptions, 'network' | 'prepare'>
  /** Checked with eth_chainId on each URL's first use. */
  chainId: number
  batchSize?: number
}

/**
 * A viem public client whose every request goes through an RpcPool (timeouts, retries, failover), batched
 * per tick, on URLs that were checked to serve `chainId`.
 */
export function createEvmClient({ network, rpc, chainId, batchSize = 100 }: CreateEvmClientParameters): {
  client: EvmClient
  pool: RpcPool
} {
  const pool = createRpcPool({
    ...rpc,
    network,
    async prepare(attempt) {
      const actual = Number(await callJsonRpc<string>(attempt, 'eth_chainId'))
      if (actual !== chainId) throw new WrongChainError(network, attempt.url, String(chainId), String(actual))
    },
  })
  const batcher = createJsonRpcBatcher(pool, { maxSize: batchSize })
  const transport = custom(
    {
      request: ({ method, params }: { method: string; params?: unknown[] }) =>
        batcher.request(method, params),
    },
    // The pool already retries and fails over; viem retrying on top would multiply the attempts.
    { key: 'coinbook', name: `${network} RPC pool`, retryCount: 0 },
  )
  // cacheTime 0: confirmations and reorg checks need the head as it is now, not as it was 4 s ago.
  return { pool, client: createPublicClient({ transport, cacheTime: 0 }) }
}
