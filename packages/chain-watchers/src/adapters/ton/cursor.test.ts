import { describe, expect, it } from 'vitest'
import { InvalidInputError } from '../../errors.js'
import { decodeTonCursor, encodeTonCursor, START } from './cursor.js'

const id = (lt: bigint, byte: string) => ({ lt, hash: byte.repeat(64) })

describe('TON scan cursors', () => {
  it('round-trips an idle cursor as "lt:hash" and a backlog walk as three ids', () => {
    const idle = { done: id(47_000_000_000_001n, 'a') }
    expect(encodeTonCursor(idle)).toBe(`47000000000001:${'a'.repeat(64)}`)
    expect(decodeTonCursor(encodeTonCursor(idle))).toEqual(idle)
    const walking = { done: id(5n, 'c'), walk: { top: id(90n, 'a'), next: id(40n, 'b') } }
    expect(decodeTonCursor(encodeTonCursor(walking))).toEqual(walking)
  })

  it('starts before the first transaction when there is no cursor', () => {
    expect(decodeTonCursor(null)).toEqual({ done: START })
  })

  it.each([
    ['garbage', 'hello'],
    ['an uppercase hash', `5:${'A'.repeat(64)}`],
    ['two ids', `9:${'a'.repeat(64)}/5:${'b'.repeat(64)}`],
    ['a walk out of order', `5:${'a'.repeat(64)}/9:${'b'.repeat(64)}/1:${'c'.repeat(64)}`],
  ])('refuses %s', (_, cursor) => {
    expect(() => decodeTonCursor(cursor)).toThrow(InvalidInputError)
  })
})
