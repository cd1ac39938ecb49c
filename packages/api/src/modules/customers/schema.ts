import { assetIds, isPaymentOption, networkIds } from '@coinbook/chain-watchers/registry'
import { z } from '@hono/zod-openapi'
import { countryCode, currencyCode, decimalString, email, phone, text, timeZone } from '../../http/fields.js'
import { customerMetricsSchema } from '../analytics/schema.js'
import { avatarSchema } from '../privacy/schema.js'

export const customerStatus = z.enum(['active', 'inactive', 'suspended']).openapi('CustomerStatus')
export const customerType = z.enum(['individual', 'business', 'organization']).openapi('CustomerType')
export const customerTier = z.enum(['bronze', 'silver', 'gold', 'platinum']).openapi('CustomerTier')

export const postalAddress = z
  .strictObject({
    line1: text(200).optional(),
    line2: text(200).optional(),
    city: text(100).optional(),
    state: text(100).optional(),
    postalCode: text(20).optional(),
    country: countryCode.optional(),
  })
  .openapi('PostalAddress')

export const paymentOption = z
  .strictObject({ asset: z.enum(assetIds), network: z.enum(networkIds) })
  .refine((p) => isPaymentOption(p.asset, p.network), {
    message: 'this asset cannot be paid on this network (see GET /api/v1/payment-options)',
  })
  .openapi('PaymentOption')

export const preferredCoins = z
  .array(paymentOption)
  .max(15)
  .refine((list) => new Set(list.map((p) => `${p.asset}/${p.network}`)).size === list.length, {
    message: 'lists the same coin twice',
  })
  .openapi({ description: 'In order of preference; the first is the default method' })

export const paymentLimits = z
  .strictObject({ perPaymentMax: decimalString(2).optional(), monthlyMax: decimalString(2).optional() })
  .openapi('PaymentLimits', { description: 'In the customer’s preferred fiat' })

const tag = z.string().trim().min(1, 'must not be empty').max(50, 'must be at most 50 characters')
const customFieldValue = z.union([z.string().max(1000), z.number(), z.boolean(), z.null()])
const customFields = z
  .record(z.string().min(1).max(64), customFieldValue)
  .refine((o) => Object.keys(o).length <= 50, 'may have at most 50 fields')

/** The writable fields, shared by create (name required) and update (all optional, null clears). */
const writable = {
  customId: text(100).nullable(),
  email: email.toLowerCase().nullable(),
  phone: phone.nullable(),
  company: text(200).nullable(),
  jobTitle: text(200).nullable(),
  billingAddress: postalAddress.nullable(),
  shippingAddress: postalAddress.nullable(),
  country: countryCode.nullable(),
  timezone: timeZone.nullable(),
  status: customerStatus,
  type: customerType,
  taxId: text(64).nullable(),
  vatNumber: text(64).nullable(),
  tags: z
    .array(tag)
    .max(50, 'may have at most 50 tags')
    .transform((t) => [...new Set(t)]),
  tier: customerTier.nullable(),
  notes: text(10_000).nullable(),
  customFields,
  preferredFiat: currencyCode.nullable(),
  paymentTermsDays: z.number().int('must be a whole number of days').min(0).max(365).nullable(),
  preferredCoins,
  paymentLimits: paymentLimits.nullable(),
  registrationDate: z.iso.date('must be a date such as 2026-01-31'),
}

const name = z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters')

export const createCustomerBody = z
  .strictObject({
    name,
    ...Object.fromEntries(Object.entries(writable).map(([k, v]) => [k, v.optional()])),
  } as {
    name: typeof name
  } & { [K in keyof typeof writable]: z.ZodOptional<(typeof writable)[K]> })
  .openapi('CreateCustomerRequest')

export const updateCustomerBody = z
  .strictObject({
    name: name.optional(),
    ...(Object.fromEntries(Object.entries(writable).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof writable]: z.ZodOptional<(typeof writable)[K]>
    }),
  })
  .openapi('UpdateCustomerRequest')

