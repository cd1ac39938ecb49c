import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { InvalidInputError } from './errors.js'
import { CompactWatchSet, MAX_TARGET_LENGTH } from './watch-set.js'

const evmAddress = () => `0x${randomBytes(20).toString('hex')}`
const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l'
const bech32Address = () => `bc1q${Array.from(randomBytes(38), (b) => BECH32[b & 31]).join('')}`

describe('CompactWatchSet', () => {
  it('adds, finds and deletes targets, counting each once', () => {
    const set = new CompactWatchSet()
    const a = '0x9858effd232b4033e47d90003d41ec34ecaeda94'
    expect(set.has(a)).toBe(false)
    set.add(a).add(a)
    expect(set.size).toBe(1)
    expect(set.has(a)).toBe(true)
    expect(set.delete(a)).toBe(true)
    expect(set.delete(a)).toBe(false)
    expect(set.has(a)).toBe(false)
    expect(set.size).toBe(0)
  })

  it('is exact: strings that differ only in case, a character or encoding are different targets', () => {
    const targets = [
      '0x9858effd232b4033e47d90003d41ec34ecaeda94',
      '0x9858EfFD232B4033E47d90003D41EC34EcaEda94',
      '0x9858effd232b4033e47d90003d41ec34ecaeda95',
      '0x9858effd232b4033e47d90003d41ec34ecaeda9',
      '9858effd232b4033e47d90003d41ec34ecaeda94',
      '0:ca6e321c7cce9ecedf0a8ca2492ec8592494aa5fb5ce0387dff96ef6af982a3e',
      '-1:ca6e321c7cce9ecedf0a8ca2492ec8592494aa5fb5ce0387dff96ef6af982a3e',
      'bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu',
      'bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fy',
      'BC1QCR8TE4KR609GCAWUTMRZA0J4XV80JY8Z306FYU',
      'tb1q6rz28mcfaxtmd6v789l9rrlrusdprr9pqcpvkl',
      'bcrt1q6rz28mcfaxtmd6v789l9rrlrusdprr9pqcpvkl',
      'bc1p5cyxnuxmeuwuvkwfem96lqzszd02n6xdcjrs20cac6yqjjwudpxqkedrcr',
      'x1y1qpzry9x8gf2tvdw0s3jn54khce6mua7l',
      'TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH',
      'ab'.repeat(8),
      '\u00ab'.repeat(8),
      'CB-7XK2',
      'Café ☕ 🛒',
      '',
    ]
    const set = CompactWatchSet.from(targets.slice(0, 1))
    for (const target of targets.slice(1)) expect([target, set.has(target)]).toEqual([target, false])
    const all = CompactWatchSet.from(targets)
    expect(all.size).toBe(targets.length)
    for (const target of targets) expect(all.has(target)).toBe(true)
    expect(new Set(all.values())).toEqual(new Set(targets))
  })

  it('refuses to add a target longer than the limit and never finds one', () => {
    const set = new CompactWatchSet()
    set.add('x'.repeat(MAX_TARGET_LENGTH))
    expect(set.has('x'.repeat(MAX_TARGET_LENGTH))).toBe(true)
    expect(() => set.add('x'.repeat(MAX_TARGET_LENGTH + 1))).toThrow(InvalidInputError)
    expect(set.has('x'.repeat(MAX_TARGET_LENGTH + 1))).toBe(false)
    expect(set.delete('x'.repeat(MAX_TARGET_LENGTH + 1))).toBe(false)
  })

  it('grows from empty through many rehashes and gives back every target as it was added', () => {
    const set = new CompactWatchSet()
    const makers = [
      evmAddress,
      bech32Address,
      () => `bcrt1p${Array.from(randomBytes(58), (b) => BECH32[b & 31]).join('')}`,
      () => `0:${randomBytes(32).toString('hex')}`,
      () => randomBytes(24).toString('base64'),
    ]
    const targets = Array.from({ length: 20_000 }, (_, i) => makers[i % makers.length]!())
    for (const t of targets) set.add(t)
    expect(set.size).toBe(20_000)
    expect(targets.every((t) => set.has(t))).toBe(true)
    expect(new Set(set.values())).toEqual(new Set(targets))
  })

  it('reuses the room of deleted targets instead of growing without end', () => {
    const set = new CompactWatchSet({ expected: 1000 })
    const kept = Array.from({ length: 1000 }, evmAddress)
    for (const t of kept) set.add(t)
    const before = set.byteLength
    for (let round = 0; round < 50; round++) {
      const churn = Array.from({ length: 200 }, bech32Address)
      for (const t of churn) set.add(t)
      for (const t of churn) expect(set.delete(t)).toBe(true)
    }
    expect(set.size).toBe(1000)
    expect(kept.every((t) => set.has(t))).toBe(true)
    expect(set.byteLength).toBeLessThan(before * 3)
  })

  it('finds all of 100,000 random EVM addresses and none of 100,000 others', () => {
    const inside = Array.from({ length: 100_000 }, evmAddress)
    const outside = Array.from({ length: 100_000 }, evmAddress)
    const set = CompactWatchSet.from(inside)
    expect(set.size).toBe(100_000)
    expect(inside.filter((t) => !set.has(t))).toEqual([])
    expect(outside.filter((t) => set.has(t))).toEqual([])
  })

  it('finds all of 100,000 random bech32 addresses and none of 100,000 others', () => {
    const inside = Array.from({ length: 100_000 }, bech32Address)
    const outside = Array.from({ length: 100_000 }, bech32Address)
    const set = CompactWatchSet.from(inside, { expected: inside.length })
    expect(inside.filter((t) => !set.has(t))).toEqual([])
    expect(outside.filter((t) => set.has(t))).toEqual([])
  })

  it('gives everything back on clear', () => {
    const set = CompactWatchSet.from(Array.from({ length: 5000 }, evmAddress))
    set.clear()
    expect(set.size).toBe(0)
    expect([...set]).toEqual([])
    expect(set.byteLength).toBeLessThan(2048)
    set.add('0xabc')
    expect(set.has('0xabc')).toBe(true)
  })
})
