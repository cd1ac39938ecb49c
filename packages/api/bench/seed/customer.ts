import { v7 as uuidv7 } from 'uuid'
import type {
  CustomerStatus,
  CustomerTier,
  CustomerType,
  PaymentLimits,
  PostalAddress,
} from '../../src/db/database.js'
import { type Country, countries, type Locale, locales } from './locales.js'
import { Rng } from './prng.js'
import * as v from './vocabulary.js'

/** One customers row as the seed writes it (snake_case, as in the table). */
export interface SeedCustomer {
  id: string
  merchant_id: string
  custom_id: string | null
  name: string
  email: string | null
  phone: string | null
  company: string | null
  job_title: string | null
  billing_address: PostalAddress | null
  shipping_address: PostalAddress | null
  country: string
  timezone: string | null
  status: CustomerStatus
  type: CustomerType
  tax_id: string | null
  vat_number: string | null
  tags: string[]
  tier: CustomerTier | null
  notes: string | null
  custom_fields: Record<string, string | number | boolean>
  preferred_fiat: string | null
  payment_terms_days: number | null
  payment_limits: PaymentLimits | null
  registration_date: string
  created_at: Date
  updated_at: Date
}

export interface SeedStats {
  customer_id: string
  merchant_id: string
  lifetime_value: string
  payment_count: number
  first_payment_at: Date | null
  last_payment_at: Date | null
  updated_at: Date
}

export interface SeedPreference {
  customer_id: string
  merchant_id: string
  position: number
  asset: string
  network: string
}

export interface SeedRow {
  customer: SeedCustomer
  stats: SeedStats
  preferences: SeedPreference[]
}

export interface GenerateOptions {
  seed: number
  merchantId: string
  /** The size of the whole data set: registration dates spread evenly over the window. */
  total: number
}

/** At most this many customers: the email number below is a bijection on [0, MAX_CUSTOMERS). */
export const MAX_CUSTOMERS = 10_000_000

// A fixed window, so the same seed gives the same rows whatever day it runs.
const FROM = Date.UTC(2019, 0, 1)
const TO = Date.UTC(2026, 9, 31)

const LATIN_NAME = /^[\p{Script=Latin}\p{N}\p{P}\p{Zs}&]+$/u
const localeWeights = locales.map((l) => [l, l.weight] as const)

/** Email-safe lower-case ASCII of a romanised name: "Müller" → "muller", "O'Brien" → "obrien". */
export function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[øØ]/g, 'o')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[đĐ]/g, 'd')
    .replace(/ı/g, 'i')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
}

function fromPattern(rng: Rng, pattern: string): string {
  let out = ''
  for (const ch of pattern) {
    if (ch === '9') out += rng.int(0, 9)
    else if (ch === 'A') out += String.fromCharCode(65 + rng.int(0, 25))
    else out += ch
  }
  return out
}

function personName(rng: Rng, locale: Locale) {
  const first = rng.pick(locale.first)
  const last = rng.pick(locale.last)
  const latin = first.native === first.latin || rng.chance(locale.latinShare)
  let name: string
  if (!latin) {
    name = locale.familyFirst
      ? `${last.native}${locale.separator}${first.native}`
      : `${first.native}${locale.separator}${last.native}`
  } else if (locale.familyFirst && (first.native === first.latin || rng.chance(0.4))) {
    name = `${last.latin} ${first.latin}`
  } else {
    const initial = locale.id === 'en' && rng.chance(0.1) ? ` ${fromPattern(rng, 'A')}.` : ''
    name = `${first.latin}${initial} ${last.latin}`
  }
  // The odd caps-lock or all-lower-case import.
  const casing = rng.next()
  if (casing < 0.01) name = name.toUpperCase()
  else if (casing < 0.02) name = name.toLowerCase()
  return {
    name,
    first: slug(first.latin),
    last: slug(last.latin),
    lastWritten: latin ? last.latin : last.native,
  }
}

