import { base58 } from '@scure/base'
import { InvalidInputError } from '../errors.js'

/**
 * A Solana address is the base58 text of 32 bytes; it need not be on the curve (program-derived addresses
 * are not). Base58 has one spelling per byte string, so the input is already canonical.
 */
export function normalizeSolanaAddress(address: string): string {
  let bytes: Uint8Array
  try {
    bytes = base58.decode(address)
  } catch (cause) {
    throw new InvalidInputError('Not a Solana address: it is not base58 text', { cause })
  }
  if (bytes.length !== 32) {
    throw new InvalidInputError(`Not a Solana address: it decodes to ${bytes.length} bytes, not 32`)
  }
  return address
}
