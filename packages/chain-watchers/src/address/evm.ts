import { isAddress } from 'viem'
import { InvalidInputError } from '../errors.js'

/**
 * The watch-set form of an EVM address: lowercase 0x hex. Mixed-case input must carry a valid EIP-55
 * checksum; all-lowercase or all-uppercase hex has none to check.
 */
export function normalizeEvmAddress(address: string): string {
  if (!isAddress(address, { strict: true })) {
    throw new InvalidInputError(
      /^0x[0-9a-fA-F]{40}$/.test(address)
        ? 'Invalid EIP-55 checksum: a letter of the address has the wrong case'
        : 'Not an EVM address: expected 0x and 40 hex digits',
      { details: `address ${JSON.stringify(address)}` },
    )
  }
  return address.toLowerCase()
}
