import { InvalidInputError } from '../errors.js'
import { networks } from '../registry/index.js'
import type { NetworkId, NetworkMode } from '../registry/types.js'
import type { BitcoinScheme, DerivedAddress } from './bitcoin.js'
import { deriveFromBitcoinKey, parseBitcoinKey } from './bitcoin.js'
import { deriveAddress } from './derive-address.js'
import { type KeyPrefix, parseExtendedKey } from './extended-key.js'

export interface DescribeKeyOptions {
  /** How many receive addresses to show (the API shows 3). */
  count?: number
  scheme?: BitcoinScheme
  anyDepth?: boolean
}

/** What a merchant sees after pasting a key: its type, scheme and first addresses to compare with the wallet. */
export interface KeyDescription {
  network: NetworkId
  prefix: KeyPrefix
  scheme: BitcoinScheme
  depth: number
  addresses: (DerivedAddress & { index: number })[]
}

/** Validates an account key for a network and derives its first `count` receive addresses. */
export function describeKey(
  xpub: string,
  network: NetworkId,
  mode: NetworkMode,
  { count = 3, scheme, anyDepth }: DescribeKeyOptions = {},
): KeyDescription {
  if (!Number.isInteger(count) || count < 0 || count > 100) {
    throw new InvalidInputError(`Address count must be an integer from 0 to 100, got ${count}`)
  }
  const indexes = Array.from({ length: count }, (_, i) => i)
  if (networks[network].family === 'bitcoin') {
    const account = parseBitcoinKey({ xpub, mode, scheme, anyDepth })
    return {
      network,
      prefix: account.key.prefix,
      scheme: account.scheme,
      depth: account.key.depth,
      addresses: indexes.map((index) => ({ index, ...deriveFromBitcoinKey(account, index) })),
    }
  }
  const first = deriveAddress({ network, xpub, index: 0, mode, scheme, anyDepth })
  const key = parseExtendedKey(xpub, { anyDepth })
  return {
    network,
    prefix: key.prefix,
    scheme: first.scheme,
    depth: key.depth,
    addresses: indexes.map((index) =>
      index === 0
        ? { index, ...first }
        : { index, ...deriveAddress({ network, xpub, index, mode, anyDepth }) },
    ),
  }
}
