import { WrongChainError } from '../../errors.js'
import type { NetworkMode } from '../../registry/types.js'
import type { ToncenterBlockId } from './toncenter.js'

// The root hashes of the masterchain zerostates, from the networks' global configs.
const ZEROSTATE: Partial<Record<NetworkMode, string>> = {
  mainnet: 'F6OpKZKqvqeFp6CQmFomXNMfMj2EnaUSOXN+Mh+wVWk=',
  testnet: 'gj+B8wb/AmlPk1z1AhVI484rhrUpgSr2oSFIh56VoSg=',
}

/**
 * Throws WrongChainError when a node's network did not start from the mode's zerostate (a testnet URL in
 * mainnet mode). Regtest nodes (a local network) are not checked.
 */
export function checkZerostate(mode: NetworkMode, url: string, init: ToncenterBlockId): void {
  const expected = ZEROSTATE[mode]
  if (expected !== undefined && init.root_hash !== expected) {
    throw new WrongChainError('ton', url, `${mode} (zerostate ${expected})`, `zerostate ${init.root_hash}`)
  }
}
