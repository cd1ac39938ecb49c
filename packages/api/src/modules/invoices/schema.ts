import { assetIds, networkIds } from '@coinbook/chain-watchers/registry'
import { z } from '@hono/zod-openapi'
import { currencyCode, decimalString, text } from '../../http/fields.js'
import { paymentOption } from '../customers/schema.js'
import { refundSchema } from '../refunds/schema.js'
import { QUANTITY_DECIMALS, UNIT_DECIMALS } from './money.js'

export const invoiceStatus = z
  .enum(['draft', 'open', 'partially_paid', 'paid', 'overpaid', 'void'])
  .openapi('InvoiceStatus')

const positiveDecimal = (places: number) =>
  z
    .union([z.string(), z.number().int().positive().max(1e9)])
    .transform((v) => String(v).trim())
    .pipe(
      z
        .string()
        .regex(
          new RegExp(`^\\d{1,12}(\\.\\d{1,${places}})?$`),
          `must be a positive decimal number with at most ${places} decimals`,
        )
        .refine((v) => /[1-9]/.test(v), 'must be greater than zero'),
    )

export const invoiceLineInput = z.strictObject({
  description: z.string().trim().min(1, 'is required').max(500, 'must be at most 500 characters'),
  quantity: positiveDecimal(QUANTITY_DECIMALS).openapi({ example: '1' }),
  unitAmount: decimalString(UNIT_DECIMALS).openapi({
    example: '100.00',
    description: 'Price of one unit in the invoice currency, as a decimal string',
  }),
  taxRateId: z.uuid('must be the id of one of your tax rates').optional(),
})

export const acceptsInput = z
  .array(paymentOption)
  .max(30)
  .refine((list) => new Set(list.map((p) => `${p.asset}/${p.network}`)).size === list.length, {
    message: 'lists the same coin twice',
  })

export const createInvoiceBody = z
  .strictObject({
    customerId: z.uuid('must be a UUID'),
    currency: currencyCode
      .optional()
      .openapi({ description: 'Default: the customer’s preferred fiat, else your reporting currency' }),
    lines: z
      .array(invoiceLineInput)
      .min(1, 'must have at least one line')
      .max(100, 'may have at most 100 lines'),
    dueDate: z.iso
      .date('must be a date such as 2026-01-31')
      .optional()
      .openapi({ description: 'Default: today + the customer’s payment terms (30 days)' }),
    accepts: acceptsInput.optional().openapi({
      description: 'Coins the invoice may be paid in. Default: the customer’s preferred coins you receive',
    }),
    memo: text(2000).optional(),
    installments: z
      .strictObject({
        count: z
          .number()
          .int('must be a whole number')
          .min(2, 'must be at least 2')
          .max(60, 'must be at most 60'),
        interval: z.enum(['week', 'month']),
        firstDueDate: z.iso.date('must be a date such as 2026-01-31'),
      })
      .optional()
      .openapi({
        description:
          'Split the total into `count` invoices due every week or month from `firstDueDate` (the remainder cent on the last); the response is the first',
      }),
  })
  .openapi('CreateInvoiceRequest')

export const updateInvoiceBody = z
  .strictObject({
    currency: currencyCode.optional(),
    lines: createInvoiceBody.shape.lines.optional().openapi({ description: 'Replaces every line' }),
    dueDate: z.iso.date('must be a date such as 2026-01-31').optional(),
    accepts: acceptsInput.optional(),
    memo: text(2000).nullable().optional().openapi({ description: 'null clears it' }),
  })
  .refine(
    (v) => Object.keys(v).length > 0,
    'must change at least one of currency, lines, dueDate, accepts, memo',
  )
  .openapi('UpdateInvoiceRequest')

export const recordPaymentBody = z
  .strictObject({
    amount: positiveDecimal(UNIT_DECIMALS).openapi({
      description: 'In the invoice currency',
      example: '40.00',
    }),
    method: z.literal('offchain'),
    note: text(1000).optional(),
  })
  .openapi('RecordInvoicePaymentRequest')

export const quoteBody = z
  .strictObject({ asset: z.enum(assetIds), network: z.enum(networkIds) })
  .openapi('QuoteRequest')

