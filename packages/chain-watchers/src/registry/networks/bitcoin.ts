import type { NetworkDefinition } from '../types.js'

export const bitcoin = {
  id: 'bitcoin',
  name: 'Bitcoin',
  family: 'bitcoin',
  nativeAsset: 'BTC',
  nativeDecimals: 8,
  chainId: {},
  confirmations: {
    default: 2,
    why: 'Two blocks (~20 min) make a double spend by reorg impractical for customer payments; BTCPay uses 1–6 by speed policy.',
  },
  explorer: {
    mainnet: { tx: 'https://mempool.space/tx/{tx}', address: 'https://mempool.space/address/{address}' },
    testnet: {
      tx: 'https://mempool.space/testnet4/tx/{tx}',
      address: 'https://mempool.space/testnet4/address/{address}',
    },
  },
  tokens: [],
} as const satisfies NetworkDefinition
