import { privateKeyToAddress } from 'viem/accounts'
import { describe, expect, it } from 'vitest'
import { InvalidInputError } from '../errors.js'
import { childPrivateKeyHex, privateKeyAt, publicKeyAt } from './account-keys.fixture.js'
import { deriveEvmAddress } from './evm.js'

const ACCOUNT_XPUB = publicKeyAt("m/44'/60'/0'")

/** The independent route: the private key of the full path, turned into an address by viem. */
function addressFromPrivateKey(path: string): string {
  return privateKeyToAddress(childPrivateKeyHex(path))
}

describe('deriveEvmAddress', () => {
  it("derives the well-known first address of the abandon…about mnemonic at m/44'/60'/0'/0/0", () => {
    expect(deriveEvmAddress({ xpub: ACCOUNT_XPUB, index: 0 })).toEqual({
      address: '0x9858EfFD232B4033E47d90003D41EC34EcaEda94',
      path: "m/44'/60'/0'/0/0",
      scheme: 'bip44',
    })
  })

  it('agrees with addresses derived from the private keys for the next indexes, EIP-55 checksummed', () => {
    for (let i = 1; i < 8; i++) {
      const derived = deriveEvmAddress({ xpub: ACCOUNT_XPUB, index: i })
      expect(derived.address).toBe(addressFromPrivateKey(`m/44'/60'/0'/0/${i}`))
      expect(derived.address).not.toBe(derived.address.toLowerCase())
    }
  })

  it('treats a tpub like an xpub, since version bytes mean nothing on EVM chains', () => {
    const tpub = publicKeyAt("m/44'/60'/0'", 'tpub')
    expect(deriveEvmAddress({ xpub: tpub, index: 0 }).address).toBe(
      '0x9858EfFD232B4033E47d90003D41EC34EcaEda94',
    )
  })

  it('writes the account number of the key into the path', () => {
    const second = publicKeyAt("m/44'/60'/1'")
    const derived = deriveEvmAddress({ xpub: second, index: 4 })
    expect(derived.path).toBe("m/44'/60'/1'/0/4")
    expect(derived.address).toBe(addressFromPrivateKey("m/44'/60'/1'/0/4"))
  })

  it('refuses a Bitcoin zpub, a private key and a non-account key', () => {
    const refusals: [string, RegExp][] = [
      [publicKeyAt("m/84'/0'/0'", 'zpub'), /zpub is a Bitcoin BIP84 key; for EVM networks paste the xpub/],
      [privateKeyAt("m/44'/60'/0'"), /private key/],
      [publicKeyAt("m/44'/60'/0'/0/0"), /depth 3/],
    ]
    for (const [xpub, message] of refusals) {
      expect(() => deriveEvmAddress({ xpub, index: 0 })).toThrow(InvalidInputError)
      expect(() => deriveEvmAddress({ xpub, index: 0 })).toThrow(message)
    }
  })
})