export const quoteSchema = z
  .object({
    id: z.uuid(),
    asset: z.enum(assetIds),
    network: z.enum(networkIds),
    address: z.string(),
    memo: z.string().nullable().openapi({ description: 'TON: the comment the payment must carry' }),
    reference: z.string().nullable().openapi({ description: 'Solana: the Solana Pay reference' }),
    amount: z.string().openapi({ description: 'Exact amount of the asset to pay' }),
    fiatAmount: z.string().openapi({ description: 'What the amount pays, in the invoice currency' }),
    currency: z.string(),
    rate: z.string().openapi({ description: 'Price of one unit of the asset in the invoice currency' }),
    uri: z.string(),
    qrSvg: z.string(),
    expiresAt: z.iso.datetime(),
    expired: z.boolean(),
  })
  .openapi('Quote')

const money = (description?: string) =>
  z.string().openapi(description ? { description, example: '100.00' } : { example: '100.00' })

export const invoiceLineSchema = z.object({
  position: z.number().int().openapi({ description: 'Order on the invoice, from 0' }),
  description: z.string(),
  quantity: z.string(),
  unitAmount: z.string(),
  amount: money('quantity × unit amount, rounded to the currency'),
  taxRateId: z.uuid().nullable(),
  taxName: z.string().nullable(),
  taxPercentage: z.string().nullable(),
})

