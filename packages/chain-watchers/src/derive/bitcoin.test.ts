import { payments } from 'bitcoinjs-lib'
import { describe, expect, it } from 'vitest'
import { InvalidInputError } from '../errors.js'
import { childPublicKey, privateKeyAt, publicKeyAt } from './account-keys.fixture.js'
import { deriveBitcoinAddress, parseBitcoinKey } from './bitcoin.js'
import { bitcoinNetwork } from './bitcoin-network.js'

// Published account keys of the mnemonic "abandon ×11 about".
// BIP84 test vectors (bips/bip-0084.mediawiki) and SLIP-132 test vectors (slips/slip-0132.md).
const BIP84_ZPUB =
  'zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSdVCToUG868RvUUkgDKf31mGDtKsAYz2oz2AGutZYs'
const SLIP132_YPUB =
  'ypub6Ww3ibxVfGzLrAH1PNcjyAWenMTbbAosGNB6VvmSEgytSER9azLDWCxoJwW7Ke7icmizBMXrzBx9979FfaHxHcrArf3zbeJJJUZPf663zsP'
const SLIP132_XPUB =
  'xpub6BosfCnifzxcFwrSzQiqu2DBVTshkCXacvNsWGYJVVhhawA7d4R5WSWGFNbi8Aw6ZRc1brxMyWMzG3DSSSSoekkudhUd9yLb6qx39T9nMdj'
// BIP86 test vectors (bips/bip-0086.mediawiki).
const BIP86_XPUB =
  'xpub6BgBgsespWvERF3LHQu6CnqdvfEvtMcQjYrcRzx53QJjSxarj2afYWcLteoGVky7D3UKDP9QyrLprQ3VCECoY49yfdDEHGCtMMj92pReUsQ'

function expectInvalid(fn: () => unknown, message: RegExp) {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError)
    expect((error as InvalidInputError).shortMessage).toMatch(message)
    return
  }
  throw new Error('expected an InvalidInputError')
}

describe('deriveBitcoinAddress with the published vectors', () => {
  it('derives the BIP84 first and second receive addresses from the zpub', () => {
    expect(publicKeyAt("m/84'/0'/0'", 'zpub')).toBe(BIP84_ZPUB)
    expect(deriveBitcoinAddress({ xpub: BIP84_ZPUB, index: 0, mode: 'mainnet' })).toEqual({
      address: 'bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu',
      path: "m/84'/0'/0'/0/0",
      scheme: 'bip84',
    })
    expect(deriveBitcoinAddress({ xpub: BIP84_ZPUB, index: 1, mode: 'mainnet' }).address).toBe(
      'bc1qnjg0jd8228aq7egyzacy8cys3knf9xvrerkf9g',
    )
  })

  it('derives the SLIP-132 BIP49 address from the ypub as nested segwit', () => {
    expect(publicKeyAt("m/49'/0'/0'", 'ypub')).toBe(SLIP132_YPUB)
    expect(deriveBitcoinAddress({ xpub: SLIP132_YPUB, index: 0, mode: 'mainnet' })).toEqual({
      address: '37VucYSaXLCAsxYyAPfbSi9eh4iEcbShgf',
      path: "m/49'/0'/0'/0/0",
      scheme: 'bip49',
    })
  })

  it("derives BIP49's own testnet vector from the upub of m/49'/1'/0'", () => {
    const upub = publicKeyAt("m/49'/1'/0'", 'upub')
    expect(deriveBitcoinAddress({ xpub: upub, index: 0, mode: 'testnet' })).toEqual({
      address: '2Mww8dCYPUpKHofjgcXcBCEGmniw9CoaiD2',
      path: "m/49'/1'/0'/0/0",
      scheme: 'bip49',
    })
  })

  it('derives the SLIP-132 BIP44 legacy address from the xpub by default', () => {
    expect(publicKeyAt("m/44'/0'/0'")).toBe(SLIP132_XPUB)
    expect(deriveBitcoinAddress({ xpub: SLIP132_XPUB, index: 0, mode: 'mainnet' })).toEqual({
      address: '1LqBGSKuX5yYUonjxT5qGfpUsXKYYWeabA',
      path: "m/44'/0'/0'/0/0",
      scheme: 'bip44',
    })
  })

  it('derives the BIP86 taproot addresses from an xpub when told the scheme', () => {
    expect(publicKeyAt("m/86'/0'/0'")).toBe(BIP86_XPUB)
    expect(deriveBitcoinAddress({ xpub: BIP86_XPUB, index: 0, mode: 'mainnet', scheme: 'bip86' })).toEqual({
      address: 'bc1p5cyxnuxmeuwuvkwfem96lqzszd02n6xdcjrs20cac6yqjjwudpxqkedrcr',
      path: "m/86'/0'/0'/0/0",
      scheme: 'bip86',
    })
    expect(
      deriveBitcoinAddress({ xpub: BIP86_XPUB, index: 1, mode: 'mainnet', scheme: 'bip86' }).address,
    ).toBe('bc1p4qhjn9zdvkux4e44uhx8tc55attvtyu358kutcqkudyccelu0was9fqzwh')
  })
})

