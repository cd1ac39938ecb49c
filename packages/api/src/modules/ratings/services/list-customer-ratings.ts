import { sql } from 'kysely'
import type { ServiceContext } from '../../../context.js'
import { assertCustomer } from '../../deposit-targets/services/allocate.js'

/** GET /customers/{id}/ratings: what the customer said about their paid invoices, and the average. */
export async function listCustomerRatings({ ctx, customerId }: { ctx: ServiceContext; customerId: string }) {
  await assertCustomer(ctx, customerId)
  const rows = await ctx.db
    .selectFrom('invoice_ratings as r')
    .innerJoin('invoices as i', 'i.id', 'r.invoice_id')
    .select(['r.invoice_id', 'i.number', 'r.rating', 'r.comment', 'r.created_at', 'r.updated_at'])
    .where('r.merchant_id', '=', ctx.merchantId)
    .where('i.merchant_id', '=', ctx.merchantId)
    .where('i.customer_id', '=', customerId)
    .orderBy('r.created_at', 'desc')
    .execute()
  const total = rows.reduce((n, r) => n + r.rating, 0)
  return {
    average: averageOf(total, rows.length),
    count: rows.length,
    data: rows.map((r) => ({
      invoiceId: r.invoice_id,
      invoiceNumber: r.number,
      rating: r.rating,
      comment: r.comment,
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
    })),
  }
}

/** A mean of whole ratings, rounded half up to 2 decimals with integers only; null for none. */
export function averageOf(total: number, count: number): string | null {
  if (count === 0) return null
  // total × 100 / count, rounded half up: (2 × total × 100 + count) ÷ (2 × count), floored.
  const h = Math.floor((200 * total + count) / (2 * count))
  return `${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}`
}

/** The merchant's ratings given in [from, to): count and average, for the analytics overview. */
export async function ratingSummary(ctx: Pick<ServiceContext, 'db' | 'merchantId'>, from: Date, to: Date) {
  const row = await ctx.db
    .selectFrom('invoice_ratings')
    .select([sql<number>`count(*)::int`.as('n'), sql<number>`coalesce(sum(rating), 0)::int`.as('total')])
    .where('merchant_id', '=', ctx.merchantId)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .executeTakeFirstOrThrow()
  return { average: averageOf(row.total, row.n), count: row.n }
}
