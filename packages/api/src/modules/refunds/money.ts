import { formatUnits, parseUnits } from '@coinbook/chain-watchers/money'

/**
 * `part` ÷ `whole` of a fiat value, in minor units of a currency with `fiatDecimals`, rounded half up. Exact:
 * bigint all the way (the value may carry more places than the currency; they take part in the rounding).
 */
function proRata(fiatValue: string, part: bigint, whole: bigint, fiatDecimals: number): bigint {
  const places = Math.max(fiatDecimals, fiatValue.split('.')[1]?.length ?? 0)
  const value = parseUnits(fiatValue, places)
  const denominator = whole * 10n ** BigInt(places - fiatDecimals)
  return (value * part + denominator / 2n) / denominator
}

/**
 * The fiat value of a refund of `amount` base units of a payment of `paymentAmount` worth `fiatValue`, after
 * `refundedBefore` was refunded: the payment's value pro rata, rounded half up to the currency's minor
 * units, cumulatively (value of everything refunded with this one − value of what was refunded before), so
 * the refunds of a payment always add up to its value pro rata and a full refund to exactly its value.
 * Written like payments' fiat values (toFiat): without trailing zeros. Null when the payment has no fiat value.
 */
export function refundFiatValue({
  fiatValue,
  paymentAmount,
  refundedBefore,
  amount,
  fiatDecimals,
}: {
  fiatValue: string | null
  paymentAmount: bigint
  refundedBefore: bigint
  amount: bigint
  fiatDecimals: number
}): string | null {
  if (fiatValue === null || paymentAmount <= 0n) return null
  const after = proRata(fiatValue, refundedBefore + amount, paymentAmount, fiatDecimals)
  const before = proRata(fiatValue, refundedBefore, paymentAmount, fiatDecimals)
  return formatUnits(after - before, fiatDecimals)
}
