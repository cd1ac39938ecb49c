import { address as bitcoinAddress } from 'bitcoinjs-lib'
import { bitcoinNetwork, ensureEccLib } from '../derive/bitcoin-network.js'
import { InvalidInputError } from '../errors.js'
import type { NetworkMode } from '../registry/types.js'

const MODES: NetworkMode[] = ['mainnet', 'testnet', 'regtest']
const BECH32 = /^(bc|tb|bcrt)1/i

function validFor(address: string, mode: NetworkMode): boolean {
  try {
    ensureEccLib()
    // Witness versions 2-16 have no meaning yet: no wallet derives them, and paying one may burn the coins.
    if (BECH32.test(address) && bitcoinAddress.fromBech32(address).version > 1) return false
    bitcoinAddress.toOutputScript(address, bitcoinNetwork(mode))
    return true
  } catch {
    return false
  }
}

/**
 * The watch-set form of a Bitcoin address: bech32/bech32m lowercased (BIP173 allows all-uppercase in QR
 * codes), base58 unchanged. Checked against `mode`'s network, or any network when no mode is given.
 */
export function normalizeBitcoinAddress(address: string, mode?: NetworkMode): string {
  const candidates = mode ? [mode] : MODES
  if (!candidates.some((m) => validFor(address, m))) {
    const other = mode ? MODES.find((m) => m !== mode && validFor(address, m)) : undefined
    throw new InvalidInputError(
      other
        ? `This Bitcoin address is for ${other}, not ${mode}`
        : 'Not a Bitcoin address: bad checksum, length or prefix',
      { details: `address ${JSON.stringify(address)}` },
    )
  }
  return BECH32.test(address) ? address.toLowerCase() : address
}
