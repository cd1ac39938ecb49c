import {
  assets,
  type NetworkId,
  networkIds,
  networks,
  paymentOptions,
} from '@coinbook/chain-watchers/registry'

export type { NetworkId }

/** A way to pay: one asset on one network ("USDT" on "tron"). */
export interface Coin {
  asset: string
  network: string
}

const known = (obj: object, key: string) => Object.hasOwn(obj, key)

/** Every network, in registry order (Bitcoin, Ethereum, BNB Smart Chain, Arbitrum One, Tron, Solana, TON). */
export const allNetworks: readonly NetworkId[] = networkIds

/** Every asset id the registry knows (BTC, ETH, …, USDT, USDC). */
export const allAssets = Object.keys(assets)

export function isNetworkId(value: string): value is NetworkId {
  return known(networks, value)
}

/** "BNB Smart Chain" for "bsc"; unknown ids are shown as they are. */
export function networkName(network: string): string {
  return isNetworkId(network) ? networks[network].name : network
}

/** The network's own coin: ETH on Ethereum and Arbitrum, BNB on BSC… */
export function nativeAsset(network: NetworkId): string {
  return networks[network].nativeAsset
}

/**
 * Whether the network gives each customer an address derived from the merchant's xpub (Bitcoin, EVM, Tron),
 * rather than one wallet address paid with a reference (Solana, TON).
 */
export function isDerivedNetwork(network: NetworkId): boolean {
  const family = networks[network].family
  return family === 'bitcoin' || family === 'evm' || family === 'tron'
}

/** "USDT on Tron"; unknown ids are shown as they are. */
export function coinLabel(coin: Coin): string {
  return `${coin.asset} on ${networkName(coin.network)}`
}

/** "Tether USD": the asset's full name. */
export function assetName(asset: string): string {
  return known(assets, asset) ? assets[asset as keyof typeof assets].name : asset
}

export const coinKey = (c: Coin) => `${c.asset}/${c.network}`

/** The coin of a key made by {@link coinKey}, or undefined for anything else. */
export function parseCoinKey(key: string): Coin | undefined {
  const [asset, network, extra] = key.split('/')
  return asset && network && extra === undefined ? { asset, network } : undefined
}

/** Every (asset, network) pair the registry accepts, in registry order. */
export const allCoinChoices: Coin[] = paymentOptions().map((o) => ({
  asset: o.asset,
  network: o.network,
}))

/** The assets a network receives, native coin first: "ETH · USDT · USDC". */
export function assetsOn(network: string): string[] {
  return allCoinChoices.filter((c) => c.network === network).map((c) => c.asset)
}
