import type { ServiceContext } from '../../../context.js'
import type { ListPaymentsInput } from '../schema.js'

/** The merchant's payments, newest first, with the list filters; keyset pagination on the id. */
export async function listPayments({ ctx, input }: { ctx: ServiceContext; input: ListPaymentsInput }) {
  let q = ctx.db.selectFrom('payments').selectAll().where('merchant_id', '=', ctx.merchantId)
  if (input.network) q = q.where('network', '=', input.network)
  if (input.asset) q = q.where('asset', '=', input.asset)
  if (input.status) q = q.where('status', '=', input.status)
  if (input.customerId) q = q.where('customer_id', '=', input.customerId)
  if (input.from) q = q.where('detected_at', '>=', new Date(input.from))
  if (input.to) q = q.where('detected_at', '<', new Date(input.to))
  if (input.cursor) q = q.where('id', '<', input.cursor)
  const rows = await q
    .orderBy('id', 'desc')
    .limit(input.limit + 1)
    .execute()
  const page = rows.slice(0, input.limit)
  return { rows: page, nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null }
}
