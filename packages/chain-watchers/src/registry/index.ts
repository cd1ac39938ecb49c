import { assets } from './assets.js'
import { arbitrum } from './networks/arbitrum.js'
import { bitcoin } from './networks/bitcoin.js'
import { bsc } from './networks/bsc.js'
import { ethereum } from './networks/ethereum.js'
import { solana } from './networks/solana.js'
import { ton } from './networks/ton.js'
import { tron } from './networks/tron.js'
import type { AssetId, NetworkDefinition, NetworkId, NetworkMode } from './types.js'

export type * from './types.js'
export { assets }

/** Every network Coinbook knows, keyed by id. */
export const networks: Record<NetworkId, NetworkDefinition> = {
  bitcoin,
  ethereum,
  bsc,
  arbitrum,
  tron,
  solana,
  ton,
}

export const networkIds = Object.keys(networks) as [NetworkId, ...NetworkId[]]
export const assetIds = Object.keys(assets) as [AssetId, ...AssetId[]]

/** A way to pay: one asset on one network. */
export interface PaymentOption {
  asset: AssetId
  network: NetworkId
  decimals: number
  /** Token contract or mint for the mode, or undefined for the native coin. */
  contract?: string
}

/** Every (asset, network) pair that can be paid with, in registry order. */
export function paymentOptions(mode: NetworkMode = 'mainnet'): PaymentOption[] {
  const out: PaymentOption[] = []
  for (const n of Object.values(networks)) {
    out.push({ asset: n.nativeAsset, network: n.id, decimals: n.nativeDecimals })
    for (const t of n.tokens) {
      const contract = t.contract[mode]
      // A token without an official deployment in this mode is still a valid preference on mainnet terms.
      out.push({ asset: t.asset, network: n.id, decimals: t.decimals, ...(contract ? { contract } : {}) })
    }
  }
  return out
}

/** The payment option for an asset on a network, or undefined when that pair does not exist. */
export function findPaymentOption(
  asset: string,
  network: string,
  mode: NetworkMode = 'mainnet',
): PaymentOption | undefined {
  return paymentOptions(mode).find((o) => o.asset === asset && o.network === network)
}

/** Whether the asset can be paid on the network (e.g. USDT on tron: yes; SOL on ethereum: no). */
export function isPaymentOption(asset: string, network: string): boolean {
  return findPaymentOption(asset, network) !== undefined
}

/** Explorer link for a transaction, or undefined where the mode has no public explorer. */
export function explorerTxUrl(network: NetworkId, txHash: string, mode: NetworkMode = 'mainnet') {
  return networks[network].explorer[mode]?.tx.replace('{tx}', txHash)
}
