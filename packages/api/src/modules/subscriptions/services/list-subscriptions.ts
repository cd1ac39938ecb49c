import type { ServiceContext } from '../../../context.js'
import type { ListSubscriptionsInput } from '../schema.js'
import { presentSubscription, selectSubscriptions } from './present.js'

/** The merchant's subscriptions, newest first, filtered; keyset pagination on the id. */
export async function listSubscriptions({
  ctx,
  input,
}: {
  ctx: ServiceContext
  input: ListSubscriptionsInput
}) {
  let q = selectSubscriptions(ctx.db, ctx.merchantId)
  if (input.status) q = q.where('s.status', '=', input.status)
  if (input.customerId) q = q.where('s.customer_id', '=', input.customerId)
  if (input.cursor) q = q.where('s.id', '<', input.cursor)
  const rows = await q
    .orderBy('s.id', 'desc')
    .limit(input.limit + 1)
    .execute()
  const page = rows.slice(0, input.limit)
  return {
    data: page.map(presentSubscription),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  }
}
