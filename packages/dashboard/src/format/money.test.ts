import { describe, expect, it } from 'vitest'
import {
  formatAssetAmount,
  formatMoney,
  formatMoneyOrDash,
  formatUnitPrice,
  formatUnitPriceOrDash,
  roundDecimal,
} from './money'

describe('formatMoney', () => {
  it('formats a decimal string in the currency of the locale', () => {
    expect(formatMoney('1234.5', 'USD', { locale: 'en-US' })).toBe('$1,234.50')
    expect(formatMoney('1234.5', 'EUR', { locale: 'de-DE' })).toBe('1.234,50\u00a0€')
  })

  it('keeps every digit of amounts a float cannot hold', () => {
    expect(formatMoney('12345678901234567890.125', 'USD', { locale: 'en-US' })).toBe(
      '$12,345,678,901,234,567,890.13',
    )
    // As a float, 0.1 + 0.2 style drift would round 1.005 down to 1.00.
    expect(formatMoney('1.005', 'USD', { locale: 'en-US' })).toBe('$1.01')
    expect(formatMoney('9007199254740993.99', 'USD', { locale: 'en-US' })).toBe('$9,007,199,254,740,993.99')
  })

  it('rounds half away from zero, carrying into the whole part', () => {
    expect(formatMoney('0.995', 'USD', { locale: 'en-US' })).toBe('$1.00')
    expect(formatMoney('-1.005', 'USD', { locale: 'en-US' })).toBe('-$1.01')
    expect(formatMoney('2.004999', 'USD', { locale: 'en-US' })).toBe('$2.00')
  })

  it('uses the currency’s own number of decimals', () => {
    expect(formatMoney('1234.5', 'JPY', { locale: 'en-US' })).toBe('¥1,235')
    expect(formatMoney('1.2345', 'KWD', { locale: 'en-US' })).toMatch(/1\.235$/)
  })

  it('never shows a negative zero', () => {
    expect(formatMoney('-0.001', 'USD', { locale: 'en-US' })).toBe('$0.00')
  })

  it('rejects what is not a decimal number', () => {
    expect(() => formatMoney('1e3', 'USD')).toThrow(RangeError)
    expect(() => formatMoney('', 'USD')).toThrow(RangeError)
  })
})

describe('formatMoneyOrDash', () => {
  it('shows a dash for a missing amount or currency, and the raw value when it cannot be parsed', () => {
    expect(formatMoneyOrDash(null, 'USD')).toBe('—')
    expect(formatMoneyOrDash('1', null)).toBe('—')
    expect(formatMoneyOrDash('abc', 'USD')).toBe('abc')
  })
})

describe('formatUnitPrice', () => {
  it('keeps every significant decimal the price was stored with', () => {
    expect(formatUnitPrice('1.115', 'USD', 'en-US')).toBe('$1.115')
    expect(formatUnitPrice('0.00012345', 'USD', 'en-US')).toBe('$0.00012345')
    expect(formatUnitPrice('1234.1150', 'USD', 'en-US')).toBe('$1,234.115')
    expect(formatUnitPrice('12345678901234567890.123456789', 'USD', 'en-US')).toBe(
      '$12,345,678,901,234,567,890.123456789',
    )
  })

  it('never shows fewer decimals than the currency’s own', () => {
    expect(formatUnitPrice('10', 'USD', 'en-US')).toBe('$10.00')
    expect(formatUnitPrice('10.50', 'USD', 'en-US')).toBe('$10.50')
    expect(formatUnitPrice('1200', 'JPY', 'en-US')).toBe('¥1,200')
    expect(formatUnitPrice('1200.5', 'JPY', 'en-US')).toBe('¥1,200.5')
  })

  it('answers "—" for nothing and the raw value for something malformed (OrDash)', () => {
    expect(formatUnitPriceOrDash(null, 'USD')).toBe('—')
    expect(formatUnitPriceOrDash('abc', 'USD')).toBe('abc')
  })
})

describe('roundDecimal', () => {
  it('returns base units and the sign', () => {
    expect(roundDecimal('12.345', 2)).toEqual({ negative: false, units: 1235n })
    expect(roundDecimal('-7', 2)).toEqual({ negative: true, units: 700n })
  })
})

describe('formatAssetAmount', () => {
  it('keeps every significant decimal of a coin amount and drops trailing zeros', () => {
    expect(formatAssetAmount('0.00150000', 'BTC', 'en-US')).toBe('0.0015\u00a0BTC')
    expect(formatAssetAmount('1234567.123456789012345678', 'ETH', 'en-US')).toBe(
      '1,234,567.123456789012345678\u00a0ETH',
    )
    expect(formatAssetAmount('250.000000', 'USDT', 'en-US')).toBe('250\u00a0USDT')
  })

  it('lays the digits out for the locale, exactly past what a float holds', () => {
    expect(formatAssetAmount('9007199254740993.5', 'USDC', 'de-DE')).toBe('9.007.199.254.740.993,5\u00a0USDC')
  })

  it('shows what is not a decimal as it came, and never a negative zero', () => {
    expect(formatAssetAmount('n/a', 'TON', 'en-US')).toBe('n/a\u00a0TON')
    expect(formatAssetAmount('-0.000', 'SOL', 'en-US')).toBe('0\u00a0SOL')
  })
})