export const customerSchema = z
  .object({
    id: z.uuid(),
    customId: z.string().nullable(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    company: z.string().nullable(),
    jobTitle: z.string().nullable(),
    billingAddress: postalAddress.nullable(),
    shippingAddress: postalAddress.nullable(),
    country: z.string().nullable(),
    timezone: z.string().nullable(),
    status: customerStatus,
    type: customerType,
    taxId: z.string().nullable(),
    vatNumber: z.string().nullable(),
    tags: z.array(z.string()),
    tier: customerTier.nullable(),
    notes: z.string().nullable(),
    customFields: z.record(z.string(), customFieldValue),
    preferredFiat: z.string().nullable(),
    paymentTermsDays: z.number().int().nullable(),
    preferredCoins: z.array(z.object({ asset: z.string(), network: z.string() })),
    paymentLimits: paymentLimits.nullable(),
    registrationDate: z.string(),
    source: z.string(),
    lifetimeValue: z.string().openapi({ description: 'Exact decimal, in the merchant’s reporting currency' }),
    paymentCount: z.number().int(),
    lastPaymentAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('Customer')

/** GET /customers/{id}: the customer and their metrics. */
export const customerDetailSchema = customerSchema
  .extend({
    metrics: customerMetricsSchema,
    avatar: avatarSchema.nullable().openapi({ description: 'The uploaded avatar; null shows initials' }),
  })
  .openapi('CustomerDetail')

/** The customer metrics (modules/analytics/metrics.ts) the list sorts by. */
export const metricSorts = [
  'paymentCount',
  'lastPaymentAt',
  'successRate',
  'avgDaysToPay',
  'onTimeRate',
  'paymentsPer30d',
  'medianIntervalDays',
] as const

export const customerSort = z
  .enum([
    'name',
    '-name',
    'createdAt',
    '-createdAt',
    'lifetimeValue',
    '-lifetimeValue',
    ...metricSorts.flatMap((m) => [m, `-${m}`] as const),
  ])
  .openapi({
    description:
      'Field to sort by; a leading "-" sorts descending. Customers without a metric (no invoices, one payment) sort last descending, first ascending',
  })

export const listCustomersQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .openapi({ description: 'Partial, case-insensitive: name, email, phone, company, custom id' }),
  status: customerStatus.optional(),
  type: customerType.optional(),
  tag: z.string().trim().min(1).max(50).optional(),
  country: countryCode.optional(),
  tier: customerTier.optional(),
  segmentId: z.string().trim().min(1).max(100).optional().openapi({
    description: 'Only the members of a segment: a saved segment’s id or a built-in (vip, country:PT, …)',
  }),
  sort: customerSort.default('-createdAt'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  // A name-sorted cursor carries the (lower-cased) name, up to 200 characters of any script.
  cursor: z.string().max(2048).optional().openapi({ description: 'The nextCursor of the previous page' }),
})

/** A row of GET /customers: the customer, what they owe and when they last did anything. */
export const customerListItemSchema = customerSchema
  .extend({
    outstanding: z
      .array(z.object({ currency: z.string(), amount: z.string().openapi({ example: '60.00' }) }))
      .openapi({
        description:
          'Amount due of open and partially paid invoices per invoice currency, exact decimals; empty when nothing is owed',
      }),
    lastActivityAt: z.iso.datetime().openapi({
      description:
        'Latest payment, invoice, sent or failed message, profile change or note; createdAt at the least',
    }),
  })
  .openapi('CustomerListItem')

export const customerListSchema = z
  .object({ data: z.array(customerListItemSchema), nextCursor: z.string().nullable() })
  .openapi('CustomerList')

export const mergeCustomerBody = z
  .strictObject({ duplicateId: z.uuid('must be a UUID') })
  .openapi('MergeCustomerRequest')

export const duplicateGroupSchema = z
  .object({
    reason: z.enum(['email', 'phone', 'name_company']),
    /** The value they share, normalised. */
    key: z.string(),
    size: z
      .number()
      .int()
      .openapi({ description: 'How many customers share the key; `customers` lists up to 20' }),
    customers: z.array(customerSchema),
  })
  .openapi('DuplicateGroup')

export const duplicateListSchema = z.object({ data: z.array(duplicateGroupSchema) }).openapi('DuplicateList')

export const auditEntrySchema = z
  .object({
    id: z.uuid(),
    action: z.string().openapi({ example: 'customer.updated' }),
    actor: z.object({
      type: z.enum(['user', 'api_key', 'system']),
      id: z.uuid().nullable(),
      name: z.string().nullable().openapi({ description: 'The user’s name or email, or the API key’s name' }),
    }),
    data: z.record(z.string(), z.unknown()),
    createdAt: z.iso.datetime(),
  })
  .openapi('AuditEntry')

export const customerAuditQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional().openapi({ description: 'The nextCursor of the previous page' }),
})

export const auditListSchema = z
  .object({ data: z.array(auditEntrySchema), nextCursor: z.string().nullable() })
  .openapi('AuditList')

export type CreateCustomerInput = z.infer<typeof createCustomerBody>
export type UpdateCustomerInput = z.infer<typeof updateCustomerBody>
export type ListCustomersInput = z.infer<typeof listCustomersQuery>
export type CustomerDto = z.infer<typeof customerSchema>
export type CustomerListItem = z.infer<typeof customerListItemSchema>
export type CustomerSort = z.infer<typeof customerSort>
export type CustomerDetailDto = z.infer<typeof customerDetailSchema>
export type MergeCustomerInput = z.infer<typeof mergeCustomerBody>
export type DuplicateGroup = z.infer<typeof duplicateGroupSchema>
export type CustomerAuditInput = z.infer<typeof customerAuditQuery>
export type AuditEntry = z.infer<typeof auditEntrySchema>
