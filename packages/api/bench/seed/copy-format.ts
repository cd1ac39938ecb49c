import type { SeedCustomer, SeedPreference, SeedStats } from './customer.js'

/** How one table's rows are written in COPY's text format: a formatter per column, in column order. */
export interface CopyFormat<T> {
  table: string
  columns: string[]
  /** One row as a COPY text line, with the trailing newline. */
  line(row: T): string
}

type Formatters<T> = Record<string, (row: T) => string>

function copyFormat<T>(table: string, formatters: Formatters<T>): CopyFormat<T> {
  const columns = Object.keys(formatters)
  const fns = Object.values(formatters)
  return {
    table,
    columns,
    line(row) {
      let out = fns[0]!(row)
      for (let i = 1; i < fns.length; i++) out += `\t${fns[i]!(row)}`
      return `${out}\n`
    },
  }
}

const NULL = '\\N'
const SPECIAL = /[\\\t\n\r]/
// COPY's text format: backslash escapes for the delimiter (tab), line breaks and the backslash itself.
const escapeText = (s: string) =>
  SPECIAL.test(s)
    ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : s
const text = (s: string | null) => (s === null ? NULL : escapeText(s))
const int = (n: number | null) => (n === null ? NULL : String(n))
const time = (d: Date | null) => (d === null ? NULL : d.toISOString())
const json = (o: object | null) => (o === null ? NULL : escapeText(JSON.stringify(o)))
// A text[] literal with every element quoted, so a comma or brace in a tag cannot split it.
const textArray = (a: string[]) =>
  escapeText(`{${a.map((e) => `"${e.replace(/["\\]/g, '\\$&')}"`).join(',')}}`)

export const customersFormat = copyFormat<SeedCustomer>('customers', {
  id: (c) => c.id,
  merchant_id: (c) => c.merchant_id,
  custom_id: (c) => text(c.custom_id),
  name: (c) => text(c.name),
  email: (c) => text(c.email),
  phone: (c) => text(c.phone),
  company: (c) => text(c.company),
  job_title: (c) => text(c.job_title),
  billing_address: (c) => json(c.billing_address),
  shipping_address: (c) => json(c.shipping_address),
  country: (c) => c.country,
  timezone: (c) => text(c.timezone),
  status: (c) => c.status,
  type: (c) => c.type,
  tax_id: (c) => text(c.tax_id),
  vat_number: (c) => text(c.vat_number),
  tags: (c) => textArray(c.tags),
  tier: (c) => text(c.tier),
  notes: (c) => text(c.notes),
  custom_fields: (c) => json(c.custom_fields),
  preferred_fiat: (c) => text(c.preferred_fiat),
  payment_terms_days: (c) => int(c.payment_terms_days),
  payment_limits: (c) => json(c.payment_limits),
  registration_date: (c) => c.registration_date,
  created_at: (c) => time(c.created_at),
  updated_at: (c) => time(c.updated_at),
})

export const statsFormat = copyFormat<SeedStats>('customer_stats', {
  customer_id: (s) => s.customer_id,
  merchant_id: (s) => s.merchant_id,
  lifetime_value: (s) => s.lifetime_value,
  payment_count: (s) => int(s.payment_count),
  first_payment_at: (s) => time(s.first_payment_at),
  last_payment_at: (s) => time(s.last_payment_at),
  updated_at: (s) => time(s.updated_at),
})

export const preferencesFormat = copyFormat<SeedPreference>('customer_preferences', {
  customer_id: (p) => p.customer_id,
  merchant_id: (p) => p.merchant_id,
  position: (p) => int(p.position),
  asset: (p) => text(p.asset),
  network: (p) => text(p.network),
})
