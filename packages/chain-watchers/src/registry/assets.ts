import type { AssetId } from './types.js'

export interface AssetDefinition {
  id: AssetId
  name: string
  /** Stablecoins are pegged to USD; their fiat value needs no market rate. */
  stablecoin: boolean
}

export const assets = {
  BTC: { id: 'BTC', name: 'Bitcoin', stablecoin: false },
  ETH: { id: 'ETH', name: 'Ether', stablecoin: false },
  BNB: { id: 'BNB', name: 'BNB', stablecoin: false },
  SOL: { id: 'SOL', name: 'Solana', stablecoin: false },
  TON: { id: 'TON', name: 'Toncoin', stablecoin: false },
  TRX: { id: 'TRX', name: 'TRON', stablecoin: false },
  USDT: { id: 'USDT', name: 'Tether USD', stablecoin: true },
  USDC: { id: 'USDC', name: 'USD Coin', stablecoin: true },
} as const satisfies Record<AssetId, AssetDefinition>
