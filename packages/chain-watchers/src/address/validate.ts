import { InvalidInputError } from '../errors.js'
import { networks } from '../registry/index.js'
import type { NetworkId, NetworkMode } from '../registry/types.js'
import { normalizeBitcoinAddress } from './bitcoin.js'
import { normalizeEvmAddress } from './evm.js'
import { normalizeSolanaAddress } from './solana.js'
import { normalizeTonAddress } from './ton.js'
import { normalizeTronAddress } from './tron.js'

/**
 * The canonical form of an address, used as its watch-set and database key: EVM lowercase hex, Bitcoin
 * bech32 lowercase (base58 as is), Tron base58 T…, Solana base58, TON raw "wc:hex". Throws
 * InvalidInputError when the address is not valid on the network; with `mode`, also when it belongs to
 * another mode (a testnet address in mainnet mode).
 */
export function normalizeAddress(network: NetworkId, address: string, mode?: NetworkMode): string {
  if (typeof address !== 'string' || address.length === 0 || address.length > 128) {
    throw new InvalidInputError(`Not a ${networks[network].name} address: empty or too long`)
  }
  switch (networks[network].family) {
    case 'bitcoin':
      return normalizeBitcoinAddress(address, mode)
    case 'evm':
      return normalizeEvmAddress(address)
    case 'tron':
      return normalizeTronAddress(address)
    case 'solana':
      return normalizeSolanaAddress(address)
    case 'ton':
      return normalizeTonAddress(address, mode)
  }
}

/** Whether `address` is a valid address of `network` in `mode` (checksums, lengths and prefixes). */
export function isValidAddress(network: NetworkId, address: string, mode: NetworkMode): boolean {
  try {
    normalizeAddress(network, address, mode)
    return true
  } catch (error) {
    if (error instanceof InvalidInputError) return false
    throw error
  }
}
