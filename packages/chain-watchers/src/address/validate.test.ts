import { describe, expect, it } from 'vitest'
import { publicKeyAt } from '../derive/account-keys.fixture.js'
import { deriveBitcoinAddress } from '../derive/bitcoin.js'
import { InvalidInputError } from '../errors.js'
import type { NetworkId, NetworkMode } from '../registry/types.js'
import { isValidAddress, normalizeAddress } from './validate.js'

function expectValid(network: NetworkId, mode: NetworkMode, addresses: string[]) {
  for (const address of addresses)
    expect([address, isValidAddress(network, address, mode)]).toEqual([address, true])
}
function expectInvalid(network: NetworkId, mode: NetworkMode, addresses: string[]) {
  for (const address of addresses)
    expect([address, isValidAddress(network, address, mode)]).toEqual([address, false])
}

describe('bitcoin addresses', () => {
  const regtest = deriveBitcoinAddress({
    xpub: publicKeyAt("m/84'/1'/0'", 'vpub'),
    index: 0,
    mode: 'regtest',
  }).address

  it('accepts every script type on mainnet: p2pkh, p2sh, p2wpkh, p2wsh and taproot (BIP173/BIP350 vectors)', () => {
    expectValid('bitcoin', 'mainnet', [
      '1LqBGSKuX5yYUonjxT5qGfpUsXKYYWeabA',
      '37VucYSaXLCAsxYyAPfbSi9eh4iEcbShgf',
      'bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu',
      'bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3',
      'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0',
      'BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4',
    ])
  })

  it('refuses bad checksums, mixed case, bech32 where bech32m is due, and future witness versions', () => {
    expectInvalid('bitcoin', 'mainnet', [
      '1LqBGSKuX5yYUonjxT5qGfpUsXKYYWeabB',
      'bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyv',
      'Bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
      'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd',
      // BIP350's valid witness v2 and v16 addresses: well-formed, but no wallet can spend from them yet.
      'bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs',
      'BC1SW50QGDZ25J',
      '0x9858EfFD232B4033E47d90003D41EC34EcaEda94',
      '',
    ])
  })

  it('refuses testnet addresses in mainnet mode and mainnet addresses on testnet and regtest', () => {
    expectValid('bitcoin', 'testnet', [
      'tb1q6rz28mcfaxtmd6v789l9rrlrusdprr9pqcpvkl',
      '2Mww8dCYPUpKHofjgcXcBCEGmniw9CoaiD2',
    ])
    expectInvalid('bitcoin', 'mainnet', [
      'tb1q6rz28mcfaxtmd6v789l9rrlrusdprr9pqcpvkl',
      '2Mww8dCYPUpKHofjgcXcBCEGmniw9CoaiD2',
      regtest,
    ])
    expectInvalid('bitcoin', 'testnet', ['bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu', regtest])
    expectInvalid('bitcoin', 'regtest', [
      'bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu',
      'tb1q6rz28mcfaxtmd6v789l9rrlrusdprr9pqcpvkl',
    ])
    expectValid('bitcoin', 'regtest', [regtest, '2Mww8dCYPUpKHofjgcXcBCEGmniw9CoaiD2'])
    expect(() =>
      normalizeAddress('bitcoin', 'tb1q6rz28mcfaxtmd6v789l9rrlrusdprr9pqcpvkl', 'mainnet'),
    ).toThrow(/for testnet, not mainnet/)
  })

  it('normalises bech32 to lowercase and leaves base58 as it is', () => {
    expect(normalizeAddress('bitcoin', 'BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4')).toBe(
      'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
    )
    expect(normalizeAddress('bitcoin', '1LqBGSKuX5yYUonjxT5qGfpUsXKYYWeabA')).toBe(
      '1LqBGSKuX5yYUonjxT5qGfpUsXKYYWeabA',
    )
    expect(normalizeAddress('bitcoin', regtest)).toBe(regtest)
  })
})

describe('EVM addresses', () => {
  // EIP-55's test cases: all caps, all lower, and mixed-case checksums.
  const eip55 = [
    '0x52908400098527886E0F7030069857D2E4169EE7',
    '0x8617E340B3D01FA5F11F306F4090FD50E238070D',
    '0xde709f2102306220921060314715629080e2fb77',
    '0x27b1fdb04752bbc536007a920d24acb045561c26',
    '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
    '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
    '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
  ]

  it("accepts EIP-55's test cases on every EVM network and normalises them to lowercase", () => {
    for (const network of ['ethereum', 'bsc', 'arbitrum'] as const) expectValid(network, 'mainnet', eip55)
    expect(normalizeAddress('ethereum', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed')).toBe(
      '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed',
    )
  })

  it('refuses a mixed-case address whose checksum is wrong, and malformed hex', () => {
    expectInvalid('ethereum', 'mainnet', [
      '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD',
      '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beae',
      '5aaeb6053f3e94c9b9a09f33669435e7ef1beaed',
      '0xzaaeb6053f3e94c9b9a09f33669435e7ef1beaed',
      'TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH',
    ])
    expect(() => normalizeAddress('bsc', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD')).toThrow(
      /EIP-55 checksum/,
    )
  })
})

describe('tron addresses', () => {
  it('accepts base58 T… addresses and the 41-prefixed hex form, normalising to base58', () => {
    expectValid('tron', 'mainnet', [
      'TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH',
      'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
    ])
    expect(normalizeAddress('tron', '41a614f803b6fd780986a42c78ec9c7f77e6ded13c')).toBe(
      'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
    )
  })

  it('refuses a bad checksum, a Bitcoin base58 address and EVM hex', () => {
    expectInvalid('tron', 'mainnet', [
      'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u',
      '1LqBGSKuX5yYUonjxT5qGfpUsXKYYWeabA',
      '0xa614f803b6fd780986a42c78ec9c7f77e6ded13c',
    ])
  })
})

describe('solana addresses', () => {
  it('accepts base58 text of 32 bytes, on or off the curve', () => {
    expectValid('solana', 'mainnet', [
      'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v',
      'mvines9iiHiQTysrwkJjGf2gb9Ex9jXJX8ns3qwf2kN',
      '11111111111111111111111111111111',
    ])
    expect(normalizeAddress('solana', 'mvines9iiHiQTysrwkJjGf2gb9Ex9jXJX8ns3qwf2kN')).toBe(
      'mvines9iiHiQTysrwkJjGf2gb9Ex9jXJX8ns3qwf2kN',
    )
  })

  it('refuses other lengths and characters outside base58', () => {
    // Solana addresses carry no checksum: one dropped character may still decode to 32 bytes, so only the
    // length and alphabet can be checked.
    expectInvalid('solana', 'mainnet', [
      'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEG',
      'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v1',
      'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt0v',
      '0x9858EfFD232B4033E47d90003D41EC34EcaEda94',
      'TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH',
    ])
  })
})

describe('normalizeAddress errors', () => {
  it('throws InvalidInputError with a short message naming the problem', () => {
    expect(() => normalizeAddress('ethereum', 'nope')).toThrow(InvalidInputError)
    expect(() => normalizeAddress('solana', 'x'.repeat(200))).toThrow(/empty or too long/)
  })
})
