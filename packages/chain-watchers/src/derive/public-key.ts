import * as ecc from '@bitcoinerlab/secp256k1'
import { keccak_256 } from '@noble/hashes/sha3.js'

/** The 20-byte account id EVM and Tron share: the last 20 bytes of keccak256 of the uncompressed key. */
export function keccakAccountId(compressedPublicKey: Uint8Array): Uint8Array {
  const uncompressed = ecc.pointCompress(compressedPublicKey, false)
  return keccak_256(uncompressed.subarray(1)).subarray(12)
}
