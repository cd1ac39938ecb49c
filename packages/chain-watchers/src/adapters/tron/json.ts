/**
 * JSON.parse that keeps integers beyond 2^53 exact: java-tron prints int64 fields (amounts in sun,
 * call_value) as bare JSON numbers, which JSON.parse would round. Such literals come back as decimal
 * strings; every other value parses as usual. Strings are matched first so digits inside them (block ids,
 * hex data) are left alone.
 */
export function parseNodeJson(text: string): unknown {
  if (!LONG_DIGITS.test(text)) return JSON.parse(text)
  return JSON.parse(
    text.replace(TOKENS, (token) =>
      token.startsWith('"') || Number.isSafeInteger(Number(token)) ? token : `"${token}"`,
    ),
  )
}

// A string literal, or an integer literal of 16+ digits (not followed by a fraction or exponent).
const TOKENS = /"(?:[^"\\]|\\.)*"|-?\d{16,}(?![.eE\d])/g
const LONG_DIGITS = /\d{16}/

/**
 * An int64 field as a bigint: a safe-integer number or a decimal string (what parseNodeJson gives for
 * larger values, and what nodes with `int64_as_string` send). Undefined for anything else.
 */
export function int64(value: unknown): bigint | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : undefined
  if (typeof value === 'string' && /^-?\d{1,20}$/.test(value)) return BigInt(value)
  return undefined
}
