import { privateKeyToAddress } from 'viem/accounts'
import { describe, expect, it } from 'vitest'
import { InvalidInputError } from '../errors.js'
import { childPrivateKeyHex, publicKeyAt } from './account-keys.fixture.js'
import { deriveTronAddress, tronBase58ToHex, tronHexToBase58 } from './tron.js'

const ACCOUNT_XPUB = publicKeyAt("m/44'/195'/0'")

/** Independent route: private key → EVM-style account id (viem) → 41-prefixed hex → base58. */
function addressFromPrivateKey(path: string): string {
  const evm = privateKeyToAddress(childPrivateKeyHex(path))
  return tronHexToBase58(`41${evm.slice(2)}`)
}

describe('deriveTronAddress', () => {
  it("derives the published first address of the abandon…about mnemonic at m/44'/195'/0'/0/0", () => {
    expect(deriveTronAddress({ xpub: ACCOUNT_XPUB, index: 0 })).toEqual({
      address: 'TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH',
      path: "m/44'/195'/0'/0/0",
      scheme: 'bip44',
    })
    expect(addressFromPrivateKey("m/44'/195'/0'/0/0")).toBe('TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH')
  })

  it('agrees with addresses derived from the private keys for the next indexes', () => {
    for (let i = 1; i < 6; i++) {
      expect(deriveTronAddress({ xpub: ACCOUNT_XPUB, index: i }).address).toBe(
        addressFromPrivateKey(`m/44'/195'/0'/0/${i}`),
      )
    }
  })
})

describe('Tron hex and base58 forms', () => {
  it('converts the USDT contract between its base58 and 41-prefixed hex forms', () => {
    expect(tronBase58ToHex('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t')).toBe(
      '41a614f803b6fd780986a42c78ec9c7f77e6ded13c',
    )
    expect(tronHexToBase58('41a614f803b6fd780986a42c78ec9c7f77e6ded13c')).toBe(
      'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
    )
    expect(tronHexToBase58('0x41A614F803B6FD780986A42C78EC9C7F77E6DED13C')).toBe(
      'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
    )
  })

  it('refuses a base58 address with a bad checksum and hex without the 41 prefix', () => {
    expect(() => tronBase58ToHex('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u')).toThrow(InvalidInputError)
    expect(() => tronHexToBase58('a614f803b6fd780986a42c78ec9c7f77e6ded13c')).toThrow(/41 followed by 40 hex/)
    // A Bitcoin base58check address decodes fine but is not 0x41-prefixed.
    expect(() => tronBase58ToHex('1LqBGSKuX5yYUonjxT5qGfpUsXKYYWeabA')).toThrow(/0x41/)
  })
})
