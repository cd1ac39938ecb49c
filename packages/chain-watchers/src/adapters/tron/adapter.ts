import { createRpcPool, type RpcPool } from '../../rpc/pool.js'
import type { BlockRef, ChainAdapter, ChainHead, ScanResult, TransferEvent, WatchSet } from '../types.js'
import { isCanonical } from './canonical.js'
import { checkChainId } from './chain-id.js'
import { resolveTronConfig, type TronAdapterConfig, type TronContext, type TronToken } from './config.js'
import { confirmations } from './confirmations.js'
import { getHead, type TronChainHead } from './head.js'
import { scanBlocks } from './scan.js'
import { verifyTransaction } from './verify.js'

export interface TronAdapter extends ChainAdapter {
  readonly network: 'tron'
  readonly context: TronContext
  readonly pool: RpcPool
  /** Registry tokens for the mode plus the configured ones, contracts in base58. */
  readonly tokens: readonly TronToken[]
  /** The latest block, with the solidified head that confirmations() needs to answer "final?". */
  head(): Promise<TronChainHead>
}

/**
 * The ChainAdapter for Tron (TRX and TRC-20 tokens such as USDT) over the full-node HTTP API. Each URL is
 * checked to serve the mode's chain (by its genesis block id) before its first use. Addresses in events are
 * base58 T…, like the watch set's; transaction ids are lowercase hex without 0x. A transfer is confirmed
 * once its block is solidified.
 */
export function createTronAdapter(config: TronAdapterConfig): TronAdapter {
  const context = resolveTronConfig(config)
  const { chainId } = context
  const pool = createRpcPool({
    ...config.rpc,
    network: context.network,
    ...(chainId !== undefined ? { prepare: (attempt) => checkChainId(attempt, chainId) } : {}),
  })

  return {
    network: context.network,
    context,
    pool,
    tokens: [...context.tokens.values()],
    head: () => getHead(pool),
    verify: (txid: string): Promise<TransferEvent[]> => verifyTransaction(pool, { context, txid }),
    scan: (from: bigint, to: bigint, watch: WatchSet): Promise<ScanResult> =>
      scanBlocks(pool, { context, from, to, watch }),
    confirmations: (event: TransferEvent, head: ChainHead) =>
      confirmations(event, head, context.confirmations),
    isCanonical: (block: BlockRef) => isCanonical(pool, block),
  }
}
