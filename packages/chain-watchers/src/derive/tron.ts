import { sha256 } from '@noble/hashes/sha2.js'
import { createBase58check, hex } from '@scure/base'
import { InvalidInputError } from '../errors.js'
import type { DerivedAddress } from './bitcoin.js'
import {
  type ParseExtendedKeyOptions,
  parsePlainExtendedKey,
  receivePath,
  receivePublicKey,
} from './extended-key.js'
import { keccakAccountId } from './public-key.js'

const base58check = createBase58check(sha256)
/** Every Tron account id starts with this byte (mainnet and the Nile/Shasta testnets alike). */
const TRON_PREFIX = 0x41

export interface DeriveTronAddressParameters extends ParseExtendedKeyOptions {
  /** The account key of m/44'/195'/0'. */
  xpub: string
  index: number
}

/** The Tron address (base58 T…) m/44'/195'/account'/0/index of an account xpub. */
export function deriveTronAddress({ xpub, index, anyDepth }: DeriveTronAddressParameters): DerivedAddress {
  const key = parsePlainExtendedKey(xpub, 'Tron', "m/44'/195'/0'", { anyDepth })
  const id = keccakAccountId(receivePublicKey(key, index))
  const bytes = new Uint8Array(21)
  bytes[0] = TRON_PREFIX
  bytes.set(id, 1)
  return { address: base58check.encode(bytes), path: receivePath(key, 44, 195, index), scheme: 'bip44' }
}

/** Converts Tron's hex form ("41" + 40 hex digits, "0x" allowed) to the base58 T… form. */
export function tronHexToBase58(value: string): string {
  const digits = value.startsWith('0x') || value.startsWith('0X') ? value.slice(2) : value
  if (!/^41[0-9a-fA-F]{40}$/.test(digits)) {
    throw new InvalidInputError(`Not a Tron hex address: ${value}`, {
      details: 'expected 41 followed by 40 hex digits',
    })
  }
  return base58check.encode(hex.decode(digits.toLowerCase()))
}

/** Converts a base58 T… Tron address to its lowercase 41-prefixed hex form, checking the checksum. */
export function tronBase58ToHex(address: string): string {
  let bytes: Uint8Array
  try {
    bytes = base58check.decode(address)
  } catch (cause) {
    throw new InvalidInputError(`Not a Tron address: ${address}`, {
      details: 'bad base58 or checksum',
      cause,
    })
  }
  if (bytes.length !== 21 || bytes[0] !== TRON_PREFIX) {
    throw new InvalidInputError(`Not a Tron address: ${address}`, {
      details: 'expected 21 bytes starting with 0x41',
    })
  }
  return hex.encode(bytes)
}