describe('SLIP-132 version bytes pick the script type', () => {
  const path = "m/84'/0'/0'"
  const asXpub = publicKeyAt(path, 'xpub')
  const asYpub = publicKeyAt(path, 'ypub')
  const asZpub = publicKeyAt(path, 'zpub')

  it('turns the same key into p2pkh, p2sh-p2wpkh and p2wpkh addresses by its prefix', () => {
    const pubkey = childPublicKey(`${path}/0/0`)
    const network = bitcoinNetwork('mainnet')
    expect(deriveBitcoinAddress({ xpub: asXpub, index: 0, mode: 'mainnet' }).address).toBe(
      payments.p2pkh({ pubkey, network }).address,
    )
    expect(deriveBitcoinAddress({ xpub: asYpub, index: 0, mode: 'mainnet' }).address).toBe(
      payments.p2sh({ redeem: payments.p2wpkh({ pubkey, network }), network }).address,
    )
    expect(deriveBitcoinAddress({ xpub: asZpub, index: 0, mode: 'mainnet' }).address).toBe(
      'bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu',
    )
  })

  it('lets an xpub derive BIP84 addresses when told, as wallets that export only xpubs need', () => {
    expect(deriveBitcoinAddress({ xpub: asXpub, index: 0, mode: 'mainnet', scheme: 'bip84' }).address).toBe(
      'bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu',
    )
  })

  it('refuses a scheme that contradicts the ypub/zpub prefix', () => {
    expectInvalid(
      () => deriveBitcoinAddress({ xpub: asZpub, index: 0, mode: 'mainnet', scheme: 'bip44' }),
      /zpub is a BIP84 key/,
    )
  })

  it('matches addresses derived through the private keys for the first twenty indexes', () => {
    const network = bitcoinNetwork('mainnet')
    for (let i = 0; i < 20; i++) {
      const expected = payments.p2wpkh({ pubkey: childPublicKey(`${path}/0/${i}`), network }).address
      expect(deriveBitcoinAddress({ xpub: BIP84_ZPUB, index: i, mode: 'mainnet' }).address).toBe(expected)
    }
  })
})

describe('testnet and regtest keys', () => {
  const vpub = publicKeyAt("m/84'/1'/0'", 'vpub')

  it('gives tb1 addresses on testnet and bcrt1 addresses on regtest from the same vpub', () => {
    const pubkey = childPublicKey("m/84'/1'/0'/0/2")
    const testnet = deriveBitcoinAddress({ xpub: vpub, index: 2, mode: 'testnet' })
    const regtest = deriveBitcoinAddress({ xpub: vpub, index: 2, mode: 'regtest' })
    expect(testnet.address).toBe(payments.p2wpkh({ pubkey, network: bitcoinNetwork('testnet') }).address)
    expect(testnet.address.startsWith('tb1q')).toBe(true)
    expect(regtest.address).toBe(payments.p2wpkh({ pubkey, network: bitcoinNetwork('regtest') }).address)
    expect(regtest.address.startsWith('bcrt1q')).toBe(true)
    expect(testnet.path).toBe("m/84'/1'/0'/0/2")
  })

  it('derives the widely published first testnet BIP84 address', () => {
    expect(deriveBitcoinAddress({ xpub: vpub, index: 0, mode: 'testnet' }).address).toBe(
      'tb1q6rz28mcfaxtmd6v789l9rrlrusdprr9pqcpvkl',
    )
  })

  it('derives regtest taproot addresses from a tpub', () => {
    const tpub = publicKeyAt("m/86'/1'/0'", 'tpub')
    const derived = deriveBitcoinAddress({ xpub: tpub, index: 0, mode: 'regtest', scheme: 'bip86' })
    expect(derived.address.startsWith('bcrt1p')).toBe(true)
    expect(derived.path).toBe("m/86'/1'/0'/0/0")
  })

  it('refuses a testnet key in mainnet mode and a mainnet key in testnet mode', () => {
    expectInvalid(
      () => deriveBitcoinAddress({ xpub: vpub, index: 0, mode: 'mainnet' }),
      /testnet key \(vpub\)/,
    )
    expectInvalid(
      () => deriveBitcoinAddress({ xpub: BIP84_ZPUB, index: 0, mode: 'regtest' }),
      /mainnet key \(zpub\) cannot be used in regtest mode/,
    )
  })
})

