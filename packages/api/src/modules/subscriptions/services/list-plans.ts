import type { ServiceContext } from '../../../context.js'
import { presentPlan } from './present.js'

/** The merchant's plans, newest first (live ones only unless asked); keyset pagination on the id. */
export async function listPlans({
  ctx,
  input,
}: {
  ctx: ServiceContext
  input: { limit: number; cursor?: string | undefined; archived?: 'false' | 'true' | 'all' | undefined }
}) {
  let q = ctx.db.selectFrom('plans').selectAll().where('merchant_id', '=', ctx.merchantId)
  const archived = input.archived ?? 'false'
  if (archived === 'false') q = q.where('archived_at', 'is', null)
  if (archived === 'true') q = q.where('archived_at', 'is not', null)
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
