import type { Customer } from '../../../db/database.js'
import type { CustomerDto } from '../schema.js'

/** The customer columns a DTO needs (everything but the generated `search`). */
export const customerColumns = [
  'id',
  'custom_id',
  'name',
  'email',
  'phone',
  'company',
  'job_title',
  'billing_address',
  'shipping_address',
  'country',
  'timezone',
  'status',
  'type',
  'tax_id',
  'vat_number',
  'tags',
  'tier',
  'notes',
  'custom_fields',
  'preferred_fiat',
  'payment_terms_days',
  'payment_limits',
  'registration_date',
  'source',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof Customer)[]

export type CustomerRow = Pick<Customer, (typeof customerColumns)[number]>

/** The stats a DTO shows; null when a customer has no stats row yet (counts as zero). */
export interface CustomerStatsRow {
  lifetime_value: string | null
  payment_count: number | null
  last_payment_at: Date | null
}

export interface PaymentPreference {
  asset: string
  network: string
}

/** A customer row, its preferred coins (in order) and its stats → the API's Customer. */
export function presentCustomer(
  row: CustomerRow,
  coins: PaymentPreference[],
  stats: CustomerStatsRow,
): CustomerDto {
  return {
    id: row.id,
    customId: row.custom_id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    company: row.company,
    jobTitle: row.job_title,
    billingAddress: row.billing_address,
    shippingAddress: row.shipping_address,
    country: row.country,
    timezone: row.timezone,
    status: row.status,
    type: row.type,
    taxId: row.tax_id,
    vatNumber: row.vat_number,
    tags: row.tags,
    tier: row.tier,
    notes: row.notes,
    // Written only through the validated API, so the stored values have the API's shape.
    customFields: row.custom_fields as CustomerDto['customFields'],
    preferredFiat: row.preferred_fiat,
    paymentTermsDays: row.payment_terms_days,
    preferredCoins: coins.map(({ asset, network }) => ({ asset, network })),
    paymentLimits: row.payment_limits,
    registrationDate: row.registration_date,
    source: row.source,
    lifetimeValue: stats.lifetime_value ?? '0',
    paymentCount: stats.payment_count ?? 0,
    lastPaymentAt: stats.last_payment_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }
}
