import { describe, expect, it } from 'vitest'
import { InvalidInputError } from '../../errors.js'
import { parseTonHash } from './transaction-hash.js'

// One hash in the forms explorers and toncenter print it (bytes chosen so base64 needs + and /).
const HEX = 'fbef3e0ffbff00112233445566778899aabbccddeeff0011223344556677fbff'
const BASE64 = Buffer.from(HEX, 'hex').toString('base64')
const BASE64URL = Buffer.from(HEX, 'hex').toString('base64url')

describe('TON transaction hashes', () => {
  it('reads hex in either case, base64 and base64url, padded or not, as lowercase hex', () => {
    expect(BASE64).toMatch(/[+/]/)
    expect(BASE64URL).toMatch(/[-_]/)
    for (const form of [
      HEX,
      HEX.toUpperCase(),
      BASE64,
      BASE64.replace(/=$/, ''),
      BASE64URL,
      `${BASE64URL}=`,
      ` ${HEX}\n`,
    ]) {
      expect(parseTonHash(form)).toBe(HEX)
    }
  })

  it.each([
    ['too short', HEX.slice(2)],
    ['not hex', `${HEX.slice(0, 63)}g`],
    ['mixed base64 alphabets', `${BASE64.slice(0, 10)}-${BASE64.slice(11)}`],
    ['bits past 32 bytes', `${BASE64.slice(0, 42)}B=`],
    ['an "lt:hash" pair', `47000000000001:${HEX}`],
    ['empty', ''],
  ])('refuses %s', (_, input) => {
    expect(() => parseTonHash(input)).toThrow(InvalidInputError)
  })
})
