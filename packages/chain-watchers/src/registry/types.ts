/** Identifier of a network Coinbook can watch. */
export type NetworkId = 'bitcoin' | 'ethereum' | 'bsc' | 'arbitrum' | 'tron' | 'solana' | 'ton'

/** Identifier of an asset Coinbook accepts. */
export type AssetId = 'BTC' | 'ETH' | 'BNB' | 'SOL' | 'TON' | 'TRX' | 'USDT' | 'USDC'

/** How a deployment talks to chains: real money, public test networks, or local devnets. */
export type NetworkMode = 'mainnet' | 'testnet' | 'regtest'

export type ChainFamily = 'bitcoin' | 'evm' | 'tron' | 'solana' | 'ton'

/** A token contract (or SPL mint) on one network, per mode. */
export interface TokenDeployment {
  asset: AssetId
  /** Contract address, SPL mint or TRC-20 contract for each mode that has an official one. */
  contract: Partial<Record<NetworkMode, string>>
  decimals: number
}

export interface NetworkDefinition {
  id: NetworkId
  name: string
  family: ChainFamily
  nativeAsset: AssetId
  nativeDecimals: number
  /** EVM chain id (and Tron's / TON's global id where one exists), per mode. */
  chainId: Partial<Record<NetworkMode, number>>
  /** Confirmations before a payment counts as confirmed, with the reason it was chosen. */
  confirmations: { default: number; why: string }
  /** Explorer URL templates with `{tx}` / `{address}` placeholders, per mode. */
  explorer: Partial<Record<NetworkMode, { tx: string; address: string }>>
  tokens: TokenDeployment[]
}
