import { describe, expect, it } from 'vitest'
import { fiatDecimals, toFiat } from './convert.js'
import { FixedRateProvider, parseFixedRates } from './fixed.js'

describe('fiat conversion', () => {
  it('values base units exactly at a decimal rate', () => {
    expect(toFiat(12_500_000n, 6, '1')).toBe('12.5')
    expect(toFiat(150_000n, 8, '100000')).toBe('150')
    // 0.1 ETH at 4000.55 = 400.055 → 400.06 (half up)
    expect(toFiat(10n ** 17n, 18, '4000.55')).toBe('400.06')
    // BSC USDT has 18 decimals: 1 wei-unit of USDT is far below a cent
    expect(toFiat(1n, 18, '1')).toBe('0')
    expect(toFiat(123_456_789n, 6, '0.9231', 2)).toBe('113.96')
  })

  it('knows the minor units of currencies', () => {
    expect(fiatDecimals('USD')).toBe(2)
    expect(fiatDecimals('JPY')).toBe(0)
    expect(toFiat(150_000n, 8, '15000000', fiatDecimals('JPY'))).toBe('22500')
  })

  it('reads a fixed rate table and refuses unknown pairs', async () => {
    const p = new FixedRateProvider(parseFixedRates('BTC:EUR=90000.5, USDT:EUR=0.92'))
    expect((await p.getRate({ asset: 'BTC', fiat: 'EUR', at: new Date() })).rate).toBe('90000.5')
    await expect(p.getRate({ asset: 'ETH', fiat: 'EUR', at: new Date() })).rejects.toThrow(/ETH\/EUR/)
    expect(() => parseFixedRates('BTC=1')).toThrow(/ASSET:FIAT=PRICE/)
  })
})
