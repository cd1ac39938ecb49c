import type { RpcPool } from '../../rpc/pool.js'
import type {
  BlockRef,
  ChainAdapter,
  ChainHead,
  MinedTransaction,
  ScanResult,
  TransferEvent,
  WatchSet,
} from '../types.js'
import { isCanonical } from './canonical.js'
import { createEvmClient, type EvmClient } from './client.js'
import { type EvmAdapterConfig, type EvmToken, resolveEvmConfig } from './config.js'
import { confirmations } from './confirmations.js'
import { unwrapChainError } from './errors.js'
import { getHead } from './head.js'
import { getFees, legacyTokenEventIndexes } from './receipts.js'
import { scanBlocks } from './scan.js'
import { verifyTransaction } from './verify.js'

export interface EvmAdapter extends ChainAdapter {
  /** The viem client over the pool, for anything the adapter does not cover. */
  readonly client: EvmClient
  readonly pool: RpcPool
  readonly chainId: number
  /** Registry tokens for the mode plus the configured ones, contracts lowercase. */
  readonly tokens: readonly EvmToken[]
  fees(transactions: readonly MinedTransaction[]): Promise<Map<string, bigint>>
  /**
   * For payments recorded before token events were numbered by ordinal: each old eventIndex of the
   * transaction's token events (1 + position in the receipt) → the new one (1 + ordinal among the
   * known-token Transfer logs). Undefined when the transaction is not mined.
   */
  legacyTokenEventIndexes(txHash: string): Promise<Map<number, number> | undefined>
}

/**
 * The ChainAdapter for ethereum, bsc and arbitrum over viem. Addresses and hashes in events are lowercase
 * hex, like the watch set's keys; checksum them (viem's getAddress) for display.
 */
export function createEvmAdapter(config: EvmAdapterConfig): EvmAdapter {
  const { context, chainId } = resolveEvmConfig(config)
  const { client, pool } = createEvmClient({
    network: config.network,
    rpc: config.rpc,
    chainId,
    ...(config.batchSize !== undefined ? { batchSize: config.batchSize } : {}),
  })
  const range = { maxBlocks: config.maxBlockRange ?? 2_000 }
  const native = config.scanNative ?? true

  return {
    network: config.network,
    client,
    pool,
    chainId,
    tokens: [...context.tokens.values()],
    head: () => guard(() => getHead(client)),
    verify: (hash: string): Promise<TransferEvent[]> =>
      guard(() => verifyTransaction(client, { context, hash })),
    scan: (from: bigint, to: bigint, watch: WatchSet): Promise<ScanResult> =>
      guard(() => scanBlocks(client, { context, from, to, watch, range, native })),
    fees: (transactions: readonly MinedTransaction[]) =>
      guard(() =>
        getFees(
          client,
          transactions.map((t) => t.txHash),
        ),
      ),
    legacyTokenEventIndexes: (hash: string) => guard(() => legacyTokenEventIndexes(client, context, hash)),
    confirmations: (event: TransferEvent, head: ChainHead) => confirmations(event, head),
    isCanonical: (block: BlockRef) => guard(() => isCanonical(client, block)),
  }
}

async function guard<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    throw unwrapChainError(error)
  }
}
