import type { ServiceContext } from '../../../context.js'
import { presentPlan } from './present.js'

/** The merchant's plans, newest first; keyset pagination on the id. */
export async function listPlans({
  ctx,
  input,
}: {
  ctx: ServiceContext
  input: { limit: number; cursor?: string | undefined }
}) {
  let q = ctx.db
    .selectFrom('plans')
    .selectAll()
    .where('merchant_id', '=', ctx.merchantId)
    .where('archived_at', 'is', null)
  if (input.cursor) q = q.where('id', '<', input.cursor)
  const rows = await q
    .orderBy('id', 'desc')
    .limit(input.limit + 1)
    .execute()
  const page = rows.slice(0, input.limit)
  return {
    data: page.map(presentPlan),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  }
}
