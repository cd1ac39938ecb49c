import { describe, expect, it } from 'vitest'
import { int64, parseNodeJson } from './json.js'

describe('node JSON', () => {
  it('keeps int64 literals beyond 2^53 exact, as decimal strings', () => {
    const text = '{"amount":90071992547409930,"fee_limit":100000000,"neg":-9223372036854775808}'
    const json = parseNodeJson(text) as Record<string, unknown>
    expect(json).toEqual({ amount: '90071992547409930', fee_limit: 100_000_000, neg: '-9223372036854775808' })
    expect(int64(json.amount)).toBe(90_071_992_547_409_930n)
    // What plain JSON.parse would have made of it.
    expect(BigInt(JSON.parse(text).amount)).not.toBe(90_071_992_547_409_930n)
  })

  it('leaves digits inside strings, safe integers and fractions alone', () => {
    const id = '0000000000000000de1aa88295e1fcf982742f773e0419c5a9c134c994a9059e'
    const text = `{"blockID":"${id}","n":9007199254740991,"x":12345678901234567.5,"s":"a\\"1234567890123456789"}`
    expect(parseNodeJson(text)).toEqual({
      blockID: id,
      n: 9_007_199_254_740_991,
      x: Number('12345678901234567.5'),
      s: 'a"1234567890123456789',
    })
  })

  it('reads int64 fields from safe numbers and decimal strings only', () => {
    expect(int64(5)).toBe(5n)
    expect(int64('18446744073709551615')).toBe(18_446_744_073_709_551_615n)
    expect(int64(2 ** 60)).toBeUndefined()
    expect(int64(1.5)).toBeUndefined()
    expect(int64('0x10')).toBeUndefined()
    expect(int64(null)).toBeUndefined()
  })
})
