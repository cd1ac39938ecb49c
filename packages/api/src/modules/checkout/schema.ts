import { assetIds, networkIds } from '@coinbook/chain-watchers/registry'
import { z } from '@hono/zod-openapi'
import { invoiceStatus, quoteSchema } from '../invoices/schema.js'
import { publicRatingSchema } from '../ratings/schema.js'

export const tokenParam = z.object({
  token: z.string().openapi({ param: { name: 'token', in: 'path' }, description: 'The pay link token' }),
})

/** The public view of an invoice: what its payer needs, nothing about the merchant's other data. */
export const checkoutSchema = z
  .object({
    merchantName: z.string(),
    number: z.string(),
    status: invoiceStatus,
    overdue: z.boolean(),
    paidLate: z.boolean(),
    currency: z.string(),
    lines: z.array(
      z.object({ description: z.string(), quantity: z.string(), unitAmount: z.string(), amount: z.string() }),
    ),
    subtotal: z.string(),
    taxes: z.array(z.object({ name: z.string(), percentage: z.string(), amount: z.string() })),
    total: z.string(),
    amountPaid: z.string(),
    amountDue: z.string(),
    amountSeen: z.string().openapi({ description: 'Seen on chain, waiting for confirmations' }),
    dueDate: z.string(),
    memo: z.string().nullable(),
    accepts: z
      .array(z.object({ asset: z.enum(assetIds), network: z.enum(networkIds), preferred: z.boolean() }))
      .openapi({ description: 'The customer’s preferred coins first' }),
    quotes: z.array(quoteSchema).openapi({ description: 'Quotes whose rate lock has not expired' }),
    payments: z.array(
      z.object({
        asset: z.enum(assetIds),
        network: z.enum(networkIds),
        amount: z.string(),
        txHash: z.string(),
        status: z.enum(['seen', 'confirmed', 'failed', 'reorged']),
        confirmations: z.number().int(),
        requiredConfirmations: z.number().int(),
      }),
    ),
    canRate: z.boolean().openapi({ description: 'Something was paid: the payer may rate it (PUT …/rating)' }),
    rating: publicRatingSchema.nullable(),
  })
  .openapi('Checkout')

export type CheckoutDto = z.infer<typeof checkoutSchema>

/** What the events stream pushes whenever it changes: a part of the checkout, never more. */
export const checkoutStateSchema = checkoutSchema
  .pick({
    status: true,
    paidLate: true,
    currency: true,
    total: true,
    amountPaid: true,
    amountDue: true,
    amountSeen: true,
    payments: true,
  })
  .openapi('CheckoutState')

export type CheckoutStateDto = z.infer<typeof checkoutStateSchema>
