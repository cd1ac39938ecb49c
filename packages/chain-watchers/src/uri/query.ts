import { InvalidInputError } from '../errors.js'

/** Builds "?k=v&…" from the pairs whose value is defined, percent-encoding values (RFC 3986, space as %20). */
export function buildQuery(pairs: [key: string, value: string | undefined][]): string {
  const parts = pairs.filter((p): p is [string, string] => p[1] !== undefined)
  return parts.length === 0 ? '' : `?${parts.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`
}

/** Splits and percent-decodes a query string (without "?") into its pairs, in order. */
export function parseQuery(query: string): [key: string, value: string][] {
  if (query === '') return []
  return query.split('&').map((part) => {
    const eq = part.indexOf('=')
    const key = eq === -1 ? part : part.slice(0, eq)
    const raw = eq === -1 ? '' : part.slice(eq + 1)
    try {
      return [decodeURIComponent(key), decodeURIComponent(raw)]
    } catch (cause) {
      throw new InvalidInputError(`Malformed percent-encoding in URI parameter "${key}"`, { cause })
    }
  })
}

/** Throws unless an amount in base units is positive. */
export function assertPositive(amount: bigint | undefined, what = 'Amount'): void {
  if (amount !== undefined && amount <= 0n) {
    throw new InvalidInputError(`${what} must be positive, got ${amount}`)
  }
}
