import { sha256 } from '@noble/hashes/sha2.js'
import { base58 } from '@scure/base'
import { HDKey } from '@scure/bip32'
import { InvalidInputError } from '../errors.js'

/** The Bitcoin script types Coinbook derives, named by the BIP that fixes their derivation path. */
export type BitcoinScheme = 'bip44' | 'bip49' | 'bip84' | 'bip86'

/** SLIP-132 prefixes of single-signature account public keys. */
export type KeyPrefix = 'xpub' | 'ypub' | 'zpub' | 'tpub' | 'upub' | 'vpub'

interface VersionInfo {
  prefix: KeyPrefix
  /** Which chains the key is meant for: mainnet keys, or keys for testnet and regtest. */
  chain: 'mainnet' | 'testnet'
  /** The script type SLIP-132 implies. xpub/tpub say nothing, so they default to BIP44. */
  scheme: BitcoinScheme
}

// SLIP-132 version bytes (https://github.com/satoshilabs/slips/blob/master/slip-0132.md).
const PUBLIC_VERSIONS = new Map<number, VersionInfo>([
  [0x0488b21e, { prefix: 'xpub', chain: 'mainnet', scheme: 'bip44' }],
  [0x049d7cb2, { prefix: 'ypub', chain: 'mainnet', scheme: 'bip49' }],
  [0x04b24746, { prefix: 'zpub', chain: 'mainnet', scheme: 'bip84' }],
  [0x043587cf, { prefix: 'tpub', chain: 'testnet', scheme: 'bip44' }],
  [0x044a5262, { prefix: 'upub', chain: 'testnet', scheme: 'bip49' }],
  [0x045f1cf6, { prefix: 'vpub', chain: 'testnet', scheme: 'bip84' }],
])
const PRIVATE_VERSIONS = new Map<number, string>([
  [0x0488ade4, 'xprv'],
  [0x049d7878, 'yprv'],
  [0x04b2430c, 'zprv'],
  [0x0295b005, 'Yprv'],
  [0x02aa7a99, 'Zprv'],
  [0x04358394, 'tprv'],
  [0x044a4e28, 'uprv'],
  [0x045f18bc, 'vprv'],
  [0x024285b5, 'Uprv'],
  [0x02575048, 'Vprv'],
])
const MULTISIG_VERSIONS = new Map<number, string>([
  [0x0295b43f, 'Ypub'],
  [0x02aa7ed3, 'Zpub'],
  [0x024289ef, 'Upub'],
  [0x02575483, 'Vpub'],
])

const HARDENED = 0x80000000
/** Depth of m/purpose'/coin'/account', the key wallets export for watch-only use. */
export const ACCOUNT_DEPTH = 3

/** A decoded account-level extended public key, ready to derive children from. */
export interface ExtendedPublicKey extends VersionInfo {
  depth: number
  /** The key's own child number (hardened ones include the 0x80000000 bit). */
  childNumber: number
  hdkey: HDKey
}

export interface ParseExtendedKeyOptions {
  /**
   * Accept keys that are not at depth 3. Off by default because a root or address-level key pasted by
   * mistake derives addresses the merchant's wallet never shows; Electrum's depth-1 keys (m/0') need it.
   */
  anyDepth?: boolean
}

