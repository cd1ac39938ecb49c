/** "Mar 4, 2026" from an ISO date or timestamp; "—" when missing. */
export function formatDate(value: string | null | undefined, locale?: string): string {
  if (!value) return '—'
  // A bare date ("2026-03-04") is a calendar day: format it in UTC so no time zone shifts it.
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value)
  const d = new Date(dateOnly ? `${value}T00:00:00Z` : value)
  if (Number.isNaN(d.getTime())) return value
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    ...(dateOnly ? { timeZone: 'UTC' } : {}),
  }).format(d)
}

/** "Mar 4, 2026, 14:05" for a timestamp. */
export function formatDateTime(value: string | null | undefined, locale?: string): string {
  if (!value) return '—'
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) return value
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d)
}

/** "today" / "3 days ago" / a date, for recent activity. */
export function formatRelative(value: string, now = Date.now(), locale?: string): string {
  const d = new Date(value).getTime()
  if (Number.isNaN(d)) return value
  const seconds = Math.round((d - now) / 1000)
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  const abs = Math.abs(seconds)
  if (abs < 60) return rtf.format(seconds, 'second')
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute')
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour')
  if (abs < 86400 * 30) return rtf.format(Math.round(seconds / 86400), 'day')
  return formatDate(value, locale)
}
