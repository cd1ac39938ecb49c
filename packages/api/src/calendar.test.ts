import { describe, expect, it } from 'vitest'
import { addMonths, addUnits } from './calendar.js'

describe('calendar arithmetic', () => {
  it('clamps Jan 31 + 1 month to the end of February, in common and leap years', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
  })

  it('keeps the anchor day once a longer month comes back', () => {
    const periods = [0, 1, 2, 3, 4].map((n) => addUnits('2026-01-31', 'month', 1, n))
    expect(periods).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31'])
  })

  it('steps a Feb 29 anchor by years to Feb 28 and back to Feb 29 in the next leap year', () => {
    expect([1, 2, 3, 4].map((n) => addUnits('2024-02-29', 'year', 1, n))).toEqual([
      '2025-02-28',
      '2026-02-28',
      '2027-02-28',
      '2028-02-29',
    ])
  })

  it('steps quarters from a month end and crosses years', () => {
    expect([1, 2, 3, 4].map((n) => addUnits('2025-11-30', 'quarter', 1, n))).toEqual([
      '2026-02-28',
      '2026-05-30',
      '2026-08-30',
      '2026-11-30',
    ])
  })

  it('counts days, weeks and multiples of a unit', () => {
    expect(addUnits('2026-02-27', 'day', 1, 2)).toBe('2026-03-01')
    expect(addUnits('2026-12-28', 'week', 2, 1)).toBe('2027-01-11')
    expect(addUnits('2026-01-31', 'month', 2, 1)).toBe('2026-03-31')
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28')
  })
})
