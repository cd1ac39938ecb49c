/** Raised when a decimal string is not an exact amount for the given number of decimals. */
export class InvalidAmountError extends Error {
  override name = 'InvalidAmountError'
  constructor(
    readonly value: string,
    readonly shortMessage: string,
  ) {
    super(`Invalid amount "${value}": ${shortMessage}`)
  }
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/

/** Parses a decimal string ("12.5") into base units (12500000n for 6 decimals), exactly. */
export function parseUnits(value: string, decimals: number): bigint {
  const m = DECIMAL.exec(value.trim())
  if (!m) throw new InvalidAmountError(value, 'expected a decimal number such as 12.50')
  const [, sign, whole = '0', fraction = ''] = m
  const trimmed = fraction.replace(/0+$/, '')
  if (trimmed.length > decimals) {
    throw new InvalidAmountError(value, `more than ${decimals} decimal places`)
  }
  const units = BigInt(whole) * 10n ** BigInt(decimals) + BigInt(trimmed.padEnd(decimals, '0') || '0')
  return sign ? -units : units
}

/** Formats base units as a decimal string without trailing zeros (12500000n, 6 → "12.5"). */
export function formatUnits(value: bigint, decimals: number): string {
  const negative = value < 0n
  const abs = negative ? -value : value
  const base = 10n ** BigInt(decimals)
  const whole = abs / base
  const fraction = (abs % base).toString().padStart(decimals, '0').replace(/0+$/, '')
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`
}

/** Whether a string is an exact decimal with at most `decimals` places (for input validation). */
export function isDecimalString(value: string, decimals: number): boolean {
  try {
    parseUnits(value, decimals)
    return true
  } catch {
    return false
  }
}
