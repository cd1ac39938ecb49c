import { DateTime } from 'luxon'

// When a reminder goes: 09:00 on the step's calendar date in the customer's time zone (the merchant's when
// the customer has none, UTC when neither has one). Luxon resolves the wall-clock time in the zone's own
// rules for that date, so a daylight-saving change moves the UTC instant, never the local 09:00, and a
// reminder can neither move nor repeat across it. 09:00 is in no zone's DST gap or overlap.

export const SEND_HOUR = 9
export const DEFAULT_ZONE = 'UTC'

/** The zone a customer's reminders follow. */
export function reminderZone(customerZone: string | null, merchantZone: string | null): string {
  for (const zone of [customerZone, merchantZone]) {
    if (zone && DateTime.local({ zone }).isValid) return zone
  }
  return DEFAULT_ZONE
}

/** "YYYY-MM-DD" plus whole calendar days. */
export function stepDate(base: string, offsetDays: number): string {
  const d = DateTime.fromISO(base, { zone: 'UTC' })
  if (!d.isValid) throw new RangeError(`not a date: ${base}`)
  return d.plus({ days: offsetDays }).toISODate() as string
}

/** The instant of 09:00 local time on `date` in `zone`. */
export function sendAt(date: string, zone: string): Date {
  const [y, m, d] = date.split('-').map(Number)
  const local = DateTime.fromObject({ year: y, month: m, day: d, hour: SEND_HOUR }, { zone })
  if (!local.isValid) throw new RangeError(`cannot place ${date} 09:00 in ${zone}: ${local.invalidReason}`)
  return local.toJSDate()
}

/** The instant a calendar date begins in `zone` (midnight local, whatever DST does that day). */
export function startOfDay(date: string, zone: string): Date {
  return DateTime.fromISO(date, { zone }).startOf('day').toJSDate()
}

/** The calendar date it is in `zone` at `at`. */
export function localDate(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toISODate() as string
}

/**
 * The UTC dates on which some zone's 09:00 of a step date can fall is that date or the day before
 * (UTC+14 reaches 09:00 at 19:00 UTC the day before; UTC−12 at 21:00 UTC the same day). So a step whose date
 * is after tomorrow (UTC) is due nowhere yet: the run's SQL narrows with this, Luxon decides exactly.
 */
export function latestPossiblyDueDate(now: Date): string {
  return stepDate(now.toISOString().slice(0, 10), 1)
}
