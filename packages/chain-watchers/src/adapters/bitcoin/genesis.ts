import { WrongChainError } from '../../errors.js'
import type { NetworkMode } from '../../registry/types.js'

// Bitcoin has no chain id: the genesis block names the chain. Testnet mode accepts every public test chain
// (they share the tb1/m/n/2 address formats).
const GENESIS: Record<string, string> = {
  '000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f': 'main',
  '000000000933ea01ad0ee984209779baaec3ced90fa3f408719526f8d77f4943': 'testnet3',
  '00000000da84f2bafbbc53dee25a72ae507ff4914b867c565be350b0da8bf043': 'testnet4',
  '00000008819873e925422c1ff0f99f7cc9bbb232af63a077a480a3633bee1ef6': 'signet',
  '0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206': 'regtest',
}
const CHAINS: Record<NetworkMode, string[]> = {
  mainnet: ['main'],
  testnet: ['testnet3', 'testnet4', 'signet'],
  regtest: ['regtest'],
}

/** Throws WrongChainError unless the node's genesis block belongs to a chain of the mode. */
export function checkGenesis(mode: NetworkMode, url: string, genesisHash: string): void {
  const chain = GENESIS[genesisHash.toLowerCase()] ?? `unknown (genesis ${genesisHash})`
  const expected = CHAINS[mode]
  if (!expected.includes(chain)) throw new WrongChainError('bitcoin', url, expected.join(' or '), chain)
}
