import { base64, hex } from '@scure/base'
import { InvalidInputError } from '../../errors.js'

const HEX = /^[0-9a-fA-F]{64}$/
const BASE64 = /^[A-Za-z0-9+/_-]{43}=?$/

/**
 * A TON transaction or message hash as people paste it — 64 hex digits (tonviewer, tonscan) or 32 bytes in
 * base64 or base64url, padded or not (toncenter) — as 64 lowercase hex digits, the form events carry.
 */
export function parseTonHash(input: string): string {
  const given = typeof input === 'string' ? input.trim() : ''
  if (HEX.test(given)) return given.toLowerCase()
  if (BASE64.test(given) && !(/[+/]/.test(given) && /[-_]/.test(given))) {
    const standard = given.replace(/-/g, '+').replace(/_/g, '/').replace(/=?$/, '=')
    try {
      return hex.encode(base64.decode(standard))
    } catch {
      // The last character carries bits past the 32 bytes: not a hash someone copied.
    }
  }
  throw new InvalidInputError(`Not a TON transaction hash: ${String(input).slice(0, 100)}`, {
    details: 'expected 64 hex digits, or 32 bytes in base64 or base64url',
  })
}
