import { describe, expect, it } from 'vitest'
import { InvalidInputError } from '../errors.js'
import { parseTonAddress, toTonFriendlyAddress } from './ton.js'
import { isValidAddress, normalizeAddress } from './validate.js'

// TON documentation (cookbook, "Working with contract addresses"): one address in both forms.
const DOCS_FRIENDLY = 'EQDKbjIcfM6ezt8KjKJJLshZJJSqX7XOA4ff-W72r5gqPrHF'
const DOCS_RAW = '0:ca6e321c7cce9ecedf0a8ca2492ec8592494aa5fb5ce0387dff96ef6af982a3e'
// An address published in its bounceable and non-bounceable forms.
const RAW = '0:ba60bfbd527c0cd2d70c6396630c50a498af015b987adaad1d4a9e287f604536'
const BOUNCEABLE = 'EQC6YL-9UnwM0tcMY5ZjDFCkmK8BW5h62q0dSp4of2BFNvnA'
const NON_BOUNCEABLE = 'UQC6YL-9UnwM0tcMY5ZjDFCkmK8BW5h62q0dSp4of2BFNqQF'

describe('TON addresses', () => {
  it('normalises the user-friendly form of the documentation example to its raw form', () => {
    expect(normalizeAddress('ton', DOCS_FRIENDLY)).toBe(DOCS_RAW)
    expect(normalizeAddress('ton', DOCS_RAW.toUpperCase().replace('0X', '0x'))).toBe(DOCS_RAW)
    expect(toTonFriendlyAddress(DOCS_RAW)).toBe(DOCS_FRIENDLY)
  })

  it('gives bounceable and non-bounceable forms of one address the same raw key', () => {
    expect(parseTonAddress(BOUNCEABLE)).toMatchObject({ raw: RAW, bounceable: true, testOnly: false })
    expect(parseTonAddress(NON_BOUNCEABLE)).toMatchObject({ raw: RAW, bounceable: false, testOnly: false })
    expect(toTonFriendlyAddress(RAW, { bounceable: false })).toBe(NON_BOUNCEABLE)
  })

  it('reads the standard base64 alphabet as well as base64url', () => {
    const standard = toTonFriendlyAddress(RAW, { urlSafe: false })
    expect(standard).toMatch(/[+/]/)
    expect(normalizeAddress('ton', standard)).toBe(RAW)
  })

  it('parses masterchain addresses with workchain -1', () => {
    const master = `-1:${'33'.repeat(32)}`
    const friendly = toTonFriendlyAddress(master)
    expect(friendly.startsWith('Ef8')).toBe(true)
    expect(normalizeAddress('ton', friendly)).toBe(master)
  })

  it('refuses a mistyped character by its crc16, and unknown flags', () => {
    const typo = `${BOUNCEABLE.slice(0, 20)}${BOUNCEABLE[20] === 'A' ? 'B' : 'A'}${BOUNCEABLE.slice(21)}`
    expect(() => parseTonAddress(typo)).toThrow(/checksum/)
    expect(isValidAddress('ton', typo, 'mainnet')).toBe(false)
    expect(isValidAddress('ton', `AA${BOUNCEABLE.slice(2)}`, 'mainnet')).toBe(false)
    expect(isValidAddress('ton', `${BOUNCEABLE}A`, 'mainnet')).toBe(false)
    expect(isValidAddress('ton', `0:${'ab'.repeat(31)}`, 'mainnet')).toBe(false)
    expect(isValidAddress('ton', `300:${'ab'.repeat(32)}`, 'mainnet')).toBe(false)
  })

  it('refuses a test-only address in mainnet mode but accepts it on testnet', () => {
    const testOnly = toTonFriendlyAddress(RAW, { testOnly: true })
    expect(testOnly.startsWith('kQ')).toBe(true)
    expect(isValidAddress('ton', testOnly, 'testnet')).toBe(true)
    expect(isValidAddress('ton', testOnly, 'mainnet')).toBe(false)
    expect(() => normalizeAddress('ton', testOnly, 'mainnet')).toThrow(InvalidInputError)
    expect(normalizeAddress('ton', testOnly, 'testnet')).toBe(RAW)
  })
})
