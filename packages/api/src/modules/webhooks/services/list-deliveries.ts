import type { ServiceContext } from '../../../context.js'
import { NotFoundError } from '../../../errors.js'
import type { ListDeliveriesInput } from '../schema.js'
import { loadBodies } from './attempt-delivery.js'
import { loadEndpoint } from './get-endpoint.js'
import { presentAttempt, presentDelivery } from './present.js'

/** An endpoint's deliveries, newest event first (event ids are UUIDv7); keyset pages on the event id. */
export async function listWebhookDeliveries({
  ctx,
  endpointId,
  input,
}: {
  ctx: ServiceContext
  endpointId: string
  input: ListDeliveriesInput
}) {
  await loadEndpoint(ctx.db, ctx.merchantId, endpointId)
  let q = ctx.db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('merchant_id', '=', ctx.merchantId)
    .where('endpoint_id', '=', endpointId)
  if (input.status) q = q.where('status', '=', input.status)
  if (input.cursor) q = q.where('event_id', '<', input.cursor)
  const rows = await q
    .orderBy('event_id', 'desc')
    .limit(input.limit + 1)
    .execute()
  const page = rows.slice(0, input.limit)
  return {
    data: page.map(presentDelivery),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.event_id ?? null) : null,
  }
}

/** One delivery with its payload and every attempt, oldest first. */
export async function getWebhookDelivery({
  ctx,
  endpointId,
  deliveryId,
}: {
  ctx: ServiceContext
  endpointId: string
  deliveryId: string
}) {
  const row = await ctx.db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('merchant_id', '=', ctx.merchantId)
    .where('endpoint_id', '=', endpointId)
    .where('id', '=', deliveryId)
    .executeTakeFirst()
  if (!row) throw new NotFoundError('Webhook delivery', deliveryId)
  const [attempts, bodies] = await Promise.all([
    ctx.db
      .selectFrom('webhook_attempts')
      .selectAll()
      .where('delivery_id', '=', deliveryId)
      .orderBy('id')
      .execute(),
    loadBodies(ctx.db, [row]),
  ])
  const body = bodies.get(row.id)
  return {
    ...presentDelivery(row),
    payload: body ? (JSON.parse(body) as Record<string, unknown>) : null,
    attemptLog: attempts.map(presentAttempt),
  }
}
