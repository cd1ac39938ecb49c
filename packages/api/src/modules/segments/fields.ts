import { assetIds, networkIds } from '@coinbook/chain-watchers/registry'
import { type RawBuilder, sql } from 'kysely'

/** What a field holds; it decides which ops a rule may use on it and how values are read. */
export type FieldType =
  | 'text' // case-insensitive text
  | 'enum' // one of a closed set
  | 'code' // an exact code (country, time zone, currency, asset)
  | 'number'
  | 'money' // exact decimal (numeric)
  | 'date'
  | 'timestamp'
  | 'boolean'
  | 'tags' // a set of strings
  | 'coins' // the preferred (asset, network) pairs
  | 'custom' // a custom field's JSON value: string, number or boolean

export const ops = [
  'eq',
  'neq',
  'in',
  'notIn',
  'contains',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'exists',
  'withinLast',
  'notWithinLast',
] as const
export type Op = (typeof ops)[number]

const ordered = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between'] as const
const recent = ['gt', 'gte', 'lt', 'lte', 'between', 'withinLast', 'notWithinLast'] as const

/** The ops each type allows (`exists` only where the field can be empty: see `nullable`). */
export const opsByType: Record<FieldType, readonly Op[]> = {
  text: ['eq', 'neq', 'in', 'notIn', 'contains', 'exists'],
  enum: ['eq', 'neq', 'in', 'notIn', 'exists'],
  code: ['eq', 'neq', 'in', 'notIn', 'exists'],
  number: [...ordered, 'exists'],
  money: [...ordered, 'exists'],
  date: ['eq', ...recent, 'exists'],
  timestamp: [...recent, 'exists'],
  boolean: ['eq'],
  tags: ['contains', 'in', 'notIn', 'exists'],
  coins: ['contains', 'in', 'notIn', 'exists'],
  custom: ['eq', 'neq', 'in', 'notIn', 'contains', 'gt', 'gte', 'lt', 'lte', 'between', 'exists'],
}

/**
 * Where a field's value comes from. `customer`: an expression on `c` (customers). `stats`: an
 * expression on `s` (the customer's customer_stats row); `zero` means a customer without the row counts
 * as 0. `invoices`: an aggregate over `i`, the customer's paid invoices (null when it has none).
 * `preferredCoins` and `activeSubscription` read their own tables.
 */
export type FieldSource =
  | { on: 'customer'; expr: RawBuilder<unknown> }
  | { on: 'stats'; expr: RawBuilder<unknown>; zero?: boolean }
  | { on: 'invoices'; agg: RawBuilder<unknown> }
  | { on: 'preferredCoins' }
  | { on: 'activeSubscription' }

export interface FieldDef {
  label: string
  type: FieldType
  /** The value can be missing: `exists` is allowed. */
  nullable: boolean
  source: FieldSource
  /** enum: the allowed values. */
  values?: readonly string[]
  /** code: what a valid value looks like. */
  pattern?: RegExp
  /** code: upper-case the value first ("pt" → "PT"). */
  upper?: boolean
}

const col = (name: string) => sql.ref(`c.${name}`)
const stat = (name: string) => sql.ref(`s.${name}`)

const text = (label: string, column: string, nullable = true): FieldDef => ({
  label,
  type: 'text',
  nullable,
  source: { on: 'customer', expr: col(column) },
})
const code = (
  label: string,
  expr: RawBuilder<unknown>,
  pattern: RegExp,
  { nullable = true, upper = false } = {},
): FieldDef => ({ label, type: 'code', nullable, pattern, upper, source: { on: 'customer', expr } })
const enumField = (
  label: string,
  column: string,
  values: readonly string[],
  nullable: boolean,
): FieldDef => ({
  label,
  type: 'enum',
  nullable,
  values,
  source: { on: 'customer', expr: col(column) },
})
const statField = (label: string, type: FieldType, expr: RawBuilder<unknown>, nullable = true): FieldDef => ({
  label,
  type,
  nullable,
  source: { on: 'stats', expr, zero: !nullable },
})
const invoiceField = (label: string, agg: RawBuilder<unknown>): FieldDef => ({
  label,
  type: 'number',
  nullable: true,
  source: { on: 'invoices', agg },
})

const COUNTRY = /^[A-Z]{2}$/
const CURRENCY = /^[A-Z]{3}$/
const ASSET = new RegExp(`^(${assetIds.join('|')})$`)
const NETWORK = new RegExp(`^(${networkIds.join('|')})$`)
const ZONE = /^[A-Za-z_+\-/0-9]{1,64}$/

/**
 * Every field a rule may name, by its API name; anything else is refused. Adding a field is one line.
 * `custom.<key>` (a custom field) is handled by `fieldFor`.
 */
