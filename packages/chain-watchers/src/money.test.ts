import { describe, expect, it } from 'vitest'
import { formatUnits, InvalidAmountError, isDecimalString, parseUnits } from './money.js'

describe('money', () => {
  it('parses decimal strings into exact base units', () => {
    expect(parseUnits('12.5', 6)).toBe(12_500_000n)
    expect(parseUnits('0.00000001', 8)).toBe(1n)
    expect(parseUnits('1', 18)).toBe(10n ** 18n)
    expect(parseUnits('-3.10', 2)).toBe(-310n)
    // 0.1 + 0.2 is the classic float trap; base units never see it.
    expect(parseUnits('0.1', 18) + parseUnits('0.2', 18)).toBe(parseUnits('0.3', 18))
  })

  it('refuses more decimals than the asset has, and non-numbers', () => {
    expect(() => parseUnits('1.0000001', 6)).toThrow(InvalidAmountError)
    expect(() => parseUnits('1e6', 6)).toThrow(/decimal number/)
    expect(() => parseUnits('', 6)).toThrow(InvalidAmountError)
    expect(isDecimalString('1.000000', 6)).toBe(true)
    expect(isDecimalString('abc', 6)).toBe(false)
  })

  it('formats base units without trailing zeros and round-trips', () => {
    expect(formatUnits(12_500_000n, 6)).toBe('12.5')
    expect(formatUnits(1n, 18)).toBe('0.000000000000000001')
    expect(formatUnits(-310n, 2)).toBe('-3.1')
    expect(formatUnits(0n, 8)).toBe('0')
    const big = 123456789012345678901234567890n
    expect(parseUnits(formatUnits(big, 18), 18)).toBe(big)
  })
})
