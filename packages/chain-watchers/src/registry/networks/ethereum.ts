import type { NetworkDefinition } from '../types.js'

export const ethereum = {
  id: 'ethereum',
  name: 'Ethereum',
  family: 'evm',
  nativeAsset: 'ETH',
  nativeDecimals: 18,
  chainId: { mainnet: 1, testnet: 11155111, regtest: 31337 },
  confirmations: {
    default: 12,
    why: 'Twelve blocks (~2.5 min) are past every reorg seen since the merge, without waiting the ~13 min of full finality.',
  },
  explorer: {
    mainnet: { tx: 'https://etherscan.io/tx/{tx}', address: 'https://etherscan.io/address/{address}' },
    testnet: {
      tx: 'https://sepolia.etherscan.io/tx/{tx}',
      address: 'https://sepolia.etherscan.io/address/{address}',
    },
  },
  tokens: [
    {
      asset: 'USDT',
      contract: { mainnet: '0xdAC17F958D2ee523a2206206994597C13D831ec7' },
      decimals: 6,
    },
    {
      asset: 'USDC',
      contract: {
        mainnet: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
        testnet: '0x1c7D4B196Cb0C7B01d743Fbc6116a902379C7238',
      },
      decimals: 6,
    },
  ],
} as const satisfies NetworkDefinition
