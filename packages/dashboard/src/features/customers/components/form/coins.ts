import { assets, networks, paymentOptions } from '@coinbook/chain-watchers/registry'
import type { CoinChoice } from '../../form-values'

const known = (obj: object, key: string) => Object.hasOwn(obj, key)

/** "USDT on Tron"; unknown ids are shown as they are. */
export function coinLabel(coin: CoinChoice): string {
  const network = known(networks, coin.network)
    ? networks[coin.network as keyof typeof networks].name
    : coin.network
  return `${coin.asset} on ${network}`
}

/** "Tether USD": the asset's full name. */
export function assetName(asset: string): string {
  return known(assets, asset) ? assets[asset as keyof typeof assets].name : asset
}

export const coinKey = (c: CoinChoice) => `${c.asset}/${c.network}`

/** Every (asset, network) pair the registry accepts, in registry order. */
export const allCoinChoices: CoinChoice[] = paymentOptions().map((o) => ({
  asset: o.asset,
  network: o.network,
}))
