/** Where "now" comes from: every service that stamps, expires or schedules reads it, so tests can set it. */
export interface Clock {
  now(): Date
}

/** The machine's clock. */
export const systemClock: Clock = { now: () => new Date() }

/** "YYYY-MM-DD" of a moment, in UTC: the calendar day invoices are dated and fall due on. */
export function utcDate(at: Date): string {
  return at.toISOString().slice(0, 10)
}

/** A calendar date plus whole days, as "YYYY-MM-DD". */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return utcDate(d)
}
