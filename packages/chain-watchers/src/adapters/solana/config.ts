import { normalizeSolanaAddress } from '../../address/solana.js'
import { InvalidInputError } from '../../errors.js'
import { networks } from '../../registry/index.js'
import type { AssetId, NetworkMode } from '../../registry/types.js'
import type { RpcPoolOptions } from '../../rpc/pool.js'
import { FINALIZED_CONFIRMATIONS } from './confirmations.js'

export interface SolanaAdapterConfig {
  /** Picks the USDC mint and the cluster every URL must serve (mainnet-beta; devnet or testnet; any local one). */
  mode?: NetworkMode
  /** Solana JSON-RPC URLs, tried in order; they must keep the wallet's history (getSignaturesForAddress). */
  rpc: Omit<RpcPoolOptions, 'network' | 'prepare'>
  /** The USDC mint; defaults to the registry's for the mode (regtest has none: only SOL is watched then). */
  usdcMint?: string
  /**
   * Confirmations for `confirmed`. Default 32, which means finalized: see `confirmations` for the rule.
   * 1 accepts the `confirmed` commitment.
   */
  confirmations?: number
  /** Default for scanAccount's `limit`: transactions read per call. Default 100. */
  scanLimit?: number
  /** Signatures asked per getSignaturesForAddress call (1–1000). Default 1000, the node's maximum. */
  signaturePageSize?: number
  /** getSignaturesForAddress calls one scan may spend walking back to the cursor. Default 10. */
  maxSignaturePages?: number
  /** Transactions fetched at once. Default 8. */
  fetchConcurrency?: number
}

/** An SPL token the adapter reports. */
export interface SolanaToken {
  asset: AssetId
  mint: string
  decimals: number
}

/** What every action needs to know besides the pool. */
export interface SolanaContext {
  network: 'solana'
  mode: NetworkMode
  nativeAsset: AssetId
  /** By mint. */
  tokens: ReadonlyMap<string, SolanaToken>
  confirmations: number
  scanLimit: number
  signaturePageSize: number
  maxSignaturePages: number
  fetchConcurrency: number
}

/** Resolves a config against the registry. */
export function resolveSolanaConfig(config: SolanaAdapterConfig): SolanaContext {
  const mode = config.mode ?? 'mainnet'
  const definition = networks.solana
  const tokens = new Map<string, SolanaToken>()
  for (const t of definition.tokens) {
    const mint = t.asset === 'USDC' && config.usdcMint !== undefined ? config.usdcMint : t.contract[mode]
    if (mint === undefined) continue
    tokens.set(normalizeSolanaAddress(mint), { asset: t.asset, mint, decimals: t.decimals })
  }
  return {
    network: 'solana',
    mode,
    nativeAsset: definition.nativeAsset,
    tokens,
    confirmations: positive('confirmations', config.confirmations ?? FINALIZED_CONFIRMATIONS),
    scanLimit: positive('scanLimit', config.scanLimit ?? 100),
    signaturePageSize: positive('signaturePageSize', config.signaturePageSize ?? 1000, 1000),
    maxSignaturePages: positive('maxSignaturePages', config.maxSignaturePages ?? 10),
    fetchConcurrency: positive('fetchConcurrency', config.fetchConcurrency ?? 8),
  }
}

function positive(name: string, value: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new InvalidInputError(`Solana ${name} must be an integer from 1 to ${max}, not ${value}`)
  }
  return value
}
