import countries from 'i18n-iso-countries'

/**
 * Spreadsheet cells → the values the customer API takes. Lenient about how people type (case, "Net 30",
 * "Portugal", "USDT on Tron"); anything it cannot read is passed on for the API's validation to reject
 * with its usual message.
 */

/** What the export puts before a value a spreadsheet would run as a formula. */
const NEUTRALISED = /^'(?='*[=+\-@\t\r])/

/** Undoes the export's formula guard ("'=SUM(A1)" → "=SUM(A1)"), so an exported file imports back. */
export function unguard(cell: string): string {
  return cell.charCodeAt(0) === 39 ? cell.replace(NEUTRALISED, '') : cell
}

/** "vip, \"a, b\"" → ["vip", "a, b"]: commas split, double quotes keep a comma in a value. */
export function splitList(cell: string): string[] {
  const out: string[] = []
  let current = ''
  let quoted = false
  for (let i = 0; i < cell.length; i++) {
    const ch = cell[i] as string
    if (ch === '"') {
      if (quoted && cell[i + 1] === '"') {
        current += '"'
        i++
      } else quoted = !quoted
    } else if (ch === ',' && !quoted) {
      out.push(current)
      current = ''
    } else current += ch
  }
  out.push(current)
  return out.map((s) => s.trim()).filter((s) => s !== '')
}

/** The inverse of {@link splitList}: values with a comma or quote are quoted. */
export function joinList(values: readonly string[]): string {
  return values.map((v) => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(', ')
}

const COIN = /^([A-Za-z0-9]{2,10})\s*(?::|\/|\s+on\s+)\s*([A-Za-z-]{2,20})$/i

/** "USDT:tron, BTC/bitcoin, USDC on Solana" → pairs; undefined when an item is not a pair. */
export function parseCoins(cell: string): { asset: string; network: string }[] | undefined {
  const pairs: { asset: string; network: string }[] = []
  for (const item of splitList(cell)) {
    const m = COIN.exec(item)
    if (!m) return undefined
    pairs.push({ asset: (m[1] as string).toUpperCase(), network: (m[2] as string).toLowerCase() })
  }
  return pairs
}

/** "USDT:tron, BTC:bitcoin": how the export writes preferred coins. */
export function formatCoins(coins: readonly { asset: string; network: string }[]): string {
  return coins.map((c) => `${c.asset}:${c.network}`).join(', ')
}

const TERMS = /^(?:net\s*)?(\d{1,4})(?:\s*days?)?$/i

/** "30", "Net 30", "30 days" → 30; anything else is returned as is, for the validation to reject. */
export function parseTerms(cell: string): number | string {
  const m = TERMS.exec(cell.trim())
  return m ? Number(m[1]) : cell
}

/** "2025-03-14" or an ISO date-time → "2025-03-14". */
export function parseDate(cell: string): string {
  const v = cell.trim()
  return /^\d{4}-\d{2}-\d{2}T/.test(v) ? v.slice(0, 10) : v
}

const NAME_LOCALES = ['en', 'de', 'fr', 'es', 'pt', 'it', 'nl']

/** "pt", "PRT", "Portugal", "Deutschland" → an alpha-2 code; else the text as typed. */
export function parseCountry(cell: string): string {
  const v = cell.trim()
  if (v.length === 2) return v.toUpperCase()
  if (v.length === 3) return countries.alpha3ToAlpha2(v.toUpperCase()) ?? v
  for (const lang of NAME_LOCALES) {
    const code = countries.getSimpleAlpha2Code(v, lang)
    if (code) return code
  }
  return v
}
