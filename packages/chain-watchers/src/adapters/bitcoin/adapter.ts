import { expectOk } from '../../rpc/http.js'
import { callJsonRpc } from '../../rpc/json-rpc.js'
import { createRpcPool, type RpcAttempt, type RpcPool } from '../../rpc/pool.js'
import type {
  BlockRef,
  ChainAdapter,
  ChainHead,
  MinedTransaction,
  ScanResult,
  TransferEvent,
  WatchSet,
} from '../types.js'
import type { BitcoinBackend } from './backend.js'
import { isCanonical } from './canonical.js'
import { type BitcoinAdapterConfig, type BitcoinContext, resolveBitcoinConfig } from './config.js'
import { confirmations } from './confirmations.js'
import { createCoreBackend } from './core-backend.js'
import { createEsploraBackend } from './esplora-backend.js'
import { minedFees } from './fees.js'
import { checkGenesis } from './genesis.js'
import { getHead } from './head.js'
import { scanBlocks } from './scan.js'
import { verifyTransaction } from './verify.js'

export interface BitcoinAdapter extends ChainAdapter {
  readonly network: 'bitcoin'
  readonly context: BitcoinContext
  /** The node API behind the adapter, for anything it does not cover. */
  readonly backend: BitcoinBackend
  readonly pool: RpcPool
  fees(transactions: readonly MinedTransaction[]): Promise<Map<string, bigint>>
}

/**
 * The ChainAdapter for Bitcoin over Esplora's REST API or Bitcoin Core's JSON-RPC, parsing raw blocks and
 * transactions with bitcoinjs-lib. Each URL is checked to serve the mode's chain (by its genesis block)
 * before its first use. Addresses in events are bech32 lowercase or base58, like the watch set's.
 */
export function createBitcoinAdapter(config: BitcoinAdapterConfig): BitcoinAdapter {
  const context = resolveBitcoinConfig(config)
  const pool = createRpcPool({
    ...config.rpc,
    network: context.network,
    prepare: async (attempt) => checkGenesis(context.mode, attempt.url, await genesisHash(config, attempt)),
  })
  const backend =
    config.backend === 'esplora'
      ? createEsploraBackend(pool)
      : createCoreBackend(pool, config.batchSize !== undefined ? { batchSize: config.batchSize } : {})

  return {
    network: context.network,
    context,
    backend,
    pool,
    head: (): Promise<ChainHead> => getHead(backend),
    verify: (txid: string): Promise<TransferEvent[]> => verifyTransaction(backend, { context, txid }),
    scan: (from: bigint, to: bigint, watch: WatchSet): Promise<ScanResult> =>
      scanBlocks(backend, { context, from, to, watch }),
    fees: (transactions: readonly MinedTransaction[]) => minedFees(backend, transactions),
    confirmations: (event: TransferEvent, head: ChainHead) => confirmations(event, head),
    isCanonical: (block: BlockRef) => isCanonical(backend, block),
  }
}

async function genesisHash(config: BitcoinAdapterConfig, attempt: RpcAttempt): Promise<string> {
  if (config.backend === 'core') return callJsonRpc<string>(attempt, 'getblockhash', [0])
  const res = expectOk(attempt, await attempt.send('/block-height/0'))
  return new TextDecoder().decode(res.body).trim()
}
