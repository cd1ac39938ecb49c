import { isPaymentOption } from '@coinbook/chain-watchers/registry'
import { v7 as uuidv7 } from 'uuid'
import type { CustomerStatus, CustomerTier, CustomerType, PaymentLimits, PostalAddress } from '../../src/db/database.js'
import { type Country, countries, type Locale, locales } from './locales.js'
import { Rng } from './prng.js'

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

const byWeight = <T extends { weight: number }>(items: T[]) => items.map((i) => [i, i.weight] as const)
const localeWeights = byWeight(locales)

const GLOBAL_DOMAINS = [
  ['gmail.com', 40],
  ['outlook.com', 12],
  ['proton.me', 10],
  ['yahoo.com', 8],
  ['icloud.com', 8],
  ['hotmail.com', 6],
] as const
const TAGS = [
  ['vip', 6],
  ['wholesale', 5],
  ['newsletter', 12],
  ['beta', 4],
  ['partner', 3],
  ['reseller', 4],
  ['at-risk', 3],
  ['enterprise', 3],
  ['early-adopter', 5],
  ['referral', 6],
  ['nft', 3],
  ['defi', 4],
  ['high-volume', 3],
  ['africa-expansion', 1],
] as const
const COINS = (
  [
    ['USDT', 'tron', 25],
    ['BTC', 'bitcoin', 20],
    ['ETH', 'ethereum', 12],
    ['USDT', 'ethereum', 10],
    ['USDC', 'ethereum', 8],
    ['USDC', 'solana', 8],
    ['SOL', 'solana', 5],
    ['TON', 'ton', 4],
    ['BNB', 'bsc', 3],
    ['USDT', 'bsc', 3],
    ['ETH', 'arbitrum', 2],
    ['USDC', 'arbitrum', 2],
  ] as const
)
  .filter(([asset, network]) => isPaymentOption(asset, network))
  .map(([asset, network, w]) => [{ asset, network }, w] as const)
const WORDS = 'Blue,Harbor,Nova,Atlas,Pixel,Summit,Iron,Cedar,Quantum,Lumen,Orbit,Vertex,Granite,Silver,Bright,North,Coral,Apex,Echo,Falcon,Nordic,Golden,Red,Clear'.split(',')
const NOUNS = 'Labs,Digital,Trading,Studio,Ventures,Systems,Goods,Supply,Media,Games,Partners,Capital,Works,Commerce,Foods,Design,Logistics,Ledger'.split(',')
const ORG_KINDS = 'Foundation,DAO,Association,Collective,Institute,Club,Cooperative'.split(',')
const TITLES = 'CEO,Founder,CTO,CFO,Head of Finance,Accountant,Procurement Manager,Operations Lead,Software Engineer,Designer,Marketing Manager,Store Owner,Consultant,Product Manager'.split(',')
const NOTES = [
  'Prefers USDT on Tron for the low fees.',
  'Asked for monthly invoices instead of per order.',
  'Met at a conference; interested in the wholesale tier.',
  'Pays late but always pays. Send the reminder a week early.',
  'Handle personally: long-standing customer.',
  'Requested net 30 terms, approved by finance.',
  'Ships to a warehouse; billing address differs.',
  'Referred by a partner.',
]
const HANDLES = 'moon,sat,hodl,byte,node,block,alpha,pixel,zen,orbit'.split(',')

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

function phoneNumber(rng: Rng, country: Country): string {
  const total = country.group.reduce((a, b) => a + b, 0)
  const prefix = rng.pick(country.mobile)
  const national = prefix + rng.digits(total - prefix.length)
  const parts: string[] = []
  let at = 0
  for (const g of country.group) {
    parts.push(national.slice(at, at + g))
    at += g
  }
  // Some people type it without spaces.
  return rng.chance(0.3) ? `+${country.callingCode}${national}` : `+${country.callingCode} ${parts.join(' ')}`
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
  if (type === 'organization') return `${rng.pick(WORDS)} ${rng.pick(ORG_KINDS)}`
  const suffix = rng.pick(country.companySuffixes)
  const roll = rng.next()
  if (roll < 0.5) return `${rng.pick(WORDS)} ${rng.pick(NOUNS)} ${suffix}`
  if (roll < 0.8) return `${lastName} ${suffix}`
  return `${rng.pick(WORDS)}${rng.pick(NOUNS).toLowerCase()}`
}

function lifetimeValue(rng: Rng): number {
  if (rng.chance(0.42)) return 0
  let v = Math.exp(5.2 + 1.5 * rng.normal())
  if (rng.chance(0.002)) v *= 20 // a few whales make the long tail
  return Math.min(Math.round(v * 100) / 100, 5_000_000)
}

function tierFor(rng: Rng, ltv: number): CustomerTier | null {
  if (ltv === 0) return rng.weighted([[null, 70], ['bronze', 30]] as const)
  if (ltv < 500) return rng.weighted([[null, 40], ['bronze', 45], ['silver', 15]] as const)
  if (ltv < 5000) return rng.weighted([[null, 20], ['silver', 50], ['gold', 30]] as const)
  return rng.weighted([[null, 10], ['gold', 50], ['platinum', 40]] as const)
}

