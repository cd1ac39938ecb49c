import { createRpcPool, type RpcPool } from '../../rpc/pool.js'
import type { AccountChainAdapter, AccountScanResult, BlockRef, ChainHead, TransferEvent } from '../types.js'
import { resolveTonConfig, type TonAdapterConfig, type TonContext, toncenterBase } from './config.js'
import { confirmations } from './confirmations.js'
import { getHead, isCanonical } from './head.js'
import { scanAccount } from './scan.js'
import { getMasterchainInfoIn } from './toncenter.js'
import { verifyTransaction } from './verify.js'
import { checkZerostate } from './zerostate.js'

export interface TonAdapter extends AccountChainAdapter {
  readonly network: 'ton'
  readonly context: TonContext
  readonly pool: RpcPool
  /** As AccountChainAdapter's, optionally searching only `wallets` (a merchant's own) instead of the configured ones. */
  verify(txHash: string, opts?: { wallets?: readonly string[] }): Promise<TransferEvent[]>
}

/**
 * The AccountChainAdapter for TON over toncenter's HTTP API v2: a merchant wallet's history is paged with
 * `getTransactions` and every transaction parsed from its BOC with @ton/core (not @ton/ton's TonClient,
 * so that each call goes through the pool and each transaction is checked against its hash). Each URL is
 * checked to serve the mode's network (its zerostate) before its first use. Events carry hex hashes and
 * user-friendly addresses (bounceable; test-only outside mainnet).
 */
export function createTonAdapter(config: TonAdapterConfig): TonAdapter {
  const context = resolveTonConfig(config)
  const pool = createRpcPool({
    ...config.rpc,
    urls: config.rpc.urls.map(toncenterBase),
    headers: { ...config.rpc.headers, ...(config.apiKey ? { 'x-api-key': config.apiKey } : {}) },
    network: 'ton',
    prepare: async (attempt) =>
      checkZerostate(context.mode, attempt.url, (await getMasterchainInfoIn(attempt)).init),
  })

  return {
    network: 'ton',
    context,
    pool,
    head: (): Promise<ChainHead> => getHead(pool),
    verify: (txHash: string, opts: { wallets?: readonly string[] } = {}): Promise<TransferEvent[]> =>
      verifyTransaction(pool, { context, txHash, ...opts }),
    scanAccount: (
      account: string,
      cursor: string | null,
      opts: { limit?: number } = {},
    ): Promise<AccountScanResult> => scanAccount(pool, { context, account, cursor, ...opts }),
    confirmations: (event: TransferEvent, head: ChainHead) => confirmations(event, head),
    isCanonical: (block: BlockRef) => isCanonical(pool, block),
  }
}
