// Codes that Intl knows as regions but that are not ISO 3166-1 countries the API accepts.
const NOT_COUNTRIES = new Set(
  'AC AN BU CP CQ CS DD DG DY EA EU EZ FX HV IC NH QO RH SU TA TP UK UN VD XA XB YD YU ZR ZZ'.split(' '),
)

export interface CountryOption {
  code: string
  name: string
}

let cached: CountryOption[] | undefined

/** ISO 3166-1 alpha-2 countries with their English names, sorted by name. */
export function countryOptions(locale = 'en'): CountryOption[] {
  if (cached) return cached
  const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' })
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
  const out: CountryOption[] = []
  for (const a of letters) {
    for (const b of letters) {
      const code = a + b
      if (NOT_COUNTRIES.has(code)) continue
      const name = names.of(code)
      if (name && name !== code) out.push({ code, name })
    }
  }
  cached = out.sort((x, y) => x.name.localeCompare(y.name))
  return cached
}

/** "Portugal" for "PT"; the code itself when unknown. */
export function countryName(code: string | null | undefined, locale = 'en'): string {
  if (!code) return '—'
  try {
    return new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }).of(code) ?? code
  } catch {
    return code
  }
}

const COMMON_CURRENCIES = ['USD', 'EUR', 'GBP', 'CHF', 'CAD', 'AUD', 'JPY', 'BRL', 'INR', 'SGD']

/** ISO 4217 codes Intl supports, the common ones first. */
export function currencyOptions(): string[] {
  const all = Intl.supportedValuesOf('currency')
  return [...COMMON_CURRENCIES, ...all.filter((c) => !COMMON_CURRENCIES.includes(c))]
}

/** IANA time zones, UTC first. */
export function timeZoneOptions(): string[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')]
}
