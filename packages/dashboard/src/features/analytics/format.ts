/** "0.2500" → "25%", "0.6667" → "66.7%"; null → "—". For display only: money stays exact elsewhere. */
export function formatRate(rate: string | null | undefined): string {
  if (rate === null || rate === undefined) return '—'
  const pct = Number(rate) * 100
  if (!Number.isFinite(pct)) return '—'
  return `${Number.isInteger(Math.round(pct * 10) / 10) ? Math.round(pct) : (Math.round(pct * 10) / 10).toFixed(1)}%`
}

/** "12.50" days → "12.5 days"; null → "—". */
export function formatDays(days: string | null | undefined): string {
  if (days === null || days === undefined) return '—'
  const n = Number(days)
  if (!Number.isFinite(n)) return '—'
  const shown = Number.isInteger(n) ? String(n) : n.toFixed(1)
  return `${shown} ${n === 1 ? 'day' : 'days'}`
}

/** A signed change ratio as "+25%" / "−10%"; null → "no previous data". */
export function formatChange(rate: string | null): string {
  if (rate === null) return 'no previous data'
  const n = Number(rate)
  return `${n > 0 ? '+' : n < 0 ? '−' : '±'}${formatRate(String(Math.abs(n)))}`
}