/** Customer #index of the data set: a pure function of (seed, index, total). */
export function generateCustomer(index: number, opts: GenerateOptions): SeedRow {
  const rng = new Rng(opts.seed, index)
  const locale = rng.weighted(localeWeights)
  const country = countries[rng.weighted(locale.countries)]!
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
    const middle = locale.id === 'en' && rng.chance(0.1) ? ` ${String.fromCharCode(65 + rng.int(0, 25))}.` : ''
    name = `${first.latin}${middle} ${last.latin}`
  }
  if (rng.chance(0.01)) name = name.toUpperCase() // the odd caps-lock import
  else if (rng.chance(0.01)) name = name.toLowerCase()

  const type = rng.weighted([['individual', 70], ['business', 25], ['organization', 5]] as const)
  const company =
    type !== 'individual' || rng.chance(0.15) ? companyName(rng, type, country, latin ? last.latin : last.native) : null

  const createdMs = Math.floor(FROM + ((index + rng.next() * 0.9) * (TO - FROM)) / opts.total)
  const created = new Date(createdMs)
  const id = uuidv7({ msecs: createdMs })

  // The digits before '@' are a bijection of the index and nothing before them is a digit: unique.
  const n = String((index * 7_368_787 + 1_234_567) % MAX_CUSTOMERS)
  const f = slug(first.latin)
  const l = slug(last.latin)
  const local = rng.weighted([
    [`${f}.${l}`, 30],
    [`${f}${l}`, 15],
    [`${f[0]}${l}`, 15],
    [`${f}_${l}`, 8],
    [`${l}.${f}`, 10],
    [`${f}.${l}.`, 7],
    [`${f}`, 8],
    [`${rng.pick(HANDLES)}${l}`, 7],
  ] as const)
  let domain: string
  if (company && type !== 'individual' && rng.chance(0.7)) {
    const tld = rng.chance(0.5) ? 'com' : country.code === 'GB' ? 'co.uk' : country.code.toLowerCase()
    domain = `${slug(company).slice(0, 24) || 'company'}.${tld}`
  } else {
    domain =
      country.domains.length > 0 && rng.chance(0.3) ? rng.pick(country.domains) : rng.weighted(GLOBAL_DOMAINS)
  }
  const email = rng.chance(0.03) ? null : `${local}${n}@${domain}`

  const billing = rng.chance(0.55) ? address(rng, locale, country) : null
  const shipping = billing ? rng.weighted([[billing, 40], [address(rng, locale, country), 15], [null, 45]] as const) : null

  const tags = new Set<string>()
  const tagCount = rng.weighted([[0, 45], [1, 30], [2, 17], [3, 8]] as const)
  for (let t = 0; t < tagCount; t++) tags.add(rng.weighted(TAGS))

  const customFields: Record<string, string | number | boolean> = {}
  if (rng.chance(0.1)) customFields.telegram = `@${f}_${rng.digits(3)}`
  if (rng.chance(0.08)) customFields.referralCode = `REF-${fromPattern(rng, 'AAA999')}`
  if (rng.chance(0.08)) customFields.newsletter = rng.chance(0.7)
  if (rng.chance(0.05)) customFields.shopOrderCount = rng.int(1, 300)

  const ltv = lifetimeValue(rng)
  const payments = ltv === 0 ? 0 : Math.max(1, Math.min(2000, Math.round(ltv / Math.exp(4.3 + 0.8 * rng.normal()))))
  const firstPayment = payments ? new Date(createdMs + rng.next() * 0.3 * (TO - createdMs)) : null
  const lastPayment =
    firstPayment && payments > 1
      ? new Date(firstPayment.getTime() + rng.next() * (TO - firstPayment.getTime()))
      : firstPayment
  const business = type !== 'individual'

  const customer: SeedCustomer = {
    id,
    merchant_id: opts.merchantId,
    custom_id: rng.chance(0.85) ? `CUS-${String(index + 1).padStart(7, '0')}` : null,
    name,
    email,
    phone: rng.chance(0.85) ? phoneNumber(rng, country) : null,
    company,
    job_title: company && rng.chance(0.6) ? rng.pick(TITLES) : null,
    billing_address: billing,
    shipping_address: shipping,
    country: country.code,
    timezone: rng.chance(0.8) ? rng.pick(country.timezones) : null,
    status: rng.weighted([['active', 82], ['inactive', 13], ['suspended', 5]] as const),
    type,
    tax_id: business && !country.vat && rng.chance(0.4) ? fromPattern(rng, country.code === 'US' ? '99-9999999' : '999999999') : null,
    vat_number: business && country.vat && rng.chance(0.6) ? `${country.vat}${rng.digits(9)}` : null,
    tags: [...tags],
    tier: tierFor(rng, ltv),
    notes: rng.chance(0.08) ? rng.pick(NOTES) : null,
    custom_fields: customFields,
    preferred_fiat: rng.chance(0.7) ? country.fiat : null,
    payment_terms_days: business
      ? rng.weighted([[null, 30], [15, 20], [30, 35], [45, 5], [60, 10]] as const)
      : rng.weighted([[null, 90], [15, 5], [30, 5]] as const),
    payment_limits: rng.chance(0.05) ? { perPaymentMax: `${rng.int(1, 50) * 500}.00`, monthlyMax: `${rng.int(5, 100) * 1000}.00` } : null,
    registration_date: created.toISOString().slice(0, 10),
    created_at: created,
    updated_at: new Date(createdMs + rng.next() * (TO - createdMs)),
  }

  const preferences: SeedPreference[] = []
  if (rng.chance(0.35)) {
    const count = rng.weighted([[1, 60], [2, 30], [3, 10]] as const)
    const seen = new Set<string>()
    for (let p = 0; p < count; p++) {
      const coin = rng.weighted(COINS)
      const key = `${coin.asset}/${coin.network}`
      if (seen.has(key)) continue
      seen.add(key)
      preferences.push({ customer_id: id, merchant_id: opts.merchantId, position: preferences.length, ...coin })
    }
  }

  const stats: SeedStats = {
    customer_id: id,
    merchant_id: opts.merchantId,
    lifetime_value: ltv.toFixed(2),
    payment_count: payments,
    first_payment_at: firstPayment,
    last_payment_at: lastPayment,
    updated_at: lastPayment ?? created,
  }
  return { customer, stats, preferences }
}
