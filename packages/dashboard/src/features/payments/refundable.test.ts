import { describe, expect, it } from 'vitest'
import { isRefundable, refundableAmount, subtractDecimal } from './refundable'

describe('refundable amounts', () => {
  it('subtracts exact decimals without floats', () => {
    expect(subtractDecimal('0.3', '0.1')).toBe('0.2') // 0.3 - 0.1 is 0.19999999999999998 in floats
    expect(subtractDecimal('0.3', '0.15')).toBe('0.15')
    expect(subtractDecimal('10', '3.333333')).toBe('6.666667')
    expect(subtractDecimal('1', '1.000')).toBe('0')
    expect(subtractDecimal('123456789012345678.000000000000000001', '0.000000000000000001')).toBe(
      '123456789012345678',
    )
  })

  it('leaves the payment’s amount minus what was refunded, for confirmed payments of a customer', () => {
    expect(refundableAmount({ amount: '0.25', refundedAmount: '0.1' })).toBe('0.15')
    const ok = { status: 'confirmed', customerId: 'c', refundStatus: 'partial' } as const
    expect(isRefundable(ok)).toBe(true)
    expect(isRefundable({ ...ok, refundStatus: 'full' })).toBe(false)
    expect(isRefundable({ ...ok, status: 'pending' })).toBe(false)
    expect(isRefundable({ ...ok, customerId: null })).toBe(false)
  })
})
