import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { hashSecret } from '../auth/secrets.js'

/** Sign-in links work 15 minutes; a "request payment details" email is read later, so its link works a week. */
export const SIGN_IN_TTL_MINUTES = 15
export const PAYMENT_DETAILS_TTL_MINUTES = 7 * 24 * 60
export const PORTAL_SESSION_TTL_HOURS = 12
export const PORTAL_COOKIE = 'coinbook_portal'

function mac(key: string, merchantId: string, secret: string): string {
  return createHmac('sha256', key).update(`portal:v1:${merchantId}:${secret}`).digest('base64url')
}

/**
 * A portal link token: `<random>.<hmac>`. The random part is what is stored (hashed); the HMAC, over the
 * merchant too, lets a forged or truncated link be refused before any lookup, and only for its merchant.
 */
export function newLinkToken(key: string, merchantId: string): { token: string; id: string } {
  const secret = randomBytes(32).toString('base64url')
  return { token: `${secret}.${mac(key, merchantId, secret)}`, id: hashSecret(secret) }
}

/** The stored id of a token whose signature holds for this merchant, else null. */
export function verifyLinkToken(key: string, merchantId: string, token: string): string | null {
  const [secret, given, ...rest] = token.split('.')
  if (!secret || !given || rest.length > 0 || !/^[A-Za-z0-9_-]{43}$/.test(secret)) return null
  const expected = Buffer.from(mac(key, merchantId, secret))
  const got = Buffer.from(given)
  if (expected.length !== got.length || !timingSafeEqual(expected, got)) return null
  return hashSecret(secret)
}

/** The portal page a link opens: the dashboard's /portal/<merchant>/enter, the token in the fragment. */
export function portalPath(merchantId: string, token?: string): string {
  return `/portal/${merchantId}${token ? `/enter#token=${encodeURIComponent(token)}` : ''}`
}
