import { describe, expect, it } from 'vitest'
import { InvalidInputError } from '../errors.js'
import { publicKeyAt } from './account-keys.fixture.js'
import { deriveAddress, isDerivedNetwork } from './derive-address.js'
import { describeKey } from './describe-key.js'

const EVM_XPUB = publicKeyAt("m/44'/60'/0'")
const BIP84_ZPUB = publicKeyAt("m/84'/0'/0'", 'zpub')

describe('deriveAddress', () => {
  it('derives the same EVM address on ethereum, bsc and arbitrum', () => {
    for (const network of ['ethereum', 'bsc', 'arbitrum'] as const) {
      expect(deriveAddress({ network, xpub: EVM_XPUB, index: 0, mode: 'mainnet' }).address).toBe(
        '0x9858EfFD232B4033E47d90003D41EC34EcaEda94',
      )
    }
  })

  it('derives bitcoin and tron addresses through their own schemes', () => {
    expect(deriveAddress({ network: 'bitcoin', xpub: BIP84_ZPUB, index: 0, mode: 'mainnet' }).address).toBe(
      'bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu',
    )
    const tronXpub = publicKeyAt("m/44'/195'/0'")
    expect(deriveAddress({ network: 'tron', xpub: tronXpub, index: 0, mode: 'testnet' }).address).toBe(
      'TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH',
    )
  })

  it('refuses to derive for solana and ton, which tell customers apart by reference or memo', () => {
    for (const network of ['solana', 'ton'] as const) {
      expect(isDerivedNetwork(network)).toBe(false)
      expect(() => deriveAddress({ network, xpub: EVM_XPUB, index: 0, mode: 'mainnet' })).toThrow(
        InvalidInputError,
      )
    }
    expect(isDerivedNetwork('bsc')).toBe(true)
  })

  it('refuses a Bitcoin scheme on an EVM network', () => {
    expect(() =>
      deriveAddress({ network: 'ethereum', xpub: EVM_XPUB, index: 0, mode: 'mainnet', scheme: 'bip84' }),
    ).toThrow(/no bip84 scheme/)
  })
})

describe('describeKey', () => {
  it('shows the detected scheme and the first three receive addresses with their paths', () => {
    expect(describeKey(BIP84_ZPUB, 'bitcoin', 'mainnet')).toEqual({
      network: 'bitcoin',
      prefix: 'zpub',
      scheme: 'bip84',
      depth: 3,
      addresses: [
        {
          index: 0,
          address: 'bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu',
          path: "m/84'/0'/0'/0/0",
          scheme: 'bip84',
        },
        {
          index: 1,
          address: 'bc1qnjg0jd8228aq7egyzacy8cys3knf9xvrerkf9g',
          path: "m/84'/0'/0'/0/1",
          scheme: 'bip84',
        },
        expect.objectContaining({ index: 2, path: "m/84'/0'/0'/0/2" }),
      ],
    })
  })

  it('describes an EVM key with as many addresses as asked', () => {
    const description = describeKey(EVM_XPUB, 'arbitrum', 'mainnet', { count: 5 })
    expect(description.prefix).toBe('xpub')
    expect(description.addresses.map((a) => a.index)).toEqual([0, 1, 2, 3, 4])
    expect(description.addresses[0]?.address).toBe('0x9858EfFD232B4033E47d90003D41EC34EcaEda94')
  })

  it('fails on a key that does not suit the network even when no address is asked for', () => {
    expect(() => describeKey(BIP84_ZPUB, 'ethereum', 'mainnet', { count: 0 })).toThrow(InvalidInputError)
    expect(() => describeKey(BIP84_ZPUB, 'bitcoin', 'testnet', { count: 0 })).toThrow(/mainnet key/)
  })
})
