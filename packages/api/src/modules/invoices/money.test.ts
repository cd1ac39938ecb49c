import { describe, expect, it } from 'vitest'
import { toFiat } from '../rates/convert.js'
import { coinAmountFor, formatMinor, lineAmount, percentOf, percentOfFloor, toMinor } from './money.js'

describe('invoice money', () => {
  it('multiplies quantities by prices exactly, rounding half-up to the currency', () => {
    expect(formatMinor(lineAmount('3', '19.99', 2), 2)).toBe('59.97')
    expect(formatMinor(lineAmount('0.5', '0.015', 2), 2)).toBe('0.01') // 0.0075 → 0.01
    expect(formatMinor(lineAmount('1000000', '0.000001', 2), 2)).toBe('1.00')
    expect(formatMinor(lineAmount('0.1', '0.2', 2), 2)).toBe('0.02')
    expect(formatMinor(lineAmount('2', '150', 0), 0)).toBe('300')
  })

  it('takes percentages exactly', () => {
    expect(formatMinor(percentOf(toMinor('100', 2), '23'), 2)).toBe('23.00')
    expect(formatMinor(percentOf(toMinor('10.05', 2), '8.875'), 2)).toBe('0.89')
    expect(percentOfFloor(10000n, '0.5')).toBe(50n)
    expect(percentOfFloor(999n, '1')).toBe(9n)
  })

  it('quotes a coin amount that is never worth less than what is due', () => {
    expect(coinAmountFor(toMinor('100', 2), 2, '1', 6)).toBe(100_000_000n)
    const btc = coinAmountFor(toMinor('60', 2), 2, '97123.45', 8)
    expect(toMinor(toFiat(btc, 8, '97123.45'), 2)).toBeGreaterThanOrEqual(6000n)
    expect(toMinor(toFiat(btc - 1n, 8, '97123.45'), 2)).toBeLessThanOrEqual(6000n)
    expect(coinAmountFor(toMinor('0.01', 2), 2, '4000', 18)).toBe(2_500_000_000_000n)
  })

  it('formats with the currency’s places, negatives included', () => {
    expect(formatMinor(-5n, 2)).toBe('-0.05')
    expect(formatMinor(12345n, 3)).toBe('12.345')
  })
})
