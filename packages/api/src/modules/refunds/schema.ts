import { assetIds, networkIds } from '@coinbook/chain-watchers/registry'
import { z } from '@hono/zod-openapi'
import { text } from '../../http/fields.js'
import { paymentSchema } from '../payments/schema.js'

export const refundSchema = z
  .object({
    id: z.uuid(),
    paymentId: z.uuid(),
    network: z.enum(networkIds),
    asset: z.enum(assetIds),
    amount: z.string().openapi({ description: 'Exact decimal amount of the asset sent back' }),
    amountBaseUnits: z.string(),
    fiatCurrency: z.string(),
    fiatValue: z.string().nullable().openapi({
      description:
        'The payment’s fiat value × amount ÷ the payment’s amount, rounded half up to the currency’s minor units (cumulatively, so a payment’s refunds add up to its fiat value); null when the payment has none',
    }),
    address: z.string().openapi({ description: 'Where the refund went' }),
    memo: z.string().nullable().openapi({ description: 'TON: the comment it carried' }),
    txHash: z.string().nullable().openapi({ description: 'The refund’s own transaction, when given' }),
    explorerUrl: z.string().nullable(),
    note: z.string().nullable(),
    actor: z.object({ type: z.enum(['user', 'api_key', 'system']), id: z.uuid().nullable() }),
    createdAt: z.iso.datetime(),
  })
  .openapi('Refund')

export const refundListSchema = z.object({ data: z.array(refundSchema) }).openapi('RefundList')

export const createRefundBody = z
  .strictObject({
    amount: z
      .string('must be a decimal number as a string, such as "0.25"')
      .trim()
      .refine(
        (v) => /^\d{1,40}(\.\d{1,40})?$/.test(v) && /[1-9]/.test(v),
        'must be a decimal number greater than zero, as a string, such as "0.25"',
      )
      .openapi({
        example: '0.25',
        description:
          'In the payment’s asset; at most the payment’s amount minus what was already refunded, with at most the asset’s decimals',
      }),
    address: z
      .string()
      .trim()
      .min(1, 'is required')
      .max(128, 'must be at most 128 characters')
      .optional()
      .openapi({
        description:
          'Checked for the payment’s network; omitted, the customer’s refund address on that network (400 if they have none)',
      }),
    memo: text(120).nullable().optional().openapi({ description: 'TON only: a comment the refund carries' }),
    txHash: z
      .string()
      .trim()
      .min(1, 'is required')
      .max(128, 'must be at most 128 characters')
      .optional()
      .openapi({
        description:
          'The refund’s transaction, in the network’s format. Recorded once per payment: the same hash with the same amount and address returns the refund already recorded (200)',
      }),
    note: text(500).optional(),
  })
  .openapi('CreateRefundRequest')

export const paymentDetailSchema = paymentSchema
  .extend({ refunds: z.array(refundSchema) })
  .openapi('PaymentDetail')

export type CreateRefundInput = z.infer<typeof createRefundBody>
export type RefundDto = z.infer<typeof refundSchema>
