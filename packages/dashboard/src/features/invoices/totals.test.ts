import { describe, expect, it } from 'vitest'
import { draftTotals, fiatDecimals, formatMinor, lineProblems } from './totals'

const vat = { id: 'vat', name: 'VAT', percentage: '23' }
const reduced = { id: 'reduced', name: 'VAT reduced', percentage: '8.875' }

describe('draftTotals', () => {
  it('adds lines and tax per rate exactly, where floats would drift', () => {
    const t = draftTotals(
      [
        { quantity: '3', unitAmount: '0.10', tax: null },
        { quantity: '1', unitAmount: '0.20', tax: null },
      ],
      2,
    )
    expect(formatMinor(t.subtotal, 2)).toBe('0.50')
    expect(formatMinor(t.total, 2)).toBe('0.50')
    expect(t.complete).toBe(true)
  })

  it('rounds each line half-up to the currency and tax once per rate over its lines', () => {
    const t = draftTotals(
      [
        { quantity: '1.5', unitAmount: '0.333333', tax: vat }, // 0.4999995 → 0.50
        { quantity: '1', unitAmount: '0.005', tax: vat }, // 0.005 → 0.01
        { quantity: '2', unitAmount: '10', tax: reduced },
      ],
      2,
    )
    expect(t.lines.map((a) => (a === null ? null : formatMinor(a, 2)))).toEqual(['0.50', '0.01', '20.00'])
    // VAT: 23% of 0.51 = 0.1173 → 0.12; reduced: 8.875% of 20.00 = 1.775 → 1.78
    expect(t.taxes.map((x) => [x.name, formatMinor(x.amount, 2)])).toEqual([
      ['VAT', '0.12'],
      ['VAT reduced', '1.78'],
    ])
    expect(formatMinor(t.total, 2)).toBe('22.41')
  })

  it('uses the currency’s own minor units (JPY has none) and large amounts stay exact', () => {
    expect(fiatDecimals('JPY')).toBe(0)
    expect(fiatDecimals('KWD')).toBe(3)
    const yen = draftTotals([{ quantity: '3', unitAmount: '333.5', tax: null }], 0)
    expect(formatMinor(yen.total, 0)).toBe('1001') // 1000.5 → 1001
    const big = draftTotals([{ quantity: '999999999999', unitAmount: '99999999.99', tax: null }], 2)
    expect(formatMinor(big.total, 2)).toBe('99999999989900000000.01')
  })

  it('leaves lines with invalid numbers out and says the totals are not complete', () => {
    const t = draftTotals(
      [
        { quantity: '0', unitAmount: '10', tax: null },
        { quantity: '2', unitAmount: '5', tax: null },
      ],
      2,
    )
    expect(t.lines[0]).toBeNull()
    expect(formatMinor(t.total, 2)).toBe('10.00')
    expect(t.complete).toBe(false)
  })
})

describe('lineProblems', () => {
  it('refuses what the API refuses', () => {
    expect(lineProblems({ quantity: '0', unitAmount: '1' }).quantity).toBe('must be greater than zero')
    expect(lineProblems({ quantity: '-1', unitAmount: '1' }).quantity).toMatch(/positive/)
    expect(lineProblems({ quantity: '1', unitAmount: '1.1234567' }).unitAmount).toMatch(/6 decimals/)
    expect(lineProblems({ quantity: '1', unitAmount: '0' }).unitAmount).toBeUndefined()
  })
})
