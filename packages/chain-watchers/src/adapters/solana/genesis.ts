import { WrongChainError } from '../../errors.js'
import type { NetworkMode } from '../../registry/types.js'

// The genesis hashes of the public clusters (getGenesisHash); a local validator makes a new one each time.
const CLUSTERS: Record<string, string> = {
  '5eykt4UsFv8P8NJdTREpY1vzqKqZKvdpKuc147dw2N9d': 'mainnet-beta',
  EtWTRABZaYq6iMfeYKouRu166VU2xqa1wcaWoxPkrZBG: 'devnet',
  '4uhcVJyU9pJkvQyS88uRDiswHXSCkY3zQawwpjk2NsNY': 'testnet',
}

/** Throws WrongChainError unless the node's cluster belongs to the mode (regtest: any local cluster). */
export function checkGenesis(mode: NetworkMode, url: string, genesisHash: string): void {
  const cluster = CLUSTERS[genesisHash] ?? 'local'
  const expected =
    mode === 'mainnet' ? ['mainnet-beta'] : mode === 'testnet' ? ['devnet', 'testnet'] : ['local']
  if (!expected.includes(cluster)) {
    const actual = cluster === 'local' ? `a local cluster (genesis ${genesisHash})` : cluster
    throw new WrongChainError('solana', url, expected.join(' or '), actual)
  }
}
