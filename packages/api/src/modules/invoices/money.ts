import { parseUnits } from '@coinbook/chain-watchers/money'

// Fiat amounts are bigint minor units of the invoice's currency (cents for USD, yen for JPY); decimal
// strings only at the edges. Never a float.

/** Decimals a line's quantity may have. */
export const QUANTITY_DECIMALS = 6
/** Decimals a line's unit price may have (fractions of a cent for metered prices). */
export const UNIT_DECIMALS = 6
/** Decimals a tax percentage may have ("23", "8.875"). */
export const PERCENT_DECIMALS = 4
const RATE_DECIMALS = 18

/** Half-up division of non-negative numbers. */
function divHalfUp(n: bigint, d: bigint): bigint {
  return (n + d / 2n) / d
}

/** A decimal string (or SQL numeric) as minor units; "100" and "100.00" are both 10000 for USD. */
export function toMinor(value: string, fiatDecimals: number): bigint {
  return parseUnits(value, fiatDecimals)
}

/** Minor units as a decimal string with the currency's places: 10000 → "100.00", 5 (JPY) → "5". */
export function formatMinor(value: bigint, fiatDecimals: number): string {
  const negative = value < 0n
  const abs = negative ? -value : value
  const base = 10n ** BigInt(fiatDecimals)
  const whole = (abs / base).toString()
  const fraction = fiatDecimals ? `.${(abs % base).toString().padStart(fiatDecimals, '0')}` : ''
  return `${negative ? '-' : ''}${whole}${fraction}`
}

/** quantity × unit price, rounded half-up to the currency's minor units. */
export function lineAmount(quantity: string, unitAmount: string, fiatDecimals: number): bigint {
  const q = parseUnits(quantity, QUANTITY_DECIMALS)
  const u = parseUnits(unitAmount, UNIT_DECIMALS)
  const scale = 10n ** BigInt(QUANTITY_DECIMALS + UNIT_DECIMALS - fiatDecimals)
  return divHalfUp(q * u, scale)
}

/** `percentage`% of an amount in minor units, rounded half-up. */
export function percentOf(amount: bigint, percentage: string): bigint {
  const p = parseUnits(percentage, PERCENT_DECIMALS)
  return divHalfUp(amount * p, 100n * 10n ** BigInt(PERCENT_DECIMALS))
}

/** `percentage`% of an amount in minor units, rounded down (a tolerance never grows past its setting). */
export function percentOfFloor(amount: bigint, percentage: string): bigint {
  const p = parseUnits(percentage, PERCENT_DECIMALS)
  return (amount * p) / (100n * 10n ** BigInt(PERCENT_DECIMALS))
}

/**
 * Base units of an asset that pay `due` minor units at `rate` (fiat per whole unit), rounded up so the
 * payment is never worth less than what is due.
 */
export function coinAmountFor(
  due: bigint,
  fiatDecimals: number,
  rate: string,
  assetDecimals: number,
): bigint {
  const r = parseUnits(rate, RATE_DECIMALS)
  if (r <= 0n) throw new RangeError('rate must be positive')
  const numerator = due * 10n ** BigInt(assetDecimals + RATE_DECIMALS)
  const denominator = r * 10n ** BigInt(fiatDecimals)
  return (numerator + denominator - 1n) / denominator
}
