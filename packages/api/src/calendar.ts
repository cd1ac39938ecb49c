import { addDays } from './clock.js'

// Calendar arithmetic over "YYYY-MM-DD" UTC dates, for billing periods and installment due dates. A month
// step keeps the anchor's day where the month has it and clamps to the month's last day where it does not,
// always counted from the anchor (never step by step), so Jan 31 → Feb 28 → Mar 31 keeps the 31st.

export type CalendarUnit = 'day' | 'week' | 'month' | 'quarter' | 'year'

function parts(date: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) throw new RangeError(`not a date: ${date}`)
  return [Number(m[1]), Number(m[2]), Number(m[3])]
}

/** Days in a month of a year (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** A date plus whole months, the day clamped to the target month's length: 2024-01-31 + 1 → 2024-02-29. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date)
  const index = y * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  const day = Math.min(d, daysInMonth(year, month))
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** `anchor` plus `n` steps of `count` units, counted from the anchor so month ends never drift. */
export function addUnits(anchor: string, unit: CalendarUnit, count: number, n: number): string {
  const steps = count * n
  switch (unit) {
    case 'day':
      return addDays(anchor, steps)
    case 'week':
      return addDays(anchor, 7 * steps)
    case 'month':
      return addMonths(anchor, steps)
    case 'quarter':
      return addMonths(anchor, 3 * steps)
    case 'year':
      return addMonths(anchor, 12 * steps)
  }
}
