import { randomBytes } from 'node:crypto'
import { base58 } from '@scure/base'
import type { NetworkId } from './registry/types.js'

/**
 * A new Solana Pay reference: 32 random bytes in base58, the form of a public key, which a wallet adds
 * as a read-only account of the transfer so that the payment can be found by it. Nobody holds its
 * private key, and none is needed.
 */
export function newSolanaReference(): string {
  return base58.encode(randomBytes(32))
}

// Crockford's base 32 without I, L, O and U: nothing a customer can mistype for something else.
const COMMENT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/**
 * A new TON comment code: `CB-` and 8 characters of Crockford base 32 (40 random bits), short enough to
 * type by hand into a wallet that cannot open a link.
 */
export function newTonComment(): string {
  const bytes = randomBytes(8)
  let code = ''
  for (const b of bytes) code += COMMENT_ALPHABET[b & 31]
  return `CB-${code}`
}

/**
 * The form in which a memo is matched: TON comments typed by hand come back with stray spaces, lower case
 * or the look-alike letters Crockford's alphabet leaves out, so those are folded; other memos are exact.
 */
export function normalizeMemo(network: NetworkId, memo: string): string {
  if (network !== 'ton') return memo
  return memo.trim().toUpperCase().replace(/[IL]/g, '1').replace(/O/g, '0')
}
