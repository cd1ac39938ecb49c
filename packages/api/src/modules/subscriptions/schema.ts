import { z } from '@hono/zod-openapi'
import { currencyCode } from '../../http/fields.js'

export const planInterval = z.enum(['day', 'week', 'month', 'quarter', 'year']).openapi('PlanInterval')

export const subscriptionStatus = z
  .enum(['trialing', 'active', 'past_due', 'paused', 'canceled'])
  .openapi('SubscriptionStatus')

const isoDate = z.iso.date('must be a date such as 2026-01-31')

export const createPlanBody = z
  .strictObject({
    name: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
    amount: z
      .string('must be a decimal string such as "29.00"')
      .trim()
      .regex(/^\d{1,12}(\.\d{1,4})?$/, 'must be a positive decimal number such as "29.00", as a string')
      .refine((v) => /[1-9]/.test(v), 'must be greater than zero')
      .openapi({ example: '29.00', description: 'Billed each period, in the plan currency' }),
    currency: currencyCode,
    interval: planInterval,
    intervalCount: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(60, 'must be at most 60')
      .default(1)
      .openapi({ description: 'Bill every N intervals (default 1)' }),
    trialDays: z
      .number()
      .int('must be a whole number')
      .min(0, 'must not be negative')
      .max(730, 'must be at most 730')
      .default(0),
  })
  .openapi('CreatePlanRequest')

export const planSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    amount: z.string(),
    currency: z.string(),
    interval: planInterval,
    intervalCount: z.number().int(),
    trialDays: z.number().int(),
    archivedAt: z.iso.datetime().nullable().openapi({
      description: 'Archived: starts no new subscriptions; those it has go on billing',
    }),
    createdAt: z.iso.datetime(),
  })
  .openapi('Plan')

export const listQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.uuid('must be the nextCursor of the previous page').optional(),
})

export const listPlansQuery = listQuery.extend({
  archived: z
    .enum(['false', 'true', 'all'])
    .default('false')
    .openapi({ description: 'false (default): live plans only; true: archived only; all: both' }),
})

export const planListSchema = z
  .object({ data: z.array(planSchema), nextCursor: z.string().nullable() })
  .openapi('PlanList')

export const createSubscriptionBody = z
  .strictObject({
    customerId: z.uuid('must be a UUID'),
    planId: z.uuid('must be a UUID'),
    startDate: isoDate.optional().openapi({
      description: 'First day (of the trial, if the plan has one); default today, not in the past',
    }),
  })
  .openapi('CreateSubscriptionRequest')

export const cancelSubscriptionBody = z
  .strictObject({
    atPeriodEnd: z
      .boolean()
      .default(false)
      .openapi({ description: 'true: no further period is billed and it ends when the current one does' }),
  })
  .openapi('CancelSubscriptionRequest')

export const listSubscriptionsQuery = listQuery.extend({
  status: subscriptionStatus.optional(),
  customerId: z.uuid().optional(),
})

export const subscriptionSchema = z
  .object({
    id: z.uuid(),
    customerId: z.uuid(),
    plan: planSchema,
    status: subscriptionStatus,
    startDate: z.string(),
    trialEnd: z.string().nullable().openapi({ description: 'First day after the trial' }),
    currentPeriodStart: z.string().nullable(),
    currentPeriodEnd: z.string().nullable().openapi({ description: 'First day of the next period' }),
    nextInvoiceDate: z
      .string()
      .nullable()
      .openapi({ description: 'When the next period is invoiced; null once canceled' }),
    cancelAt: z.string().nullable().openapi({ description: 'Ends on this day (cancel at period end)' }),
    canceledAt: z.iso.datetime().nullable(),
    cancelReason: z.enum(['requested', 'period_end', 'unpaid']).nullable(),
    pausedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .openapi('Subscription')

export const subscriptionDetailSchema = subscriptionSchema
  .extend({
    invoices: z.array(
      z.object({
        invoiceId: z.uuid(),
        number: z.string(),
        status: z.string(),
        total: z.string(),
        dueDate: z.string(),
        periodStart: z.string(),
        periodEnd: z.string(),
      }),
    ),
  })
  .openapi('SubscriptionDetail')

export const subscriptionListSchema = z
  .object({ data: z.array(subscriptionSchema), nextCursor: z.string().nullable() })
  .openapi('SubscriptionList')

export type CreatePlanInput = z.infer<typeof createPlanBody>
export type CreateSubscriptionInput = z.infer<typeof createSubscriptionBody>
export type ListSubscriptionsInput = z.infer<typeof listSubscriptionsQuery>
export type PlanDto = z.infer<typeof planSchema>
export type SubscriptionDto = z.infer<typeof subscriptionSchema>
