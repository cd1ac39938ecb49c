import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto'

const PLAIN = 'plain:'
const SEALED = 'aes256gcm:'

/** A new signing secret in the Standard Webhooks form: `whsec_` + base64 of 24 random bytes. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`
}

function keyFrom(secretKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secretKey, 'coinbook', 'webhook signing secrets', 32))
}

/**
 * The form a signing secret is stored in. The server signs with it, so it cannot be hashed: with
 * WEBHOOKS_SECRET_KEY it is sealed with AES-256-GCM, else kept as-is (documented in the README).
 */
export function sealSecret(secret: string, secretKey: string | undefined): string {
  if (!secretKey) return `${PLAIN}${secret}`
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyFrom(secretKey), iv)
  const ct = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()])
  return `${SEALED}${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${ct.toString('base64')}`
}

/** A stored secret that cannot be opened (sealed, and WEBHOOKS_SECRET_KEY missing or changed). */
export class SecretUnavailableError extends Error {
  override name = 'SecretUnavailableError'
}

export function openSecret(stored: string, secretKey: string | undefined): string {
  if (stored.startsWith(PLAIN)) return stored.slice(PLAIN.length)
  if (!stored.startsWith(SEALED)) throw new SecretUnavailableError('Unknown webhook secret format')
  if (!secretKey) {
    throw new SecretUnavailableError('The signing secret is encrypted and WEBHOOKS_SECRET_KEY is not set')
  }
  const [iv = '', tag = '', ct = ''] = stored.slice(SEALED.length).split(':')
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(secretKey), Buffer.from(iv, 'base64'))
    decipher.setAuthTag(Buffer.from(tag, 'base64'))
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64')), decipher.final()]).toString('utf8')
  } catch (cause) {
    throw new SecretUnavailableError('The signing secret cannot be decrypted: WEBHOOKS_SECRET_KEY changed?', {
      cause,
    })
  }
}

/**
 * Standard Webhooks signature: `v1,` + base64 HMAC-SHA256 of "id.timestamp.body", keyed by the
 * base64-decoded part of the secret after `whsec_`.
 */
export function signPayload(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64')
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`
}
