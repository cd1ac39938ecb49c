import { type Network, payments } from 'bitcoinjs-lib'
import { InvalidInputError } from '../errors.js'
import type { NetworkMode } from '../registry/types.js'
import { bitcoinNetwork, ensureEccLib } from './bitcoin-network.js'
import {
  type BitcoinScheme,
  type ExtendedPublicKey,
  type ParseExtendedKeyOptions,
  parseExtendedKey,
  receivePath,
  receivePublicKey,
} from './extended-key.js'

export type { BitcoinScheme } from './extended-key.js'

/** An address derived from an account key, with the path a wallet shows for it. */
export interface DerivedAddress {
  address: string
  /** e.g. m/84'/0'/0'/0/5 (coin type 1 on testnet and regtest). */
  path: string
  scheme: BitcoinScheme
}

export interface ParseBitcoinKeyParameters extends ParseExtendedKeyOptions {
  xpub: string
  mode: NetworkMode
  /** Script type for an xpub/tpub, which SLIP-132 leaves open (BIP44 unless told). Must agree with y/z keys. */
  scheme?: BitcoinScheme
}

/** A Bitcoin account key with the script type and network it derives for. */
export interface BitcoinAccountKey {
  key: ExtendedPublicKey
  scheme: BitcoinScheme
  network: Network
  mode: NetworkMode
}

export type DeriveBitcoinAddressParameters = ParseBitcoinKeyParameters & { index: number }

const PURPOSE: Record<BitcoinScheme, number> = { bip44: 44, bip49: 49, bip84: 84, bip86: 86 }
const SCHEMES = Object.keys(PURPOSE) as BitcoinScheme[]

/** Reads a Bitcoin account key: its SLIP-132 version picks the script type and must suit the mode. */
export function parseBitcoinKey({
  xpub,
  mode,
  scheme,
  anyDepth,
}: ParseBitcoinKeyParameters): BitcoinAccountKey {
  if (scheme !== undefined && !SCHEMES.includes(scheme)) {
    throw new InvalidInputError(`Unknown Bitcoin derivation scheme "${scheme}"`, {
      details: `expected one of ${SCHEMES.join(', ')}`,
    })
  }
  const key = parseExtendedKey(xpub, { anyDepth })
  const wanted = mode === 'mainnet' ? 'mainnet' : 'testnet'
  if (key.chain !== wanted) {
    const hint = mode === 'mainnet' ? 'xpub/ypub/zpub' : 'tpub/upub/vpub'
    throw new InvalidInputError(
      `A ${key.chain} key (${key.prefix}) cannot be used in ${mode} mode; paste a ${hint} key`,
    )
  }
  const generic = key.prefix === 'xpub' || key.prefix === 'tpub'
  if (scheme !== undefined && !generic && scheme !== key.scheme) {
    throw new InvalidInputError(
      `A ${key.prefix} is a ${key.scheme.toUpperCase()} key; it cannot derive ${scheme.toUpperCase()} addresses`,
    )
  }
  return { key, scheme: scheme ?? key.scheme, network: bitcoinNetwork(mode), mode }
}

/** The Bitcoin receive address at `index` of an account key (BIP44 p2pkh, BIP49 p2sh-p2wpkh, BIP84 p2wpkh, BIP86 p2tr). */
export function deriveBitcoinAddress(parameters: DeriveBitcoinAddressParameters): DerivedAddress {
  return deriveFromBitcoinKey(parseBitcoinKey(parameters), parameters.index)
}

/** Derives receive address `index` from an already parsed account key (for deriving many in a row). */
export function deriveFromBitcoinKey(account: BitcoinAccountKey, index: number): DerivedAddress {
  const pubkey = receivePublicKey(account.key, index)
  const address = bitcoinAddress(account.scheme, pubkey, account.network)
  const coinType = account.mode === 'mainnet' ? 0 : 1
  return {
    address,
    path: receivePath(account.key, PURPOSE[account.scheme], coinType, index),
    scheme: account.scheme,
  }
}

function bitcoinAddress(scheme: BitcoinScheme, pubkey: Uint8Array, network: Network): string {
  let address: string | undefined
  switch (scheme) {
    case 'bip44':
      address = payments.p2pkh({ pubkey, network }).address
      break
    case 'bip49':
      address = payments.p2sh({ redeem: payments.p2wpkh({ pubkey, network }), network }).address
      break
    case 'bip84':
      address = payments.p2wpkh({ pubkey, network }).address
      break
    case 'bip86':
      ensureEccLib()
      // BIP86: the x-only internal key, tweaked with no script tree.
      address = payments.p2tr({ internalPubkey: pubkey.subarray(1, 33), network }).address
      break
  }
  if (!address) throw new InvalidInputError(`Could not build a ${scheme} address`)
  return address
}
