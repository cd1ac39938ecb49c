import type { NetworkDefinition } from '../types.js'

export const bsc = {
  id: 'bsc',
  name: 'BNB Smart Chain',
  family: 'evm',
  nativeAsset: 'BNB',
  nativeDecimals: 18,
  chainId: { mainnet: 56, testnet: 97, regtest: 31337 },
  confirmations: {
    default: 15,
    why: 'Fast finality makes a block final after ~2 more; 15 blocks (~11 s at 0.75 s blocks) leaves margin for a slow vote round.',
  },
  explorer: {
    mainnet: { tx: 'https://bscscan.com/tx/{tx}', address: 'https://bscscan.com/address/{address}' },
    testnet: {
      tx: 'https://testnet.bscscan.com/tx/{tx}',
      address: 'https://testnet.bscscan.com/address/{address}',
    },
  },
  // Binance-peg stablecoins on BSC use 18 decimals, unlike their 6-decimal originals.
  tokens: [
    {
      asset: 'USDT',
      contract: {
        mainnet: '0x55d398326f99059fF775485246999027B3197955',
        testnet: '0x337610d27c682E347C9cD60BD4b3b107C9d34dDd',
      },
      decimals: 18,
    },
    {
      asset: 'USDC',
      contract: {
        mainnet: '0x8AC76a51cc950d9822D68b83fE1Ad97B32Cd580d',
        testnet: '0x64544969ed7EBf5f083679233325356EbE738930',
      },
      decimals: 18,
    },
  ],
} as const satisfies NetworkDefinition
