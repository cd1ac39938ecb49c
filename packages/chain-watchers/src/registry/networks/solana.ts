import type { NetworkDefinition } from '../types.js'

export const solana = {
  id: 'solana',
  name: 'Solana',
  family: 'solana',
  nativeAsset: 'SOL',
  nativeDecimals: 9,
  chainId: {},
  confirmations: {
    default: 32,
    why: "32 slots is Solana's 'finalized' commitment (supermajority-rooted); 'confirmed' alone has never been rolled back but is not final.",
  },
  explorer: {
    mainnet: { tx: 'https://solscan.io/tx/{tx}', address: 'https://solscan.io/account/{address}' },
    testnet: {
      tx: 'https://solscan.io/tx/{tx}?cluster=devnet',
      address: 'https://solscan.io/account/{address}?cluster=devnet',
    },
  },
  tokens: [
    {
      asset: 'USDC',
      contract: {
        mainnet: 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v',
        testnet: '4zMMC9srt5Ri5X14GAgXhaHii3GnPAEERYPJgZJDncDU',
      },
      decimals: 6,
    },
  ],
} as const satisfies NetworkDefinition
