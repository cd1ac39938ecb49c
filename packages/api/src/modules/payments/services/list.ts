import { sql } from 'kysely'
import type { ServiceContext } from '../../../context.js'
import type { ListPaymentsInput } from '../schema.js'

/**
 * The merchant's payments with their customer's name (null when the payment matched no customer or its
 * customer was deleted) and what was refunded of each (base units and fiat value; refunds_payment_idx),
 * the shape presentPayment takes.
 */
export function selectPayments(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('payments as p')
    .leftJoin('customers as c', 'c.id', 'p.customer_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('refunds as r')
          .select([
            sql<string>`coalesce(sum(r.amount), 0)`.as('refunded_amount'),
            sql<string | null>`trim_scale(sum(r.fiat_value))`.as('refunded_fiat_value'),
          ])
          .whereRef('r.payment_id', '=', 'p.id')
          .as('rf'),
      (join) => join.onTrue(),
    )
    .selectAll('p')
    .select(sql<string | null>`case when c.deleted_at is null then c.name end`.as('customer_name'))
    .select(sql<string>`coalesce(rf.refunded_amount, 0)`.as('refunded_amount'))
    .select('rf.refunded_fiat_value')
    .where('p.merchant_id', '=', ctx.merchantId)
}

/** The list's filters, shared with the export: `selectPayments` narrowed to what the merchant picked. */
export function filterPayments(
  query: ReturnType<typeof selectPayments>,
  input: Omit<ListPaymentsInput, 'limit' | 'cursor'>,
) {
  let q = query
  if (input.network) q = q.where('p.network', '=', input.network)
  if (input.asset) q = q.where('p.asset', '=', input.asset)
  if (input.status) q = q.where('p.status', '=', input.status)
  if (input.customerId) q = q.where('p.customer_id', '=', input.customerId)
  if (input.attribution === 'unattributed') q = q.where('p.customer_id', 'is', null)
  if (input.attribution === 'attributed') q = q.where('p.customer_id', 'is not', null)
  if (input.from) q = q.where('p.detected_at', '>=', new Date(input.from))
  if (input.to) q = q.where('p.detected_at', '<', new Date(input.to))
  return q
}

/** The merchant's payments, newest first, with the list filters; keyset pagination on the id. */
export async function listPayments({ ctx, input }: { ctx: ServiceContext; input: ListPaymentsInput }) {
  let q = filterPayments(selectPayments(ctx), input)
  if (input.cursor) q = q.where('p.id', '<', input.cursor)
  const rows = await q
    .orderBy('p.id', 'desc')
    .limit(input.limit + 1)
    .execute()
  const page = rows.slice(0, input.limit)
  return { rows: page, nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null }
}
