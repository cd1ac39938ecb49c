import { z } from '@hono/zod-openapi'
import countries from 'i18n-iso-countries'

const currencies = new Set(Intl.supportedValuesOf('currency'))
// Building a DateTimeFormat costs ~0.1 ms: an import of a million rows asks about the same few zones.
const knownZones = new Map<string, boolean>()
/** Any zone the platform's time zone data knows, including aliases (Asia/Kolkata, Europe/Kyiv). */
function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z_+\-/0-9]{1,64}$/.test(zone)) return false
  const known = knownZones.get(zone)
  if (known !== undefined) return known
  let valid: boolean
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    valid = true
  } catch {
    valid = false
  }
  if (knownZones.size < 10_000) knownZones.set(zone, valid)
  return valid
}

/** ISO 3166-1 alpha-2, upper-cased ("pt" → "PT"). */
export const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(
    (v) => /^[A-Z]{2}$/.test(v) && countries.isValid(v),
    'must be an ISO 3166-1 alpha-2 country code such as PT',
  )
  .openapi({ example: 'PT' })

/** ISO 4217 currency code ("eur" → "EUR"). */
export const currencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine((v) => currencies.has(v), 'must be an ISO 4217 currency code such as USD')
  .openapi({ example: 'USD' })

/** IANA time zone such as Europe/Lisbon. */
export const timeZone = z
  .string()
  .trim()
  .refine(isTimeZone, 'must be an IANA time zone such as Europe/Lisbon')
  .openapi({ example: 'Europe/Lisbon' })

/** A non-negative exact decimal string with at most `places` decimals; never a float. */
export function decimalString(places = 8) {
  return z
    .string()
    .trim()
    .regex(
      new RegExp(`^\\d{1,20}(\\.\\d{1,${places}})?$`),
      `must be a decimal number with at most ${places} decimals, as a string`,
    )
    .openapi({ example: '150.00' })
}

export const email = z.email('must be a valid email address').max(254, 'must be at most 254 characters')

export const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()\-.]{3,30}$/, 'must be a phone number such as +351 912 345 678')

/** Optional text: trimmed, an empty string becomes null. */
export function text(max: number) {
  return z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((v) => (v === '' ? null : v))
}

export const uuidParam = z.object({
  id: z
    .uuid('must be a UUID')
    .openapi({ param: { name: 'id', in: 'path' }, example: '019a0000-0000-7000-8000-000000000000' }),
})
