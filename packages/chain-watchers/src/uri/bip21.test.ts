import { describe, expect, it } from 'vitest'
import { InvalidInputError } from '../errors.js'
import { bip21Uri, parseBip21 } from './bip21.js'

// The examples of BIP21 (bips/bip-0021.mediawiki).
const ADDRESS = '175tWpb8K1S7NmH4Zx6rewF9WQrcZv245W'

describe('bip21Uri', () => {
  it("writes BIP21's examples exactly", () => {
    expect(bip21Uri({ address: ADDRESS, label: 'Luke-Jr' })).toBe(`bitcoin:${ADDRESS}?label=Luke-Jr`)
    expect(bip21Uri({ address: ADDRESS, amount: 2_030_000_000n, label: 'Luke-Jr' })).toBe(
      `bitcoin:${ADDRESS}?amount=20.3&label=Luke-Jr`,
    )
    expect(
      bip21Uri({
        address: ADDRESS,
        amount: 5_000_000_000n,
        label: 'Luke-Jr',
        message: 'Donation for project xyz',
      }),
    ).toBe(`bitcoin:${ADDRESS}?amount=50&label=Luke-Jr&message=Donation%20for%20project%20xyz`)
  })

  it('writes the amount in BTC from satoshis without float rounding', () => {
    expect(bip21Uri({ address: ADDRESS, amount: 1n })).toBe(`bitcoin:${ADDRESS}?amount=0.00000001`)
    expect(bip21Uri({ address: ADDRESS, amount: 2_099_999_997_690_000n })).toBe(
      `bitcoin:${ADDRESS}?amount=20999999.9769`,
    )
    expect(bip21Uri({ address: ADDRESS })).toBe(`bitcoin:${ADDRESS}`)
  })

  it('percent-encodes the characters that would break the query', () => {
    const uri = bip21Uri({ address: ADDRESS, label: 'Café & Co', message: 'order #12 = 50%?' })
    expect(uri).toBe(`bitcoin:${ADDRESS}?label=Caf%C3%A9%20%26%20Co&message=order%20%2312%20%3D%2050%25%3F`)
  })

  it('refuses a zero or negative amount', () => {
    expect(() => bip21Uri({ address: ADDRESS, amount: 0n })).toThrow(InvalidInputError)
    expect(() => bip21Uri({ address: ADDRESS, amount: -5n })).toThrow(/positive/)
  })
})

describe('parseBip21', () => {
  it("reads BIP21's examples, including unknown optional parameters", () => {
    expect(
      parseBip21(`bitcoin:${ADDRESS}?amount=50&label=Luke-Jr&message=Donation%20for%20project%20xyz`),
    ).toEqual({
      address: ADDRESS,
      amount: 5_000_000_000n,
      label: 'Luke-Jr',
      message: 'Donation for project xyz',
      params: { amount: '50', label: 'Luke-Jr', message: 'Donation for project xyz' },
    })
    const unknown = parseBip21(`bitcoin:${ADDRESS}?somethingyoudontunderstand=50&somethingelseyoudontget=999`)
    expect(unknown.params.somethingyoudontunderstand).toBe('50')
  })

  it('refuses required parameters it does not understand, as BIP21 demands', () => {
    expect(() =>
      parseBip21(`bitcoin:${ADDRESS}?req-somethingyoudontunderstand=50&req-somethingelseyoudontget=999`),
    ).toThrow(/req-somethingyoudontunderstand/)
  })

  it('accepts an uppercase scheme and amounts like "5." and ".5"', () => {
    expect(parseBip21(`BITCOIN:${ADDRESS}?amount=5.`).amount).toBe(500_000_000n)
    expect(parseBip21(`bitcoin:${ADDRESS}?amount=.5`).amount).toBe(50_000_000n)
  })

  it('refuses amounts with separators, exponents, signs or more than 8 decimals', () => {
    for (const amount of ['1,5', '1e3', '-1', '0.000000001', '', '.']) {
      expect(() => parseBip21(`bitcoin:${ADDRESS}?amount=${amount}`)).toThrow(InvalidInputError)
    }
    expect(() => parseBip21(`bitcoin:${ADDRESS}?amount=1&amount=2`)).toThrow(/twice/)
    expect(() => parseBip21('bitcoin:?amount=1')).toThrow(InvalidInputError)
  })

  it('round-trips amounts and free text through build and parse', () => {
    const cases = [
      { amount: 1n, label: 'a', message: 'ünïcødé & = ? # % + /' },
      { amount: 123_456_789n, label: 'Shop 🛒', message: 'Invoice INV-2024-001' },
      { amount: 2_100_000_000_000_000n, label: '', message: ' spaces  ' },
    ]
    for (const c of cases) {
      expect(parseBip21(bip21Uri({ address: ADDRESS, ...c }))).toMatchObject({ address: ADDRESS, ...c })
    }
  })
})
