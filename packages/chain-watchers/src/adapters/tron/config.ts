import { tronBase58ToHex, tronHexToBase58 } from '../../derive/tron.js'
import { InvalidInputError } from '../../errors.js'
import { networks } from '../../registry/index.js'
import type { AssetId, NetworkMode } from '../../registry/types.js'
import type { RpcPoolOptions } from '../../rpc/pool.js'

/** A TRC-20 token the adapter reports: the registry's for the mode, plus any passed in the config. */
export interface TronToken {
  asset: AssetId
  /** Base58 T… once resolved; the config may give the 41-prefixed hex form. */
  contract: string
  decimals: number
}

export interface TronAdapterConfig {
  /** Only 'tron'; accepted so the config reads like the other adapters'. */
  network?: 'tron'
  /** Picks the registry's chain id and USDT contract. Default mainnet. */
  mode?: NetworkMode
  /** Full-node HTTP API bases (`https://api.trongrid.io`); an API key goes in `rpc.headers`. */
  rpc: Omit<RpcPoolOptions, 'network' | 'prepare'>
  /**
   * The chain every URL must serve: the last 4 bytes of its genesis block id (Tron's `eth_chainId`).
   * Defaults to the registry's for the mode; regtest has none, so a local node is not checked unless given.
   */
  chainId?: number
  /** Added to the registry's tokens for the mode; the same contract replaces the registry entry. */
  tokens?: readonly TronToken[]
  /**
   * The confirmations the caller requires (default: the registry's 19). `confirmations()` stays below it
   * until the block is solidified and reaches it once it is; see confirmations.ts.
   */
  confirmations?: number
  /** Blocks per getblockbylimitnext request during a scan (java-tron serves at most 100). Default 20. */
  blocksPerRequest?: number
  /** Requests in flight at once during a scan. Default 4. */
  scanConcurrency?: number
}

/** What every action needs to know besides the pool. */
export interface TronContext {
  network: 'tron'
  mode: NetworkMode
  nativeAsset: 'TRX'
  /** By the contract's lowercase 41-prefixed hex form, the way logs and call data name it. */
  tokens: ReadonlyMap<string, TronToken>
  confirmations: number
  blocksPerRequest: number
  scanConcurrency: number
  /** Undefined when the nodes' chain is not checked. */
  chainId: number | undefined
}

/** Resolves a config against the registry: tokens by hex contract, thresholds and limits. */
export function resolveTronConfig(config: TronAdapterConfig): TronContext {
  if (config.network !== undefined && config.network !== 'tron') {
    throw new InvalidInputError(`${String(config.network)} is not the Tron network`)
  }
  const mode = config.mode ?? 'mainnet'
  const definition = networks.tron
  const tokens = new Map<string, TronToken>()
  for (const t of definition.tokens) {
    const contract = (t.contract as Partial<Record<NetworkMode, string>>)[mode]
    if (contract) tokens.set(tronBase58ToHex(contract), { asset: t.asset, contract, decimals: t.decimals })
  }
  for (const t of config.tokens ?? []) {
    const hex = contractHex(t.contract, t.asset)
    tokens.set(hex, { ...t, contract: tronHexToBase58(hex) })
  }
  const confirmations = config.confirmations ?? definition.confirmations.default
  if (!Number.isInteger(confirmations) || confirmations < 1) {
    throw new InvalidInputError(`Tron confirmations must be a positive integer, not ${confirmations}`)
  }
  return {
    network: 'tron',
    mode,
    nativeAsset: 'TRX',
    tokens,
    confirmations,
    blocksPerRequest: Math.min(100, Math.max(1, config.blocksPerRequest ?? 20)),
    scanConcurrency: Math.max(1, config.scanConcurrency ?? 4),
    chainId: config.chainId ?? (definition.chainId as Partial<Record<NetworkMode, number>>)[mode],
  }
}

function contractHex(contract: string, asset: AssetId): string {
  try {
    return /^(0x)?41[0-9a-fA-F]{40}$/.test(contract)
      ? tronBase58ToHex(tronHexToBase58(contract))
      : tronBase58ToHex(contract)
  } catch (cause) {
    throw new InvalidInputError(`Token contract ${contract} for ${asset} is not a Tron address`, { cause })
  }
}
