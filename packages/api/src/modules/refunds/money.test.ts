import { describe, expect, it } from 'vitest'
import { refundFiatValue } from './money.js'

const value = (
  fiatValue: string | null,
  paymentAmount: bigint,
  refundedBefore: bigint,
  amount: bigint,
  fd = 2,
) => refundFiatValue({ fiatValue, paymentAmount, refundedBefore, amount, fiatDecimals: fd })

describe('refund fiat value', () => {
  it('is the payment’s value pro rata, rounded half up to the currency’s minor units', () => {
    expect(value('100.00', 1_000_000n, 0n, 250_000n)).toBe('25')
    expect(value('812.40', 250_000_000_000_000_000n, 0n, 100_000_000_000_000_000n)).toBe('324.96')
    expect(value('0.01', 2n, 0n, 1n)).toBe('0.01') // 0.005 → 0.01
    expect(value('1000', 3n, 0n, 1n, 0)).toBe('333') // JPY: 333.33 → 333
    expect(value('10.005', 2n, 0n, 1n)).toBe('5') // 5.0025 → 5.00: the extra place takes part
  })

  it('adds up across partial refunds: three thirds of $100 are $100, not $99.99', () => {
    const a = value('100.00', 3n, 0n, 1n)
    const b = value('100.00', 3n, 1n, 1n)
    const c = value('100.00', 3n, 2n, 1n)
    expect([a, b, c]).toEqual(['33.33', '33.34', '33.33'])
    expect(value('100.00', 3n, 0n, 3n)).toBe('100')
  })

  it('is null without a fiat value', () => {
    expect(value(null, 10n, 0n, 1n)).toBeNull()
  })
})
