import { base58 } from '@scure/base'
import { describe, expect, it } from 'vitest'
import { InvalidInputError } from '../../errors.js'
import { decodeCursor, encodeCursor, type ScanState } from './cursor.js'

const key = (n: number) => base58.encode(new Uint8Array(32).fill(n))
const sig = (n: number) => base58.encode(new Uint8Array(64).fill(n))

describe('Solana scan cursor', () => {
  it('round-trips a state, bigints and markers included', () => {
    const state: ScanState = {
      account: key(1),
      positions: new Map([
        [key(1), { after: { signature: sig(1), slot: 2n ** 60n }, below: [sig(2), sig(3)] }],
        [key(2), { below: [] }],
      ]),
      boundary: { slot: 2n ** 60n, signatures: [sig(1), sig(4)] },
    }
    const text = encodeCursor(state)
    expect(decodeCursor(text, key(1))).toEqual(state)
    expect(encodeCursor(decodeCursor(text, key(1)))).toBe(text)
    expect(decodeCursor(null, key(1))).toEqual({ account: key(1), positions: new Map() })
  })

  it('refuses garbage, another version, another wallet`s cursor and bad signatures', () => {
    const good = encodeCursor({ account: key(1), positions: new Map() })
    const bad = [
      'nope',
      '{"v":2,"account":"x","positions":{}}',
      JSON.stringify({
        v: 1,
        account: key(1),
        positions: { [key(2)]: { after: { signature: 'zz', slot: '1' } } },
      }),
      JSON.stringify({
        v: 1,
        account: key(1),
        positions: { [key(2)]: { after: { signature: sig(1), slot: '-1' } } },
      }),
    ]
    for (const text of bad) expect(() => decodeCursor(text, key(1))).toThrow(InvalidInputError)
    expect(() => decodeCursor(good, key(3))).toThrow(/belongs to/)
  })
})
