import { hex } from '@scure/base'
import { getAddress } from 'viem'
import type { DerivedAddress } from './bitcoin.js'
import {
  type ParseExtendedKeyOptions,
  parsePlainExtendedKey,
  receivePath,
  receivePublicKey,
} from './extended-key.js'
import { keccakAccountId } from './public-key.js'

export interface DeriveEvmAddressParameters extends ParseExtendedKeyOptions {
  /** The account key of m/44'/60'/0' (xpub; a tpub works the same, version bytes mean nothing on EVM). */
  xpub: string
  index: number
}

/** The EIP-55 checksummed EVM address m/44'/60'/account'/0/index of an account xpub. */
export function deriveEvmAddress({ xpub, index, anyDepth }: DeriveEvmAddressParameters): DerivedAddress {
  const key = parsePlainExtendedKey(xpub, 'EVM networks', "m/44'/60'/0'", { anyDepth })
  const id = keccakAccountId(receivePublicKey(key, index))
  return {
    address: getAddress(`0x${hex.encode(id)}`),
    path: receivePath(key, 44, 60, index),
    scheme: 'bip44',
  }
}
