import type { NetworkDefinition } from '../types.js'

export const ton = {
  id: 'ton',
  name: 'TON',
  family: 'ton',
  nativeAsset: 'TON',
  nativeDecimals: 9,
  chainId: { mainnet: -239, testnet: -3 },
  confirmations: {
    default: 1,
    why: 'A masterchain block is final once committed by BFT consensus, so one is enough.',
  },
  explorer: {
    mainnet: { tx: 'https://tonviewer.com/transaction/{tx}', address: 'https://tonviewer.com/{address}' },
    testnet: {
      tx: 'https://testnet.tonviewer.com/transaction/{tx}',
      address: 'https://testnet.tonviewer.com/{address}',
    },
  },
  tokens: [],
} as const satisfies NetworkDefinition