function emailAddress(rng: Rng, index: number, person: { first: string; last: string }, domain: string) {
  // The digits before '@' are a bijection of the index and nothing before them is a digit: unique.
  const n = (index * 7_368_787 + 1_234_567) % MAX_CUSTOMERS
  const { first: f, last: l } = person
  const roll = rng.next()
  let local: string
  if (roll < 0.3) local = `${f}.${l}`
  else if (roll < 0.45) local = `${f}${l}`
  else if (roll < 0.6) local = `${f.slice(0, 1)}${l}`
  else if (roll < 0.7) local = `${l}.${f}`
  else if (roll < 0.78) local = `${f}_${l}`
  else if (roll < 0.85) local = `${f}.${l}.`
  else if (roll < 0.93) local = f
  else local = `${rng.pick(v.HANDLES)}${l}`
  return `${local}${n}@${domain}`
}

function phoneNumber(rng: Rng, country: Country): string {
  const total = country.group.reduce((a, b) => a + b, 0)
  const prefix = rng.pick(country.mobile)
  const national = prefix + rng.digits(total - prefix.length)
  if (rng.chance(0.3)) return `+${country.callingCode}${national}` // typed without spaces
  const parts: string[] = []
  let at = 0
  for (const g of country.group) {
    parts.push(national.slice(at, at + g))
    at += g
  }
  return `+${country.callingCode} ${parts.join(' ')}`
}

function address(rng: Rng, locale: Locale, country: Country): PostalAddress {
  const street = rng.pick(locale.streets)
  const num = String(rng.int(1, 250))
  const out: PostalAddress = {
    line1: locale.numberFirst ? `${num} ${street}` : `${street} ${num}`,
    city: rng.pick(country.cities),
    country: country.code,
  }
  if (rng.chance(0.15)) out.line2 = `Apt ${rng.int(1, 40)}`
  if (country.postal) out.postalCode = fromPattern(rng, country.postal)
  return out
}

function companyName(rng: Rng, type: CustomerType, country: Country, lastName: string): string {
  if (type === 'organization') return `${rng.pick(v.WORDS)} ${rng.pick(v.ORG_KINDS)}`
  const suffix = rng.pick(country.companySuffixes)
  const roll = rng.next()
  if (roll < 0.5) return `${rng.pick(v.WORDS)} ${rng.pick(v.NOUNS)} ${suffix}`
  if (roll < 0.8) return `${lastName} ${suffix}`
  return `${rng.pick(v.WORDS)}${rng.pick(v.NOUNS).toLowerCase()}`
}

/** Many customers never paid; the rest follow a long-tailed (log-normal) spend, with a few whales. */
function paymentHistory(rng: Rng, createdMs: number) {
  if (rng.chance(0.42)) return { ltv: 0, count: 0, first: null, last: null }
  let ltv = Math.exp(5.2 + 1.5 * rng.normal())
  if (rng.chance(0.002)) ltv *= 20
  ltv = Math.min(Math.round(ltv * 100) / 100, 5_000_000)
  const count = Math.max(1, Math.min(2000, Math.round(ltv / Math.exp(4.3 + 0.8 * rng.normal()))))
  const first = new Date(createdMs + rng.next() * 0.3 * (TO - createdMs))
  const last = count > 1 ? new Date(first.getTime() + rng.next() * (TO - first.getTime())) : first
  return { ltv, count, first, last }
}

function tierFor(rng: Rng, ltv: number): CustomerTier | null {
  const t =
    ltv === 0
      ? v.table({ none: 70, bronze: 30 })
      : ltv < 500
        ? v.table({ none: 40, bronze: 45, silver: 15 })
        : ltv < 5000
          ? v.table({ none: 20, silver: 50, gold: 30 })
          : v.table({ none: 10, gold: 50, platinum: 40 })
  const tier = rng.weighted(t)
  return tier === 'none' ? null : tier
}

