import type { PaymentLimits, PostalAddress } from '../../../db/database.js'
import { newId } from '../../../db/ids.js'
import type { UpdateCustomerInput } from '../../customers/schema.js'
import { normaliseFields } from '../../customers/services/write-values.js'

/** The customer fields an import row may set, each a bit of the row's `mask`. */
export const FIELD_BITS = {
  name: 1 << 0,
  customId: 1 << 1,
  email: 1 << 2,
  phone: 1 << 3,
  company: 1 << 4,
  jobTitle: 1 << 5,
  billingAddress: 1 << 6,
  shippingAddress: 1 << 7,
  country: 1 << 8,
  timezone: 1 << 9,
  status: 1 << 10,
  type: 1 << 11,
  taxId: 1 << 12,
  vatNumber: 1 << 13,
  tags: 1 << 14,
  tier: 1 << 15,
  notes: 1 << 16,
  customFields: 1 << 17,
  preferredFiat: 1 << 18,
  paymentTermsDays: 1 << 19,
  paymentLimits: 1 << 20,
  registrationDate: 1 << 21,
  preferredCoins: 1 << 22,
} as const satisfies Record<keyof UpdateCustomerInput, number>

/** One validated row as it waits in customer_import_rows (snake_case, as in the table). */
export interface StagedRow {
  line: number
  id: string
  mask: number
  name: string | null
  custom_id: string | null
  email: string | null
  phone: string | null
  company: string | null
  job_title: string | null
  billing_address: PostalAddress | null
  shipping_address: PostalAddress | null
  country: string | null
  timezone: string | null
  status: string | null
  type: string | null
  tax_id: string | null
  vat_number: string | null
  tags: string[] | null
  tier: string | null
  notes: string | null
  custom_fields: Record<string, unknown> | null
  cf_set: Record<string, unknown> | null
  cf_unset: string[] | null
  preferred_fiat: string | null
  payment_terms_days: number | null
  payment_limits: PaymentLimits | null
  registration_date: string | null
  preferred_coins: { asset: string; network: string }[] | null
}

/** Custom fields a row sets or removes one by one (CSV columns such as "Company ID"). */
export interface CustomFieldPatch {
  set: Record<string, unknown>
  unset: string[]
}

/** A validated input (the update shape: fields it leaves out stay as they are) → its staged row. */
export function stagedRow(line: number, validated: UpdateCustomerInput, patch?: CustomFieldPatch): StagedRow {
  const input = normaliseFields(validated)
  let mask = 0
  for (const key of Object.keys(input) as (keyof UpdateCustomerInput)[]) {
    if (input[key] !== undefined) mask |= FIELD_BITS[key]
  }
  const hasPatch = patch && (Object.keys(patch.set).length > 0 || patch.unset.length > 0)
  return {
    line,
    id: newId(),
    mask,
    name: input.name ?? null,
    custom_id: input.customId ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    company: input.company ?? null,
    job_title: input.jobTitle ?? null,
    // normaliseFields dropped the empty parts.
    billing_address: (input.billingAddress ?? null) as PostalAddress | null,
    shipping_address: (input.shippingAddress ?? null) as PostalAddress | null,
    country: input.country ?? null,
    timezone: input.timezone ?? null,
    status: input.status ?? null,
    type: input.type ?? null,
    tax_id: input.taxId ?? null,
    vat_number: input.vatNumber ?? null,
    tags: input.tags ?? null,
    tier: input.tier ?? null,
    notes: input.notes ?? null,
    custom_fields: input.customFields ?? null,
    cf_set: hasPatch ? patch.set : null,
    cf_unset: hasPatch ? patch.unset : null,
    preferred_fiat: input.preferredFiat ?? null,
    payment_terms_days: input.paymentTermsDays ?? null,
    payment_limits: input.paymentLimits ?? null,
    registration_date: input.registrationDate ?? null,
    preferred_coins: input.preferredCoins ?? null,
  }
}
