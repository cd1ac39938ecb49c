import type { CustomerUpdate } from '../../../db/database.js'
import type { UpdateCustomerInput } from '../schema.js'

export type CustomerFields = Omit<UpdateCustomerInput, 'preferredCoins'>

type Compactable = Record<string, string | null | undefined>

/** Drops empty parts ("" arrives as null); an address or limit with nothing left is null. */
function compact<T extends Compactable>(value: T | null | undefined): T | null | undefined {
  if (value === undefined || value === null) return value
  const kept = Object.entries(value).filter(([, v]) => v !== null && v !== undefined)
  return kept.length ? (Object.fromEntries(kept) as T) : null
}

/** The input as it will be stored: addresses and payment limits without empty parts. */
export function normaliseFields<T extends CustomerFields>(input: T): T {
  const out = { ...input }
  if ('billingAddress' in input) out.billingAddress = compact(input.billingAddress)
  if ('shippingAddress' in input) out.shippingAddress = compact(input.shippingAddress)
  if ('paymentLimits' in input) out.paymentLimits = compact(input.paymentLimits)
  return out
}

const json = <T>(value: T | null | undefined) =>
  value === undefined ? undefined : value === null ? null : JSON.stringify(value)

/** The customers columns for the fields an input names; fields it leaves out stay untouched. */
export function customerColumnsFor(input: CustomerFields): CustomerUpdate {
  const columns: CustomerUpdate = {
    name: input.name,
    custom_id: input.customId,
    email: input.email,
    phone: input.phone,
    company: input.company,
    job_title: input.jobTitle,
    billing_address: json(input.billingAddress),
    shipping_address: json(input.shippingAddress),
    country: input.country,
    timezone: input.timezone,
    status: input.status,
    type: input.type,
    tax_id: input.taxId,
    vat_number: input.vatNumber,
    tags: input.tags,
    tier: input.tier,
    notes: input.notes,
    custom_fields: input.customFields === undefined ? undefined : JSON.stringify(input.customFields),
    preferred_fiat: input.preferredFiat,
    payment_terms_days: input.paymentTermsDays,
    payment_limits: json(input.paymentLimits),
    registration_date: input.registrationDate,
  }
  return Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined)) as CustomerUpdate
}
