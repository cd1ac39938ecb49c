import type { NetworkDefinition } from '../types.js'

export const arbitrum = {
  id: 'arbitrum',
  name: 'Arbitrum One',
  family: 'evm',
  nativeAsset: 'ETH',
  nativeDecimals: 18,
  chainId: { mainnet: 42161, testnet: 421614, regtest: 31337 },
  confirmations: {
    default: 20,
    why: 'The sequencer orders blocks every ~0.25 s and does not reorg them in practice; 20 blocks (~5 s) covers a sequencer hiccup.',
  },
  explorer: {
    mainnet: { tx: 'https://arbiscan.io/tx/{tx}', address: 'https://arbiscan.io/address/{address}' },
    testnet: {
      tx: 'https://sepolia.arbiscan.io/tx/{tx}',
      address: 'https://sepolia.arbiscan.io/address/{address}',
    },
  },
  tokens: [
    {
      asset: 'USDT',
      contract: { mainnet: '0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9' },
      decimals: 6,
    },
    {
      asset: 'USDC',
      contract: {
        mainnet: '0xaf88d065e77c8cC2239327C5EDb3A432268e5831',
        testnet: '0x75faf114eafb1BDbe2F0316DF893fd58CE46AA4d',
      },
      decimals: 6,
    },
  ],
} as const satisfies NetworkDefinition
