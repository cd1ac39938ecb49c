import { createRpcPool, type RpcPool } from '../../rpc/pool.js'
import type { AccountChainAdapter, AccountScanResult, BlockRef, ChainHead, TransferEvent } from '../types.js'
import { isCanonical } from './blocks.js'
import { resolveSolanaConfig, type SolanaAdapterConfig, type SolanaContext } from './config.js'
import { confirmations, type SolanaHead } from './confirmations.js'
import { checkGenesis } from './genesis.js'
import { getHead } from './head.js'
import { string } from './read.js'
import { callSolana } from './rpc.js'
import { scanAccount, watchedAddresses } from './scan.js'
import { verifyTransaction } from './verify.js'

export interface SolanaAdapter extends AccountChainAdapter {
  readonly network: 'solana'
  readonly context: SolanaContext
  readonly pool: RpcPool
  /** The confirmed tip, with the finalized block that `confirmations` needs. */
  head(): Promise<SolanaHead>
  /** The addresses whose history a scan of `wallet` reads: the wallet, then its token accounts. */
  watchedAddresses(wallet: string): Promise<string[]>
}

/**
 * The AccountChainAdapter for Solana (SOL and SPL USDC) over the JSON-RPC API of a validator or provider.
 * Each URL is checked to serve the mode's cluster (by its genesis hash) before its first use. A merchant
 * wallet's payments are found by paging its history and its USDC account's (`scanAccount`) and told apart
 * by their Solana Pay reference key.
 */
export function createSolanaAdapter(config: SolanaAdapterConfig): SolanaAdapter {
  const context = resolveSolanaConfig(config)
  const pool = createRpcPool({
    ...config.rpc,
    network: 'solana',
    prepare: async (attempt) =>
      checkGenesis(
        context.mode,
        attempt.url,
        await callSolana(attempt, 'getGenesisHash', [], (r) => string(r, 'result')),
      ),
  })

  return {
    network: 'solana',
    context,
    pool,
    head: () => getHead(pool),
    verify: (signature: string): Promise<TransferEvent[]> => verifyTransaction(pool, { context, signature }),
    scanAccount: (
      account: string,
      cursor: string | null,
      opts: { limit?: number } = {},
    ): Promise<AccountScanResult> =>
      scanAccount(pool, {
        context,
        account,
        cursor,
        ...(opts.limit !== undefined ? { limit: opts.limit } : {}),
      }),
    confirmations: (event: TransferEvent, head: ChainHead) => confirmations(event, head),
    isCanonical: (block: BlockRef) => isCanonical(pool, block),
    watchedAddresses: (wallet: string) => watchedAddresses(context, wallet),
  }
}