export const fields: Record<string, FieldDef> = {
  name: text('Name', 'name', false),
  email: text('Email', 'email'),
  phone: text('Phone', 'phone'),
  company: text('Company', 'company'),
  jobTitle: text('Job title', 'job_title'),
  customId: text('Custom id', 'custom_id'),
  taxId: text('Tax id', 'tax_id'),
  vatNumber: text('VAT number', 'vat_number'),
  notes: text('Notes', 'notes'),
  source: code('Source', col('source'), /^[a-z_]{1,32}$/, { nullable: false }),
  country: code('Country', col('country'), COUNTRY, { upper: true }),
  timezone: code('Time zone', col('timezone'), ZONE),
  timezoneRegion: code(
    'Time-zone region',
    sql`nullif(split_part(c.timezone, '/', 1), '')`,
    /^[A-Za-z]{1,32}$/,
  ),
  preferredFiat: code('Preferred fiat', col('preferred_fiat'), CURRENCY, { upper: true }),
  status: enumField('Status', 'status', ['active', 'inactive', 'suspended'], false),
  type: enumField('Type', 'type', ['individual', 'business', 'organization'], false),
  tier: enumField('Tier', 'tier', ['bronze', 'silver', 'gold', 'platinum'], true),
  tags: { label: 'Tags', type: 'tags', nullable: true, source: { on: 'customer', expr: col('tags') } },
  paymentTermsDays: {
    label: 'Payment terms (days)',
    type: 'number',
    nullable: true,
    source: { on: 'customer', expr: col('payment_terms_days') },
  },
  registrationDate: {
    label: 'Registration date',
    type: 'date',
    nullable: false,
    source: { on: 'customer', expr: col('registration_date') },
  },
  createdAt: {
    label: 'Created',
    type: 'timestamp',
    nullable: false,
    source: { on: 'customer', expr: col('created_at') },
  },
  autoSend: {
    label: 'Auto-send invoices',
    type: 'boolean',
    nullable: false,
    source: { on: 'customer', expr: col('auto_send') },
  },
  taxExempt: {
    label: 'Tax exempt',
    type: 'boolean',
    nullable: false,
    source: { on: 'customer', expr: col('tax_exempt') },
  },
  preferredCoins: {
    label: 'Preferred coins',
    type: 'coins',
    nullable: true,
    source: { on: 'preferredCoins' },
  },
  activeSubscription: {
    label: 'Has an active subscription',
    type: 'boolean',
    nullable: false,
    source: { on: 'activeSubscription' },
  },
  // Metrics (customer_stats).
  lifetimeValue: statField('Lifetime value', 'money', stat('lifetime_value'), false),
  paymentCount: statField('Payments', 'number', stat('payment_count'), false),
  firstPaymentAt: statField('First payment', 'timestamp', stat('first_payment_at')),
  lastPaymentAt: statField('Last payment', 'timestamp', stat('last_payment_at')),
  // (0011) Kept by modules/analytics/metrics.ts.
  successRate: statField('Success rate (0–1)', 'number', stat('success_rate')),
  avgDaysToPay: statField('Average days to pay', 'number', stat('avg_days_to_pay')),
  onTimeRate: statField('On-time rate (0–1)', 'number', stat('on_time_rate')),
  medianIntervalDays: statField('Median days between payments', 'number', stat('median_interval_days')),
  paymentsPer30d: statField('Payments per 30 days', 'number', stat('payments_per_30d')),
  topAsset: { ...statField('Pays most with (asset)', 'code', stat('top_asset')), pattern: ASSET },
  topNetwork: { ...statField('Pays most on (network)', 'code', stat('top_network')), pattern: NETWORK },
  invoicesPaidCount: statField('Invoices paid', 'number', stat('invoices_paid_count'), false),
  invoicesSettledCount: statField(
    'Invoices paid, void after sending or overdue',
    'number',
    stat('invoices_settled_count'),
    false,
  ),
  paidOnTimeCount: statField('Invoices paid on time', 'number', stat('paid_on_time_count'), false),
  avgIntervalDays: statField(
    'Average days between payments',
    'number',
    sql`extract(epoch from (s.last_payment_at - s.first_payment_at)) / 86400 / nullif(s.payment_count - 1, 0)`,
  ),
  // (0023) The ratings the customer gave their paid invoices (1–5).
  rating: {
    label: 'Average rating (1–5)',
    type: 'number',
    nullable: true,
    source: {
      on: 'customer',
      expr: sql`(select avg(r.rating) from invoice_ratings r join invoices ri on ri.id = r.invoice_id
        where ri.customer_id = c.id and ri.merchant_id = c.merchant_id)`,
    },
  },
  lastRating: {
    label: 'Last rating (1–5)',
    type: 'number',
    nullable: true,
    source: {
      on: 'customer',
      expr: sql`(select r.rating from invoice_ratings r join invoices ri on ri.id = r.invoice_id
        where ri.customer_id = c.id and ri.merchant_id = c.merchant_id order by r.updated_at desc limit 1)`,
    },
  },
  // Over the customer's paid invoices.
  latePaidShare: invoiceField(
    'Share of invoices paid late (0–1)',
    sql`avg(case when i.paid_late then 1 else 0 end)`,
  ),
  avgDaysBeforeDue: invoiceField(
    'Average days paid before the due date',
    sql`avg(i.due_date - (i.paid_at at time zone 'UTC')::date)`,
  ),
}

/** The field a rule names, or undefined when it is not on the allow-list. */
export function fieldFor(name: string): FieldDef | undefined {
  if (name.startsWith('custom.')) {
    const key = name.slice('custom.'.length)
    if (key.length < 1 || key.length > 64) return undefined
    // The key is a bound parameter, never part of the SQL text.
    return {
      label: `Custom: ${key}`,
      type: 'custom',
      nullable: true,
      source: { on: 'customer', expr: sql`c.custom_fields -> ${key}` },
    }
  }
  return Object.hasOwn(fields, name) ? fields[name] : undefined
}

/** `USDT` or `USDT/tron`: a coin value of the preferredCoins field. */
export const COIN = new RegExp(`^(${assetIds.join('|')})(/(${networkIds.join('|')}))?$`)
