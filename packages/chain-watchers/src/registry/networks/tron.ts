import type { NetworkDefinition } from '../types.js'

export const tron = {
  id: 'tron',
  name: 'Tron',
  family: 'tron',
  nativeAsset: 'TRX',
  nativeDecimals: 6,
  chainId: { mainnet: 728126428, testnet: 3448148188 },
  confirmations: {
    default: 19,
    why: 'A Tron block is solidified (irreversible) once 19 of the 27 super representatives have built on it (~57 s).',
  },
  explorer: {
    mainnet: {
      tx: 'https://tronscan.org/#/transaction/{tx}',
      address: 'https://tronscan.org/#/address/{address}',
    },
    testnet: {
      tx: 'https://nile.tronscan.org/#/transaction/{tx}',
      address: 'https://nile.tronscan.org/#/address/{address}',
    },
  },
  tokens: [
    {
      asset: 'USDT',
      contract: {
        mainnet: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
        testnet: 'TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf',
      },
      decimals: 6,
    },
  ],
} as const satisfies NetworkDefinition
