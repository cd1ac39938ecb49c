import { formatUnits, parseUnits } from '@coinbook/chain-watchers/money'

const RATE_DECIMALS = 18

/**
 * Fiat value of `amount` base units at `rate` (fiat per whole unit), rounded half-up to the currency's
 * minor units. Exact: bigint all the way, no floats.
 */
export function toFiat(amount: bigint, assetDecimals: number, rate: string, fiatDecimals = 2): string {
  const rateUnits = parseUnits(rate, RATE_DECIMALS)
  // value in units of 10^-(RATE_DECIMALS) fiat
  const scaled = (amount * rateUnits) / 10n ** BigInt(assetDecimals)
  const drop = 10n ** BigInt(RATE_DECIMALS - fiatDecimals)
  const negative = scaled < 0n
  const abs = negative ? -scaled : scaled
  const rounded = (abs + drop / 2n) / drop
  return formatUnits(negative ? -rounded : rounded, fiatDecimals)
}

const minorUnits = new Map<string, number>()

/** Minor units of an ISO 4217 currency (JPY 0, USD 2, KWD 3), from the platform's currency data. */
export function fiatDecimals(currency: string): number {
  // Building an Intl.NumberFormat costs more than pricing the payment it is asked for: once per currency.
  let n = minorUnits.get(currency)
  if (n === undefined) {
    n =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    minorUnits.set(currency, n)
  }
  return n
}
