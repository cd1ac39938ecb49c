import type { Payment } from './api'

const DECIMAL = /^(\d+)(?:\.(\d+))?$/

/** A non-negative decimal string as an integer of 10^-places units, exactly. */
function units(value: string, places: number): bigint {
  const m = DECIMAL.exec(value.trim())
  if (!m) throw new RangeError(`"${value}" is not a decimal number`)
  const [, whole = '0', fraction = ''] = m
  return BigInt(whole + fraction.padEnd(places, '0'))
}

const placesOf = (value: string) => value.split('.')[1]?.length ?? 0

/** a − b of two exact decimal strings, as a decimal string without trailing zeros ("0.3" − "0.15" = "0.15"). */
export function subtractDecimal(a: string, b: string): string {
  const places = Math.max(placesOf(a), placesOf(b))
  const diff = units(a, places) - units(b, places)
  const negative = diff < 0n
  const digits = (negative ? -diff : diff).toString().padStart(places + 1, '0')
  const whole = digits.slice(0, digits.length - places)
  const fraction = digits.slice(digits.length - places).replace(/0+$/, '')
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`
}

/** What is left to refund of a payment, in its coin: its amount minus what was refunded. */
export function refundableAmount(payment: Pick<Payment, 'amount' | 'refundedAmount'>): string {
  return subtractDecimal(payment.amount, payment.refundedAmount)
}

/** Only a confirmed payment of a customer with something left to refund can be refunded (the API's rule). */
export function isRefundable(payment: Pick<Payment, 'status' | 'customerId' | 'refundStatus'>): boolean {
  return payment.status === 'confirmed' && payment.customerId !== null && payment.refundStatus !== 'full'
}
