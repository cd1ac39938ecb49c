import type { Network } from 'bitcoinjs-lib'
import { bitcoinNetwork, ensureEccLib } from '../../derive/bitcoin-network.js'
import { InvalidInputError } from '../../errors.js'
import { networks } from '../../registry/index.js'
import type { NetworkMode } from '../../registry/types.js'
import type { RpcPoolOptions } from '../../rpc/pool.js'

/** Which API the nodes speak: Esplora's REST API (electrs, mempool.space) or Bitcoin Core's JSON-RPC. */
export type BitcoinBackendKind = 'esplora' | 'core'

export interface BitcoinAdapterConfig {
  backend: BitcoinBackendKind
  /** Picks the address format (bc1/1/3, tb1/m/n/2, bcrt1) and the genesis block every URL must serve. */
  mode?: NetworkMode
  /**
   * Nodes tried in order. Esplora: the API base (`https://blockstream.info/api`); Core: the RPC URL with its
   * credentials (`http://user:pass@127.0.0.1:8332`); Core needs `txindex=1` to verify mined transactions.
   */
  rpc: Omit<RpcPoolOptions, 'network' | 'prepare'>
  /** Confirmations for `confirmed`; defaults to the registry's (2). */
  confirmations?: number
  /** Blocks fetched at once during a scan. Default 4. */
  scanConcurrency?: number
  /** Core only: JSON-RPC calls per batch request (1 turns batching off). Default 100. */
  batchSize?: number
}

/** What every action needs to know besides the backend. */
export interface BitcoinContext {
  network: 'bitcoin'
  mode: NetworkMode
  /** bitcoinjs-lib's parameters for the mode: address prefixes and bech32 HRP. */
  params: Network
  confirmations: number
  scanConcurrency: number
}

/** Resolves a config against the registry. */
export function resolveBitcoinConfig(config: BitcoinAdapterConfig): BitcoinContext {
  if (config.backend !== 'esplora' && config.backend !== 'core') {
    throw new InvalidInputError(`Unknown Bitcoin backend "${String(config.backend)}"`, {
      details: 'expected "esplora" or "core"',
    })
  }
  const confirmations = config.confirmations ?? networks.bitcoin.confirmations.default
  if (!Number.isInteger(confirmations) || confirmations < 1) {
    throw new InvalidInputError(`Bitcoin confirmations must be a positive integer, not ${confirmations}`)
  }
  // Taproot outputs are encoded with bech32m and parsed through bitcoinjs' payments, which need the ECC lib.
  ensureEccLib()
  const mode = config.mode ?? 'mainnet'
  return {
    network: 'bitcoin',
    mode,
    params: bitcoinNetwork(mode),
    confirmations,
    scanConcurrency: Math.max(1, config.scanConcurrency ?? 4),
  }
}
