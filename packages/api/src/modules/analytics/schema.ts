import { assetIds, networkIds } from '@coinbook/chain-watchers/registry'
import { z } from '@hono/zod-openapi'
import { countryCode } from '../../http/fields.js'

const decimal = z.string().openapi({ description: 'Exact decimal', example: '1250.50' })
const rate = z.string().nullable().openapi({ description: 'A ratio with 4 decimals ("0.2500" = 25%)' })
const coin = z.object({ asset: z.string(), network: z.string() })

export const coinMixEntry = z
  .object({
    asset: z.string(),
    network: z.string(),
    payments: z.number().int(),
    volume: decimal.openapi({ description: 'In the asset’s units' }),
    value: decimal.openapi({ description: 'In the merchant’s reporting currency' }),
  })
  .openapi('CoinMixEntry')

const periodFigures = z.object({ revenue: decimal, payments: z.number().int() })

export const customerMetricsSchema = z
  .object({
    currency: z.string().openapi({ description: 'The merchant’s reporting currency' }),
    lifetimeValue: decimal,
    paymentCount: z.number().int(),
    firstPaymentAt: z.iso.datetime().nullable(),
    lastPaymentAt: z.iso.datetime().nullable(),
    paymentsPer30d: decimal.nullable(),
    medianIntervalDays: decimal.nullable(),
    invoicesPaid: z.number().int(),
    invoicesSettled: z.number().int().openapi({ description: 'Paid, void after sent, or overdue' }),
    paidOnTime: z.number().int(),
    successRate: rate,
    onTimeRate: rate,
    avgDaysToPay: decimal.nullable(),
    topCoin: coin.nullable(),
    coinMix: z.array(coinMixEntry),
    trend: z.object({
      last30Days: periodFigures,
      previous30Days: periodFigures,
      change: rate.openapi({ description: 'Revenue change against the previous 30 days' }),
    }),
    monthly: z
      .array(periodFigures.extend({ month: z.string() }))
      .openapi({ description: 'The last 12 months' }),
    churned: z.boolean(),
  })
  .openapi('CustomerMetrics')

export type CustomerMetricsDto = z.infer<typeof customerMetricsSchema>

const isoDate = z.iso.date('must be a date such as 2026-01-31')

/** The filters every analytics report takes. Dates are UTC days, both included. */
export const analyticsQuery = z
  .strictObject({
    from: isoDate.optional().openapi({ description: 'First day (UTC), default 29 days before `to`' }),
    to: isoDate.optional().openapi({ description: 'Last day (UTC), included; default today' }),
    groupBy: z.enum(['day', 'week', 'month']).default('day'),
    asset: z.enum(assetIds).optional(),
    network: z.enum(networkIds).optional(),
    country: countryCode.optional().openapi({ description: 'The customer’s country' }),
    segmentId: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .openapi({ description: 'A saved segment’s id, or a built-in one such as vip or country:PT' }),
  })
  .openapi('AnalyticsQuery')

export type AnalyticsQuery = z.infer<typeof analyticsQuery>

const range = z.object({ from: z.string(), to: z.string(), currency: z.string() })

export const overviewSchema = range
  .extend({
    totals: z.object({
      revenue: decimal,
      payments: z.number().int().openapi({ description: 'Confirmed (approved) payments' }),
      failedPayments: z.number().int(),
      averagePayment: decimal.nullable(),
      payingCustomers: z.number().int(),
      newCustomers: z.number().int().openapi({ description: 'First payment ever in the range' }),
      returningCustomers: z.number().int(),
      newCustomerGrowthRate: rate.openapi({
        description: 'New customers against the previous period as long',
      }),
      revenuePerPayingCustomer: decimal.nullable(),
      repeatCustomerRate: rate.openapi({ description: 'Paying customers with ≥ 2 payments in the range' }),
    }),
    byCountry: z.array(
      z.object({
        country: z.string().nullable(),
        revenue: decimal,
        payments: z.number().int(),
        customers: z.number().int(),
      }),
    ),
    coinMix: z.array(coinMixEntry),
    ratings: z
      .object({
        average: decimal.nullable().openapi({ description: 'Mean 1–5 rating, 2 decimals; null without any' }),
        count: z.number().int(),
      })
      .openapi({ description: 'Ratings payers gave in the range (every customer, whatever the filters)' }),
  })
  .openapi('AnalyticsOverview')

export const revenueSchema = range
  .extend({
    groupBy: z.enum(['day', 'week', 'month']),
    series: z.array(
      z.object({
        period: z.string().openapi({ description: 'First day of the period' }),
        revenue: decimal,
        payments: z.number().int(),
        failedPayments: z.number().int(),
        newCustomers: z.number().int(),
      }),
    ),
    byAsset: z.array(z.object({ asset: z.string(), revenue: decimal, payments: z.number().int() })),
    byNetwork: z.array(z.object({ network: z.string(), revenue: decimal, payments: z.number().int() })),
  })
  .openapi('AnalyticsRevenue')

const monthRate = z.object({
  month: z.string(),
  activeAtStart: z.number().int(),
  churned: z.number().int(),
  rate,
})

export const cohortsSchema = range
  .extend({
    cohorts: z.array(
      z.object({
        cohort: z.string().openapi({ description: 'Month of the first payment, YYYY-MM' }),
        customers: z.number().int(),
        months: z.array(z.object({ offset: z.number().int(), customers: z.number().int(), share: rate })),
      }),
    ),
    churn: z.object({
      churnedCustomers: z.number().int().openapi({ description: 'Churned now, of those who paid ≥ 2 times' }),
      months: z.array(monthRate),
    }),
    subscriptionChurn: z.object({
      months: z.array(monthRate),
    }),
  })
  .openapi('AnalyticsCohorts')

export const agingSchema = z
  .object({
    asOf: z.string(),
    buckets: z.array(
      z.object({
        currency: z.string(),
        bucket: z.enum(['current', '1-30', '31-60', '61-90', '90+']),
        amountDue: decimal,
        invoices: z.number().int(),
      }),
    ),
    averageDaysToPay: decimal
      .nullable()
      .openapi({ description: 'Sent → fully paid, invoices paid in the range' }),
    invoicesPaid: z.number().int(),
    from: z.string(),
    to: z.string(),
  })
  .openapi('AnalyticsAging')