/** Customer #index of the data set: a pure function of (seed, index, total), but for its random id bits. */
export function generateCustomer(index: number, opts: GenerateOptions): SeedRow {
  const rng = new Rng(opts.seed, index)
  const locale = rng.weighted(localeWeights)
  const country = countries[rng.weighted(locale.countries)]!
  const person = personName(rng, locale)
  const type = rng.weighted(v.TYPES)
  const business = type !== 'individual'
  const company = business || rng.chance(0.15) ? companyName(rng, type, country, person.lastWritten) : null

  // Ids are UUIDv7 of the registration time, so "newest first" by id agrees with created_at.
  const createdMs = Math.floor(FROM + ((index + rng.next() * 0.9) * (TO - FROM)) / opts.total)
  const id = uuidv7({ msecs: createdMs })

  let domain: string
  // A company's own domain, when its name has Latin letters to make one from ("Παπαδάκης IKE" has not).
  if (company && business && LATIN_NAME.test(company) && rng.chance(0.7)) {
    const tld = rng.chance(0.5) ? 'com' : country.code === 'GB' ? 'co.uk' : country.code.toLowerCase()
    domain = `${slug(company).slice(0, 24) || 'company'}.${tld}`
  } else {
    const local = country.domains.length > 0 && rng.chance(0.3)
    domain = local ? rng.pick(country.domains) : rng.weighted(v.GLOBAL_DOMAINS)
  }
  const email = rng.chance(0.03) ? null : emailAddress(rng, index, person, domain)

  const billing = rng.chance(0.55) ? address(rng, locale, country) : null
  const shippingRoll = rng.next()
  const shipping =
    !billing || shippingRoll < 0.45 ? null : shippingRoll < 0.85 ? billing : address(rng, locale, country)

  const tags = new Set<string>()
  const tagCount = Number(rng.weighted(v.TAG_COUNTS))
  for (let t = 0; t < tagCount; t++) tags.add(rng.weighted(v.TAGS))

  const customFields: Record<string, string | number | boolean> = {}
  if (rng.chance(0.1)) customFields.telegram = `@${person.first}_${rng.digits(3)}`
  if (rng.chance(0.08)) customFields.referralCode = `REF-${fromPattern(rng, 'AAA999')}`
  if (rng.chance(0.08)) customFields.newsletter = rng.chance(0.7)
  if (rng.chance(0.05)) customFields.shopOrderCount = rng.int(1, 300)

  const paid = paymentHistory(rng, createdMs)
  const terms = rng.weighted(business ? v.TERMS.business : v.TERMS.individual)
  const customer: SeedCustomer = {
    id,
    merchant_id: opts.merchantId,
    custom_id: rng.chance(0.85) ? `CUS-${String(index + 1).padStart(7, '0')}` : null,
    name: person.name,
    email,
    phone: rng.chance(0.85) ? phoneNumber(rng, country) : null,
    company,
    job_title: company && rng.chance(0.6) ? rng.pick(v.TITLES) : null,
    billing_address: billing,
    shipping_address: shipping,
    country: country.code,
    timezone: rng.chance(0.8) ? rng.pick(country.timezones) : null,
    status: rng.weighted(v.STATUSES),
    type,
    tax_id:
      business && !country.vat && rng.chance(0.4)
        ? fromPattern(rng, country.code === 'US' ? '99-9999999' : '999999999')
        : null,
    vat_number: business && country.vat && rng.chance(0.6) ? `${country.vat}${rng.digits(9)}` : null,
    tags: [...tags],
    tier: tierFor(rng, paid.ltv),
    notes: rng.chance(0.08) ? rng.pick(v.NOTES) : null,
    custom_fields: customFields,
    preferred_fiat: rng.chance(0.7) ? country.fiat : null,
    payment_terms_days: terms === 'none' ? null : Number(terms),
    payment_limits: rng.chance(0.05)
      ? { perPaymentMax: `${rng.int(1, 50) * 500}.00`, monthlyMax: `${rng.int(5, 100) * 1000}.00` }
      : null,
    registration_date: new Date(createdMs).toISOString().slice(0, 10),
    created_at: new Date(createdMs),
    updated_at: new Date(createdMs + rng.next() * (TO - createdMs)),
  }

  const preferences: SeedPreference[] = []
  if (rng.chance(0.35)) {
    const wanted = Number(rng.weighted(v.PREFERENCE_COUNTS))
    const seen = new Set<string>()
    for (let p = 0; p < wanted; p++) {
      const pair = rng.weighted(v.COINS)
      if (seen.has(pair)) continue
      seen.add(pair)
      const [asset, network] = pair.split('/') as [string, string]
      preferences.push({
        customer_id: id,
        merchant_id: opts.merchantId,
        position: preferences.length,
        asset,
        network,
      })
    }
  }

  const stats: SeedStats = {
    customer_id: id,
    merchant_id: opts.merchantId,
    lifetime_value: paid.ltv.toFixed(2),
    payment_count: paid.count,
    first_payment_at: paid.first,
    last_payment_at: paid.last,
    updated_at: paid.last ?? customer.created_at,
  }
  return { customer, stats, preferences }
}
