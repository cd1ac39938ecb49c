import { tronHexToBase58 } from '../../derive/tron.js'

const HEX41 = /^41[0-9a-f]{40}$/

/** The base58 T… form of a 41-prefixed hex address (how raw_data names accounts); undefined otherwise. */
export function addressFromHex(hex: string): string | undefined {
  const lower = hex.toLowerCase()
  return HEX41.test(lower) ? tronHexToBase58(lower) : undefined
}

/**
 * The base58 T… form of an EVM-style address: a log's 20-byte `address`, or the low 20 bytes of a 32-byte
 * topic or ABI word. The TVM drops the 0x41 prefix there, so it is put back.
 */
export function addressFromWord(word: string): string {
  return tronHexToBase58(`41${word.slice(-40)}`)
}
