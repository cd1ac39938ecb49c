const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/

export interface FormatMoneyOptions {
  locale?: string | undefined
  /** Decimal places; defaults to the currency's own (2 for USD, 0 for JPY, 3 for KWD). */
  fractionDigits?: number
}

/** Rounds a decimal string half away from zero to `places` decimals, exactly, in base units. */
export function roundDecimal(value: string, places: number): { negative: boolean; units: bigint } {
  const m = DECIMAL.exec(value.trim())
  if (!m) throw new RangeError(`"${value}" is not a decimal number`)
  const [, sign, whole = '0', fraction = ''] = m
  const kept = fraction.slice(0, places).padEnd(places, '0')
  let units = BigInt(whole + kept)
  // Half away from zero, the way accountants (and Intl's default "halfExpand") round.
  if ((fraction[places] ?? '0') >= '5') units += 1n
  return { negative: sign === '-' && units !== 0n, units }
}

/**
 * Formats an exact decimal amount ("1234567890123.455") as money in the currency ("$1,234,567,890,123.46")
 * without ever turning it into a float: rounding is done on the digits, Intl only lays out the result.
 */
export function formatMoney(amount: string, currency: string, opts: FormatMoneyOptions = {}): string {
  const base = new Intl.NumberFormat(opts.locale, { style: 'currency', currency })
  const places = opts.fractionDigits ?? base.resolvedOptions().maximumFractionDigits ?? 2
  const { negative, units } = roundDecimal(amount, places)
  const scale = 10n ** BigInt(places)
  const whole = units / scale
  const fraction = (units % scale).toString().padStart(places, '0')

  const integerLayout = new Intl.NumberFormat(opts.locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
  })
  // bigint formatting is exact; the template (from ±1) gives the sign and currency placement of the locale.
  const digits = integerLayout.formatToParts(whole).filter((p) => p.type === 'integer' || p.type === 'group')
  const decimalSeparator =
    new Intl.NumberFormat(opts.locale, { minimumFractionDigits: 1 })
      .formatToParts(1.5)
      .find((p) => p.type === 'decimal')?.value ?? '.'
  const out: string[] = []
  for (const part of integerLayout.formatToParts(negative ? -1n : 1n)) {
    if (part.type !== 'integer') {
      out.push(part.value)
      continue
    }
    out.push(...digits.map((p) => p.value))
    if (places > 0) out.push(decimalSeparator, fraction)
  }
  return out.join('')
}

/** Like {@link formatMoney}, but answers "—" for a missing or malformed amount instead of throwing. */
export function formatMoneyOrDash(
  amount: string | null | undefined,
  currency: string | null | undefined,
  locale?: string,
) {
  if (amount == null || !currency) return '—'
  try {
    return formatMoney(amount, currency, { locale })
  } catch {
    return amount
  }
}

/**
 * Formats an exact amount of a coin ("1234.50000000", "BTC") as "1,234.5 BTC": every significant decimal
 * is kept (a payment must match the wallet to the last digit), trailing zeros are dropped, the whole part
 * is grouped for the locale from a bigint. Anything that is not a decimal string is shown as it came.
 */
export function formatAssetAmount(amount: string, asset: string, locale?: string): string {
  const m = DECIMAL.exec(amount.trim())
  if (!m) return `${amount}\u00a0${asset}`
  const [, sign, whole = '0', fraction = ''] = m
  const decimals = fraction.replace(/0+$/, '')
  const units = BigInt(whole)
  const grouped = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(units)
  const separator =
    new Intl.NumberFormat(locale, { minimumFractionDigits: 1 })
      .formatToParts(1.5)
      .find((p) => p.type === 'decimal')?.value ?? '.'
  const negative = sign === '-' && (units !== 0n || decimals !== '')
  return `${negative ? '-' : ''}${grouped}${decimals ? `${separator}${decimals}` : ''}\u00a0${asset}`
}

/**
 * Formats a unit price like {@link formatMoney}, but keeps every significant decimal it was stored with
 * ("1.115" USD is "$1.115", not "$1.12"); never fewer decimals than the currency's own ("10" is "$10.00").
 */
export function formatUnitPrice(amount: string, currency: string, locale?: string): string {
  const base = new Intl.NumberFormat(locale, { style: 'currency', currency })
  const own = base.resolvedOptions().maximumFractionDigits ?? 2
  const stored = DECIMAL.exec(amount.trim())?.[3]?.replace(/0+$/, '').length ?? 0
  return formatMoney(amount, currency, { locale, fractionDigits: Math.max(own, stored) })
}

/** Like {@link formatUnitPrice}, but answers "—" for a missing or malformed amount instead of throwing. */
export function formatUnitPriceOrDash(
  amount: string | null | undefined,
  currency: string | null | undefined,
  locale?: string,
) {
  if (amount == null || !currency) return '—'
  try {
    return formatUnitPrice(amount, currency, locale)
  } catch {
    return amount
  }
}