describe('keys that are refused', () => {
  it('refuses private keys of every prefix and says to paste the public key', () => {
    for (const prefix of ['xpub', 'zpub', 'tpub', 'vpub'] as const) {
      const secret = privateKeyAt("m/84'/0'/0'", prefix)
      expectInvalid(
        () => parseBitcoinKey({ xpub: secret, mode: 'mainnet' }),
        /private key.*paste the public key/,
      )
    }
  })

  it('refuses a key with a mistyped character by its checksum', () => {
    const typo = `${BIP84_ZPUB.slice(0, 40)}${BIP84_ZPUB[40] === 'a' ? 'b' : 'a'}${BIP84_ZPUB.slice(41)}`
    expectInvalid(() => parseBitcoinKey({ xpub: typo, mode: 'mainnet' }), /checksum/)
  })

  it('refuses root and address-level keys unless any depth is allowed', () => {
    expectInvalid(
      () => parseBitcoinKey({ xpub: publicKeyAt('m', 'zpub'), mode: 'mainnet' }),
      /depth 3.*got depth 0/,
    )
    expectInvalid(
      () => parseBitcoinKey({ xpub: publicKeyAt("m/84'/0'/0'/0", 'zpub'), mode: 'mainnet' }),
      /account-level key expected \(depth 3\)/i,
    )
  })

  it("accepts Electrum's depth-1 key with anyDepth and writes the path it knows", () => {
    const electrum = publicKeyAt("m/0'", 'zpub')
    const derived = deriveBitcoinAddress({ xpub: electrum, index: 3, mode: 'mainnet', anyDepth: true })
    const pubkey = childPublicKey("m/0'/0/3")
    expect(derived.address).toBe(payments.p2wpkh({ pubkey, network: bitcoinNetwork('mainnet') }).address)
    expect(derived.path).toBe("m/0'/0/3")
    const deep = deriveBitcoinAddress({
      xpub: publicKeyAt("m/84'/0'/0'/7", 'zpub'),
      index: 1,
      mode: 'mainnet',
      anyDepth: true,
    })
    expect(deep.path).toBe('m/?/?/?/7/0/1')
  })

  it('refuses multisig Zpub keys, text that is not a key, and indexes out of range', () => {
    expectInvalid(
      () => parseBitcoinKey({ xpub: publicKeyAt("m/48'/0'/0'/2'", 'Zpub'), mode: 'mainnet', anyDepth: true }),
      /multisig/,
    )
    expectInvalid(() => parseBitcoinKey({ xpub: 'not a key', mode: 'mainnet' }), /not base58/)
    expectInvalid(
      () => parseBitcoinKey({ xpub: 'bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu', mode: 'mainnet' }),
      /not base58/,
    )
    expectInvalid(
      () => parseBitcoinKey({ xpub: '1LqBGSKuX5yYUonjxT5qGfpUsXKYYWeabA', mode: 'mainnet' }),
      /wrong length/,
    )
    for (const index of [-1, 2 ** 31, 1.5]) {
      expectInvalid(() => deriveBitcoinAddress({ xpub: BIP84_ZPUB, index, mode: 'mainnet' }), /index/)
    }
  })

  it('accepts a key pasted with surrounding whitespace', () => {
    expect(deriveBitcoinAddress({ xpub: ` ${BIP84_ZPUB}\n`, index: 0, mode: 'mainnet' }).address).toBe(
      'bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu',
    )
  })
})
