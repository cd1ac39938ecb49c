import { isAddress } from 'viem'
import { InvalidInputError } from '../../errors.js'
import { networks } from '../../registry/index.js'
import type { AssetId, NetworkId, NetworkMode } from '../../registry/types.js'
import type { RpcPoolOptions } from '../../rpc/pool.js'

/** A token the adapter reports: registry tokens for the mode, plus any passed in the config. */
export interface EvmToken {
  asset: AssetId
  /** Lowercase hex once resolved. */
  contract: string
  decimals: number
}

export interface EvmAdapterConfig {
  /** An EVM network of the registry (ethereum, bsc, arbitrum). */
  network: NetworkId
  /** Picks the registry's chain id and token contracts. Default mainnet. */
  mode?: NetworkMode
  rpc: Omit<RpcPoolOptions, 'network' | 'prepare'>
  /** The chain id every URL must serve; defaults to the registry's for the mode (anvil: 31337). */
  chainId?: number
  /** Added to the registry's tokens for the network and mode; the same contract replaces the registry entry. */
  tokens?: readonly EvmToken[]
  /** Confirmations for `confirmed`; defaults to the registry's for the network. */
  confirmations?: number
  /** The widest eth_getLogs range asked for; halved when a node says it is too wide. Default 2,000. */
  maxBlockRange?: number
  /** JSON-RPC calls per batch request (1 turns batching off). Default 100. */
  batchSize?: number
  /** Also read every block's transactions for native-coin payments. Default true. */
  scanNative?: boolean
}

/** What every action needs to know about the network beyond the client. */
export interface EvmContext {
  network: NetworkId
  nativeAsset: AssetId
  /** By lowercase contract address. */
  tokens: ReadonlyMap<string, EvmToken>
  confirmations: number
}

/** Resolves a config against the registry: context, expected chain id and the tokens watched. */
export function resolveEvmConfig(config: EvmAdapterConfig): { context: EvmContext; chainId: number } {
  const { network, mode = 'mainnet' } = config
  const definition = networks[network]
  if (definition?.family !== 'evm') throw new InvalidInputError(`${network} is not an EVM network`)
  const chainId = config.chainId ?? definition.chainId[mode]
  if (chainId === undefined) {
    throw new InvalidInputError(`${network} has no chain id for ${mode}; pass chainId in the config`)
  }
  const tokens = new Map<string, EvmToken>()
  for (const t of definition.tokens) {
    const contract = t.contract[mode]
    if (contract)
      tokens.set(contract.toLowerCase(), {
        asset: t.asset,
        contract: contract.toLowerCase(),
        decimals: t.decimals,
      })
  }
  for (const t of config.tokens ?? []) {
    if (!isAddress(t.contract, { strict: false })) {
      throw new InvalidInputError(`Token contract ${t.contract} for ${t.asset} is not an address`)
    }
    tokens.set(t.contract.toLowerCase(), { ...t, contract: t.contract.toLowerCase() })
  }
  return {
    chainId,
    context: {
      network,
      nativeAsset: definition.nativeAsset,
      tokens,
      confirmations: config.confirmations ?? definition.confirmations.default,
    },
  }
}