/** Decodes an xpub/ypub/zpub/tpub/upub/vpub, rejecting private keys, bad checksums and non-account depths. */
export function parseExtendedKey(text: string, options: ParseExtendedKeyOptions = {}): ExtendedPublicKey {
  const trimmed = text.trim()
  let bytes: Uint8Array
  try {
    bytes = base58.decode(trimmed)
  } catch (cause) {
    throw new InvalidInputError('Not an extended public key: it is not base58 text', { cause })
  }
  if (bytes.length !== 82) {
    throw new InvalidInputError('Not an extended public key: wrong length', {
      details: `expected 82 decoded bytes, got ${bytes.length}`,
    })
  }
  const payload = bytes.subarray(0, 78)
  const checksum = sha256(sha256(payload)).subarray(0, 4)
  if (!checksum.every((b, i) => b === bytes[78 + i])) {
    throw new InvalidInputError('Invalid extended key checksum: a character was mistyped or lost')
  }
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength)
  const version = view.getUint32(0, false)
  const privateName = PRIVATE_VERSIONS.get(version)
  if (privateName !== undefined || payload[45] === 0) {
    throw new InvalidInputError(
      `This is a private key (${privateName ?? 'extended private key'}); paste the public key instead`,
      {
        details: 'Coinbook only needs the account public key (xpub/ypub/zpub) and never stores private keys',
      },
    )
  }
  const multisig = MULTISIG_VERSIONS.get(version)
  if (multisig !== undefined) {
    throw new InvalidInputError(`A ${multisig} is a multisig key; Coinbook supports single-signature wallets`)
  }
  const info = PUBLIC_VERSIONS.get(version)
  if (!info) {
    throw new InvalidInputError('Unknown extended key version', {
      details: `version bytes 0x${version.toString(16).padStart(8, '0')} are not a SLIP-132 public key`,
    })
  }
  const depth = payload[4]!
  if (depth !== ACCOUNT_DEPTH && !options.anyDepth) {
    throw new InvalidInputError(`Account-level key expected (depth 3), got depth ${depth}`, {
      details: "export the key of m/purpose'/coin'/account' (e.g. m/84'/0'/0') from your wallet",
    })
  }
  let hdkey: HDKey
  try {
    hdkey = new HDKey({
      versions: { public: version, private: 0 },
      depth,
      parentFingerprint: view.getUint32(5, false),
      index: view.getUint32(9, false),
      chainCode: payload.slice(13, 45),
      publicKey: payload.slice(45, 78),
    })
  } catch (cause) {
    throw new InvalidInputError('Not an extended public key: the key is not a valid curve point', { cause })
  }
  return { ...info, depth, childNumber: hdkey.index, hdkey }
}

/**
 * The path of receive address `index` under `key`, e.g. m/84'/0'/0'/0/5. Levels above a non-account key
 * that the key does not reveal are written "?".
 */
export function receivePath(
  key: ExtendedPublicKey,
  purpose: number,
  coinType: number,
  index: number,
): string {
  const own = formatChildNumber(key.childNumber)
  const head =
    key.depth === ACCOUNT_DEPTH
      ? `m/${purpose}'/${coinType}'/${own}`
      : key.depth === 0
        ? 'm'
        : `m/${'?/'.repeat(key.depth - 1)}${own}`
  return `${head}/0/${index}`
}

/** Public key of receive address `index` (chain 0; the change chain is never used for deposits). */
export function receivePublicKey(key: ExtendedPublicKey, index: number): Uint8Array {
  assertIndex(index)
  const publicKey = receiveChain(key).deriveChild(index).publicKey
  if (!publicKey) throw new InvalidInputError('Derivation produced no public key')
  return publicKey
}

/** Throws unless `index` is a non-hardened BIP32 child number (0 … 2^31-1). */
export function assertIndex(index: number): void {
  if (!Number.isSafeInteger(index) || index < 0 || index >= HARDENED) {
    throw new InvalidInputError(`Derivation index must be an integer from 0 to ${HARDENED - 1}, got ${index}`)
  }
}

function formatChildNumber(n: number): string {
  return n >= HARDENED ? `${n - HARDENED}'` : `${n}`
}

// The receive-chain node costs one EC multiplication; deposit allocation derives from the same few keys.
const receiveChains = new Map<string, HDKey>()
const RECEIVE_CACHE_SIZE = 64

function receiveChain(key: ExtendedPublicKey): HDKey {
  const id = key.hdkey.publicExtendedKey
  let chain = receiveChains.get(id)
  if (!chain) {
    chain = key.hdkey.deriveChild(0)
    if (receiveChains.size >= RECEIVE_CACHE_SIZE) {
      const oldest = receiveChains.keys().next().value
      if (oldest !== undefined) receiveChains.delete(oldest)
    }
    receiveChains.set(id, chain)
  }
  return chain
}

/** Parses an account key for a non-Bitcoin chain, where only the script-neutral xpub/tpub forms make sense. */
export function parsePlainExtendedKey(
  text: string,
  chainName: string,
  accountPath: string,
  options: ParseExtendedKeyOptions = {},
): ExtendedPublicKey {
  const key = parseExtendedKey(text, options)
  if (key.prefix !== 'xpub' && key.prefix !== 'tpub') {
    throw new InvalidInputError(
      `A ${key.prefix} is a Bitcoin ${key.scheme.toUpperCase()} key; for ${chainName} paste the xpub of ${accountPath}`,
    )
  }
  return key
}
