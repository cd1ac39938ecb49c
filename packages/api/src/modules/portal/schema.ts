import { networkIds } from '@coinbook/chain-watchers/registry'
import { z } from '@hono/zod-openapi'
import { email, phone, text } from '../../http/fields.js'
import { postalAddress, preferredCoins } from '../customers/schema.js'
import { putRefundAddressBody, refundAddressSchema } from '../payment-methods/schema.js'

const merchant = z.uuid('must be the merchant’s id from the portal link').openapi({
  description: 'The merchant’s id (public: it is in every portal link)',
})

export const portalLoginBody = z
  .strictObject({ merchant, email: email.toLowerCase() })
  .openapi('PortalLoginRequest')

export const portalSessionBody = z
  .strictObject({
    merchant,
    token: z.string().trim().min(1, 'is required').max(200, 'is not a portal link token'),
  })
  .openapi('PortalSessionRequest')

/** What a merchant lets customers do in the portal. */
export const portalSettingsSchema = z
  .object({
    enabled: z.boolean().openapi({ description: 'Off: nobody can sign in, sessions stop working' }),
    editable: z.object({
      contact: z.boolean().openapi({ description: 'Name, email, phone, company' }),
      billingAddress: z.boolean(),
      preferredCoins: z.boolean(),
      refundAddresses: z.boolean(),
      messagePreferences: z.boolean(),
    }),
    allowSubscriptionCancel: z.boolean().openapi({ description: 'Customers may cancel at period end' }),
    portalUrl: z.string().openapi({ description: 'Where customers sign in' }),
  })
  .openapi('PortalSettings')

export type PortalSettingsDto = z.infer<typeof portalSettingsSchema>

export const updatePortalSettingsBody = z
  .strictObject({
    enabled: z.boolean().optional(),
    editable: z
      .strictObject({
        contact: z.boolean().optional(),
        billingAddress: z.boolean().optional(),
        preferredCoins: z.boolean().optional(),
        refundAddresses: z.boolean().optional(),
        messagePreferences: z.boolean().optional(),
      })
      .optional(),
    allowSubscriptionCancel: z.boolean().optional(),
  })
  .openapi('UpdatePortalSettingsRequest')

export type UpdatePortalSettingsInput = z.infer<typeof updatePortalSettingsBody>

export const paymentDetailsRequestSchema = z
  .object({
    customerId: z.uuid(),
    requestedAt: z.iso.datetime(),
    answeredAt: z.iso
      .datetime()
      .nullable()
      .openapi({ description: 'When the customer answered in the portal' }),
  })
  .openapi('PaymentDetailsRequest')

export const portalCustomerSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    company: z.string().nullable(),
    billingAddress: postalAddress.nullable(),
    preferredCoins: z.array(z.object({ asset: z.string(), network: z.string() })),
  })
  .openapi('PortalCustomer')

export const portalMeSchema = z
  .object({
    merchant: z.object({ id: z.uuid(), name: z.string() }),
    customer: portalCustomerSchema,
    settings: portalSettingsSchema.omit({ portalUrl: true, enabled: true }),
    paymentDetailsRequest: paymentDetailsRequestSchema.nullable(),
  })
  .openapi('PortalMe')

export const portalProfileBody = z
  .strictObject({
    name: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters').optional(),
    email: email.toLowerCase().optional(),
    phone: phone.nullable().optional(),
    company: text(200).nullable().optional(),
    billingAddress: postalAddress.nullable().optional(),
    preferredCoins: preferredCoins.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'names no field to change' })
  .openapi('PortalProfileRequest')

export type PortalProfileInput = z.infer<typeof portalProfileBody>

export const portalRefundParams = z.object({
  network: z.enum(networkIds).openapi({ param: { name: 'network', in: 'path' }, example: 'bitcoin' }),
})

export { putRefundAddressBody, refundAddressSchema }

/** The kinds a customer may opt out of (transactional mail always goes). */
export const messagePreferencesSchema = z
  .object({
    data: z.array(z.object({ kind: z.string(), label: z.string(), subscribed: z.boolean() })),
  })
  .openapi('PortalMessagePreferences')

export const putMessagePreferencesBody = z
  .strictObject({
    unsubscribed: z.array(z.string().max(64)).max(50).openapi({
      description: 'The kinds to receive no more; every other optional kind is received',
    }),
  })
  .openapi('PortalMessagePreferencesRequest')

export const paymentDetailsBody = z
  .strictObject({
    preferredCoins: preferredCoins.refine((l) => l.length > 0, 'must list at least one coin'),
    refundAddress: putRefundAddressBody.extend({ network: z.enum(networkIds) }),
  })
  .openapi('PortalPaymentDetailsRequest')

export const portalInvoiceSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  status: z.string(),
  currency: z.string(),
  total: z.string(),
  amountPaid: z.string(),
  amountDue: z.string(),
  issueDate: z.string(),
  dueDate: z.string(),
  payUrl: z.string().nullable().openapi({ description: 'The checkout page, while something is due' }),
})

export const portalPaymentSchema = z.object({
  id: z.uuid(),
  status: z.string(),
  asset: z.string(),
  network: z.string(),
  amount: z.string().openapi({ description: 'Decimal, in the coin' }),
  fiatValue: z.string().nullable(),
  fiatCurrency: z.string(),
  txHash: z.string(),
  explorerUrl: z.string().nullable(),
  invoiceNumber: z.string().nullable(),
  detectedAt: z.iso.datetime(),
  confirmedAt: z.iso.datetime().nullable(),
})

export const portalSubscriptionSchema = z.object({
  id: z.uuid(),
  planName: z.string(),
  amount: z.string(),
  currency: z.string(),
  status: z.string(),
  nextPeriodStart: z.string(),
  cancelAt: z.string().nullable(),
})

export const requestPaymentDetailsParams = z.object({
  id: z.uuid('must be a UUID').openapi({ param: { name: 'id', in: 'path' } }),
})

export const paymentDetailsRequestListQuery = z.strictObject({
  status: z.enum(['pending', 'answered', 'all']).default('all'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})
