import { assetIds, networkIds } from '@coinbook/chain-watchers/registry'
import { z } from '@hono/zod-openapi'
import { currencyCode, email, phone, text } from '../../http/fields.js'
import { postalAddress } from '../customers/schema.js'
import { acceptsInput, quoteSchema } from '../invoices/schema.js'

/** What a link may ask its payer for. */
export const collectField = z.enum(['name', 'email', 'phone', 'billingAddress']).openapi('PaymentLinkField')

const fiatAmount = z
  .string()
  .trim()
  .regex(/^\d{1,12}(\.\d{1,4})?$/, 'must be a positive decimal number with at most 4 decimals, as a string')
  .refine((v) => /[1-9]/.test(v), 'must be greater than zero')
  .openapi({ example: '25.00' })

const collectInput = z
  .array(collectField)
  .max(4)
  .refine((l) => new Set(l).size === l.length, 'lists the same field twice')

const maxUses = z
  .number()
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(1_000_000, 'must be at most 1000000')

export const createPaymentLinkBody = z
  .strictObject({
    title: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
    description: text(2000).optional(),
    amount: fiatAmount
      .optional()
      .openapi({ description: 'A fixed price in `currency`; omit with customAmount' }),
    customAmount: z.boolean().optional().openapi({ description: 'true: the payer types the amount' }),
    currency: currencyCode,
    accepts: acceptsInput
      .optional()
      .openapi({ description: 'Coins the payer may pick. Default: every coin you can receive' }),
    collect: collectInput
      .optional()
      .openapi({ description: 'What the payer must fill in; default name and email' }),
    maxUses: maxUses.optional().openapi({ description: 'Payers (sessions with a payment) before it closes' }),
    expiresAt: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).optional(),
  })
  .refine((v) => (v.amount !== undefined) !== (v.customAmount === true), {
    message: 'give either amount or customAmount: true',
    path: ['amount'],
  })
  .openapi('CreatePaymentLinkRequest')

export const updatePaymentLinkBody = z
  .strictObject({
    title: createPaymentLinkBody.shape.title.optional(),
    description: text(2000).nullable().optional().openapi({ description: 'null clears it' }),
    accepts: acceptsInput.optional(),
    collect: collectInput.optional(),
    maxUses: maxUses.nullable().optional().openapi({ description: 'null: no limit' }),
    expiresAt: z.iso
      .datetime({ offset: true, message: 'must be an ISO 8601 date-time' })
      .nullable()
      .optional()
      .openapi({ description: 'null: never expires' }),
    disabled: z
      .boolean()
      .optional()
      .openapi({ description: 'true disables the link; false enables it again' }),
  })
  .refine((v) => Object.keys(v).length > 0, 'must change at least one field')
  .openapi('UpdatePaymentLinkRequest')

const coin = z.object({ asset: z.enum(assetIds), network: z.enum(networkIds) })

export const paymentLinkStatus = z
  .enum(['active', 'disabled', 'expired', 'used_up'])
  .openapi('PaymentLinkStatus')

export const paymentLinkSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    url: z.string().openapi({ description: 'The public page, relative to this Coinbook' }),
    title: z.string(),
    description: z.string().nullable(),
    amount: z.string().nullable().openapi({ description: 'null: the payer types it' }),
    customAmount: z.boolean(),
    currency: z.string(),
    accepts: z.array(coin),
    collect: z.array(collectField),
    maxUses: z.number().int().nullable(),
    uses: z.number().int().openapi({ description: 'Payers whose payment was seen' }),
    expiresAt: z.iso.datetime().nullable(),
    disabledAt: z.iso.datetime().nullable(),
    status: paymentLinkStatus,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('PaymentLink')

export const paymentLinkUseSchema = z
  .object({
    sessionId: z.uuid(),
    customerId: z.uuid(),
    customerName: z.string().openapi({ description: 'The profile’s name now (not what the payer typed)' }),
    customerMatched: z.boolean().openapi({ description: 'true: an existing profile was matched by email' }),
    name: z.string().nullable(),
    email: z.string().nullable(),
    amount: z.string(),
    currency: z.string(),
    paidAt: z.iso.datetime(),
    payments: z.array(
      z.object({
        id: z.uuid(),
        asset: z.enum(assetIds),
        network: z.enum(networkIds),
        amount: z.string(),
        txHash: z.string(),
        status: z.enum(['pending', 'confirmed', 'failed', 'reorged']),
        fiatValue: z.string().nullable(),
      }),
    ),
  })
  .openapi('PaymentLinkUse')

export const listPaymentLinksQuery = z.object({
  status: paymentLinkStatus.optional(),
})

// The public side: what the payer's page sees.

export const slugParam = z.object({
  slug: z.string().openapi({ param: { name: 'slug', in: 'path' }, description: 'The link’s slug' }),
})
export const sessionTokenParam = z.object({
  token: z
    .string()
    .openapi({ param: { name: 'token', in: 'path' }, description: 'The payer’s session token' }),
})

export const publicPaymentLinkSchema = z
  .object({
    merchantName: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    amount: z.string().nullable(),
    customAmount: z.boolean(),
    currency: z.string(),
    accepts: z.array(coin),
    collect: z.array(collectField),
  })
  .openapi('PublicPaymentLink')

export const startSessionBody = z
  .strictObject({
    name: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters').optional(),
    email: email.optional(),
    phone: phone.optional(),
    billingAddress: postalAddress.optional(),
    amount: fiatAmount.optional().openapi({ description: 'Only for a link with a custom amount' }),
  })
  .openapi('StartPaymentLinkSessionRequest')

export const sessionSchema = z
  .object({
    token: z.string(),
    merchantName: z.string(),
    title: z.string(),
    amount: z.string(),
    currency: z.string(),
    accepts: z.array(coin),
    status: z.enum(['awaiting_payment', 'seen', 'paid']).openapi({
      description: 'seen: a payment is on chain but not (fully) confirmed; paid: confirmed in full',
    }),
    quote: quoteSchema.nullable().openapi({ description: 'The latest coin the payer picked' }),
    payments: z.array(
      z.object({
        asset: z.enum(assetIds),
        network: z.enum(networkIds),
        amount: z.string(),
        txHash: z.string(),
        status: z.enum(['pending', 'confirmed', 'failed', 'reorged']),
        confirmations: z.number().int(),
      }),
    ),
  })
  .openapi('PaymentLinkSession')

export type CreatePaymentLinkInput = z.infer<typeof createPaymentLinkBody>
export type UpdatePaymentLinkInput = z.infer<typeof updatePaymentLinkBody>
export type PaymentLinkDto = z.infer<typeof paymentLinkSchema>
export type PaymentLinkUseDto = z.infer<typeof paymentLinkUseSchema>
export type PublicPaymentLinkDto = z.infer<typeof publicPaymentLinkSchema>
export type StartSessionInput = z.infer<typeof startSessionBody>
export type SessionDto = z.infer<typeof sessionSchema>
export type CollectField = z.infer<typeof collectField>
