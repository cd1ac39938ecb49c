// Test-only: derives account keys from a mnemonic the way a wallet would, so tests can hand the code
// under test nothing but the public account key.
import { HDKey } from '@scure/bip32'
import { mnemonicToSeedSync } from '@scure/bip39'

/** The mnemonic of the BIP84/BIP86/SLIP-132 test vectors. */
export const ABANDON_ABOUT =
  'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about'

/** SLIP-132 version bytes by prefix, public and private. */
export const VERSIONS = {
  xpub: { public: 0x0488b21e, private: 0x0488ade4 },
  ypub: { public: 0x049d7cb2, private: 0x049d7878 },
  zpub: { public: 0x04b24746, private: 0x04b2430c },
  tpub: { public: 0x043587cf, private: 0x04358394 },
  upub: { public: 0x044a5262, private: 0x044a4e28 },
  vpub: { public: 0x045f1cf6, private: 0x045f18bc },
  Zpub: { public: 0x02aa7ed3, private: 0x02aa7a99 },
} as const

const seeds = new Map<string, Uint8Array>()

function node(path: string, prefix: keyof typeof VERSIONS, mnemonic: string): HDKey {
  let seed = seeds.get(mnemonic)
  if (!seed) {
    seed = mnemonicToSeedSync(mnemonic)
    seeds.set(mnemonic, seed)
  }
  return HDKey.fromMasterSeed(seed, VERSIONS[prefix]).derive(path)
}

/** The extended public key at `path` of the mnemonic, serialised with the given SLIP-132 prefix. */
export function publicKeyAt(
  path: string,
  prefix: keyof typeof VERSIONS = 'xpub',
  mnemonic = ABANDON_ABOUT,
): string {
  return node(path, prefix, mnemonic).publicExtendedKey
}

/** The extended private key at `path` (to check that private keys are refused). */
export function privateKeyAt(
  path: string,
  prefix: keyof typeof VERSIONS = 'xpub',
  mnemonic = ABANDON_ABOUT,
): string {
  return node(path, prefix, mnemonic).privateExtendedKey
}

/** The compressed public key of a full path, derived with the private key (the independent route). */
export function childPublicKey(path: string, mnemonic = ABANDON_ABOUT): Uint8Array {
  return node(path, 'xpub', mnemonic).publicKey!
}

/** The private key of a full path as 0x hex (for deriving addresses the independent way, with viem). */
export function childPrivateKeyHex(path: string, mnemonic = ABANDON_ABOUT): `0x${string}` {
  const key = node(path, 'xpub', mnemonic).privateKey!
  return `0x${Array.from(key, (b) => b.toString(16).padStart(2, '0')).join('')}`
}
