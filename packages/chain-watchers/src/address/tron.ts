import { tronBase58ToHex, tronHexToBase58 } from '../derive/tron.js'

/** The watch-set form of a Tron address: base58 T…. Also accepts the 41-prefixed hex form nodes return. */
export function normalizeTronAddress(address: string): string {
  if (/^(0x)?41[0-9a-fA-F]{40}$/.test(address)) return tronHexToBase58(address)
  tronBase58ToHex(address)
  return address
}
