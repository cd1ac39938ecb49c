import type { ChainHead } from '../types.js'
import type { BitcoinBackend } from './backend.js'

/** The best block: height, hash and time. */
export async function getHead(backend: BitcoinBackend): Promise<ChainHead> {
  const tip = await backend.getTip()
  return { number: BigInt(tip.height), hash: tip.hash, timestamp: tip.time }
}
