import {
  ChainError,
  type NetworkId,
  type NetworkMode,
  networks,
  normalizeAddress,
} from '@coinbook/chain-watchers'
import { ValidationError } from '../../../errors.js'

/**
 * The normalised form of an address a merchant typed for a network, checked the way the chain watchers
 * check deposit addresses (checksums, lengths, prefixes, and the deployment's mode); a 400 naming `path`
 * otherwise.
 */
export function validateAddress(network: NetworkId, address: string, mode: NetworkMode, path = 'address') {
  try {
    return normalizeAddress(network, address, mode)
  } catch (err) {
    if (!(err instanceof ChainError)) throw err
    throw new ValidationError(`Not a ${networks[network].name} address`, [
      { path, message: `is not a valid ${networks[network].name} address: ${err.shortMessage}` },
    ])
  }
}