export const invoiceSummarySchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    status: invoiceStatus,
    overdue: z.boolean().openapi({ description: 'Past its due date with something still due' }),
    paidLate: z.boolean().openapi({ description: 'Paid (in part) after a quote’s rate lock expired' }),
    customerId: z.uuid(),
    customerName: z.string().nullable(),
    currency: z.string(),
    subtotal: money(),
    taxTotal: money(),
    total: money(),
    amountPaid: money('Confirmed payments, off-chain payments and credit applied'),
    amountDue: money('What remains to pay; 0 once paid (within the underpayment tolerance)'),
    amountSeen: money('On-chain payments seen but not confirmed yet'),
    issueDate: z.string(),
    dueDate: z.string(),
    payUrl: z.string().nullable().openapi({ description: 'The public pay link, once sent' }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('InvoiceSummary')

export const appliedPaymentSchema = z
  .object({
    id: z.uuid(),
    method: z.enum(['onchain', 'offchain', 'credit']),
    status: z
      .enum(['seen', 'confirmed', 'failed', 'reorged', 'recorded'])
      .openapi({ description: 'seen: on chain, not confirmed yet (does not count)' }),
    counts: z.boolean(),
    amount: z.string().nullable().openapi({ description: 'Value applied, in the invoice currency' }),
    rate: z.string().nullable(),
    late: z.boolean(),
    note: z.string().nullable(),
    payment: z
      .object({
        id: z.uuid(),
        network: z.enum(networkIds),
        asset: z.enum(assetIds),
        amount: z.string().openapi({ description: 'Coin amount' }),
        txHash: z.string(),
        confirmations: z.number().int(),
        requiredConfirmations: z.number().int(),
        explorerUrl: z.string().nullable(),
      })
      .nullable(),
    refunds: z.array(refundSchema).openapi({
      description:
        'Refunds of the on-chain payment. They do not reopen the invoice or change what it counts as paid',
    }),
    createdAt: z.iso.datetime(),
  })
  .openapi('AppliedPayment')

export const invoiceSchema = invoiceSummarySchema
  .extend({
    lines: z.array(invoiceLineSchema),
    taxes: z.array(
      z.object({
        taxRateId: z.uuid().nullable(),
        name: z.string(),
        percentage: z.string(),
        amount: z.string(),
      }),
    ),
    creditApplied: money('Customer credit used on this invoice'),
    accepts: z.array(z.object({ asset: z.enum(assetIds), network: z.enum(networkIds) })),
    memo: z.string().nullable(),
    sentAt: z.iso.datetime().nullable(),
    paidAt: z.iso.datetime().nullable(),
    voidedAt: z.iso.datetime().nullable(),
    payments: z.array(appliedPaymentSchema),
    quotes: z.array(quoteSchema.omit({ qrSvg: true })),
    installment: z
      .object({
        planId: z.uuid(),
        index: z.number().int().openapi({ description: 'This invoice is installment `index` of `count`' }),
        count: z.number().int(),
        paidCount: z.number().int().openapi({ description: 'Installments of the plan paid so far' }),
      })
      .nullable(),
    history: z.array(
      z.object({
        from: invoiceStatus.nullable(),
        to: invoiceStatus,
        reason: z.string(),
        at: z.iso.datetime(),
      }),
    ),
  })
  .openapi('Invoice')

const dateOrTime = z.iso.datetime({ offset: true }).or(z.iso.date())

export const listInvoicesQuery = z.strictObject({
  status: invoiceStatus.optional(),
  customerId: z.uuid().optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .openapi({ description: 'true: past due with something still due' }),
  from: dateOrTime.optional().openapi({ description: 'Issued on or after' }),
  to: dateOrTime.optional().openapi({ description: 'Issued before' }),
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .openapi({ description: 'Invoice number or customer name, partial' }),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.uuid('must be the nextCursor of the previous page').optional(),
})

export const invoiceListSchema = z
  .object({ data: z.array(invoiceSummarySchema), nextCursor: z.string().nullable() })
  .openapi('InvoiceList')

export const invoiceSettingsSchema = z
  .object({
    numberPrefix: z.string(),
    nextNumber: z.number().int(),
    underpaymentTolerancePercent: z.string(),
    applyStablePayments: z.boolean().openapi({
      description:
        "A payment to a customer's own stable address (not an invoice's) pays their oldest open invoice; off, it stays a plain payment.",
    }),
  })
  .openapi('InvoiceSettings')

export const updateInvoiceSettingsBody = z
  .strictObject({
    numberPrefix: z
      .string()
      .trim()
      .max(20)
      .regex(/^[A-Za-z0-9_\-/.#]*$/, 'may hold letters, digits and - _ / . #')
      .optional(),
    underpaymentTolerancePercent: decimalString(4)
      .refine((v) => Number.parseFloat(v) <= 100, 'must be at most 100')
      .optional(),
    applyStablePayments: z.boolean().optional(),
  })
  .openapi('UpdateInvoiceSettingsRequest')

export const chargeBody = z
  .strictObject({
    amount: positiveDecimal(UNIT_DECIMALS).openapi({ example: '25.00' }),
    currency: currencyCode,
    description: z.string().trim().min(1, 'is required').max(500),
    accepts: acceptsInput.optional(),
    expiresIn: z
      .number()
      .int()
      .min(60)
      .max(24 * 3600)
      .optional()
      .openapi({ description: 'Seconds the quotes lock their rate; default QUOTE_TTL' }),
  })
  .openapi('ChargeRequest')

export const chargeResponse = z
  .object({
    invoice: invoiceSchema,
    payUrl: z.string(),
    quotes: z.array(quoteSchema),
    unavailable: z.array(
      z.object({ asset: z.enum(assetIds), network: z.enum(networkIds), reason: z.string() }),
    ),
  })
  .openapi('ChargeResult')

export type CreateInvoiceInput = z.infer<typeof createInvoiceBody>
export type UpdateInvoiceInput = z.infer<typeof updateInvoiceBody>
export type ListInvoicesInput = z.infer<typeof listInvoicesQuery>
export type RecordPaymentInput = z.infer<typeof recordPaymentBody>
export type QuoteInput = z.infer<typeof quoteBody>
export type ChargeInput = z.infer<typeof chargeBody>
export type InvoiceDto = z.infer<typeof invoiceSchema>
export type QuoteDto = z.infer<typeof quoteSchema>

export const customerBillingSchema = z
  .object({
    taxExempt: z.boolean().openapi({ description: 'Invoiced without your tax rates' }),
    autoSend: z.boolean().openapi({
      description: 'Invoices of their subscriptions and installments are issued sent (open, with a pay link)',
    }),
    credit: z
      .array(z.object({ currency: z.string(), amount: z.string() }))
      .openapi({ description: 'Credit per currency, used on the customer’s next invoice in it' }),
  })
  .openapi('CustomerBilling')

export const updateCustomerBillingBody = z
  .strictObject({ taxExempt: z.boolean().optional(), autoSend: z.boolean().optional() })
  .openapi('UpdateCustomerBillingRequest')

export const installmentPlanSchema = z
  .object({
    id: z.uuid(),
    customerId: z.uuid(),
    currency: z.string(),
    subtotal: money('Of the invoice that was split'),
    taxTotal: money('Of the invoice that was split; included in the installment amounts'),
    total: money(),
    count: z.number().int(),
    interval: z.enum(['week', 'month']),
    firstDueDate: z.string(),
    paidCount: z.number().int().openapi({ description: '"k of n paid": installments paid (or overpaid)' }),
    amountPaid: money(),
    amountDue: money(),
    installments: z.array(
      z.object({
        index: z.number().int(),
        invoiceId: z.uuid(),
        number: z.string(),
        status: invoiceStatus,
        total: money(),
        amountPaid: money(),
        amountDue: money(),
        dueDate: z.string(),
        overdue: z.boolean(),
      }),
    ),
    createdAt: z.iso.datetime(),
  })
  .openapi('InstallmentPlan')
