import { InvalidInputError } from '../errors.js'
import { networks } from '../registry/index.js'
import type { NetworkId, NetworkMode } from '../registry/types.js'
import { type BitcoinScheme, type DerivedAddress, deriveFromBitcoinKey, parseBitcoinKey } from './bitcoin.js'
import { deriveEvmAddress } from './evm.js'
import { deriveTronAddress } from './tron.js'

export interface DeriveAddressParameters {
  network: NetworkId
  /** The merchant's account-level extended public key for that network. */
  xpub: string
  index: number
  mode: NetworkMode
  /** Bitcoin only: the script type of an xpub/tpub (BIP44 unless told). */
  scheme?: BitcoinScheme
  /** Accept a key that is not at account depth 3 (e.g. Electrum's m/0'). */
  anyDepth?: boolean
}

/** Derives the deposit address `index` for a network that uses per-customer addresses. */
export function deriveAddress({
  network,
  xpub,
  index,
  mode,
  scheme,
  anyDepth,
}: DeriveAddressParameters): DerivedAddress {
  const family = networks[network].family
  if (family === 'bitcoin')
    return deriveFromBitcoinKey(parseBitcoinKey({ xpub, mode, scheme, anyDepth }), index)
  if (scheme !== undefined && scheme !== 'bip44') {
    throw new InvalidInputError(`${networks[network].name} addresses have no ${scheme} scheme`)
  }
  if (family === 'evm') return deriveEvmAddress({ xpub, index, anyDepth })
  if (family === 'tron') return deriveTronAddress({ xpub, index, anyDepth })
  throw new InvalidInputError(`${networks[network].name} deposits are not derived from an xpub`, {
    details: 'Solana and TON pay the merchant wallet and tell customers apart by a reference or memo',
  })
}

/** Whether addresses on this network are derived from an xpub (Bitcoin, EVM networks, Tron). */
export function isDerivedNetwork(network: NetworkId): boolean {
  const family = networks[network].family
  return family === 'bitcoin' || family === 'evm' || family === 'tron'
}
