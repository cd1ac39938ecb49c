import type { Executor, ServiceContext } from '../../../context.js'
import { NotFoundError } from '../../../errors.js'
import { presentEndpoint } from './present.js'

/** The merchant's endpoint row; another merchant's is not found. */
export async function loadEndpoint(db: Executor, merchantId: string, id: string) {
  const row = await db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) throw new NotFoundError('Webhook endpoint', id)
  return row
}

export async function getWebhookEndpoint({ ctx, id }: { ctx: ServiceContext; id: string }) {
  return presentEndpoint(await loadEndpoint(ctx.db, ctx.merchantId, id))
}

/** The merchant's endpoints, newest first (a merchant has a handful). */
export async function listWebhookEndpoints({ ctx }: { ctx: ServiceContext }) {
  const rows = await ctx.db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('merchant_id', '=', ctx.merchantId)
    .orderBy('id', 'desc')
    .execute()
  return { data: rows.map(presentEndpoint) }
}
