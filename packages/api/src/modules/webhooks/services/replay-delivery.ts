import { sql } from 'kysely'
import type { ServiceContext } from '../../../context.js'
import { newId } from '../../../db/ids.js'
import { NotFoundError } from '../../../errors.js'
import { attemptDelivery, type DispatchDeps, loadBodies } from './attempt-delivery.js'
import { loadEndpoint } from './get-endpoint.js'
import { getWebhookDelivery } from './list-deliveries.js'
import { DISPATCH_DEFAULTS } from './run-dispatcher.js'

/**
 * Sends a delivery again now, whatever its status: one more attempt with the same webhook-id, recorded
 * in its log. The row is taken under the same lease as the dispatcher's claims, so the dispatcher does
 * not send it at the same moment. A replay that fails continues on the retry schedule where it was.
 */
export async function replayWebhookDelivery({
  ctx,
  deps,
  endpointId,
  deliveryId,
}: {
  ctx: ServiceContext
  deps: DispatchDeps
  endpointId: string
  deliveryId: string
}) {
  const endpoint = await loadEndpoint(ctx.db, ctx.merchantId, endpointId)
  const delivery = await ctx.db
    .updateTable('webhook_deliveries')
    .set({
      status: 'pending',
      next_attempt_at: sql`now() + make_interval(secs => ${DISPATCH_DEFAULTS.leaseMs / 1000})`,
    })
    .where('merchant_id', '=', ctx.merchantId)
    .where('endpoint_id', '=', endpointId)
    .where('id', '=', deliveryId)
    .returning(['id', 'merchant_id', 'endpoint_id', 'event_id', 'event_type', 'payload', 'attempts'])
    .executeTakeFirst()
  if (!delivery) throw new NotFoundError('Webhook delivery', deliveryId)
  const bodies = await loadBodies(ctx.db, [delivery])
  await attemptDelivery(deps, delivery, endpoint, bodies.get(delivery.id), { trigger: 'replay' })
  return getWebhookDelivery({ ctx, endpointId, deliveryId })
}

/**
 * Sends a `webhook.test` event to the endpoint now (enabled or not) and returns the delivery with its
 * attempt; like any delivery it is retried if it fails while the endpoint is enabled.
 */
export async function sendTestWebhook({
  ctx,
  deps,
  endpointId,
}: {
  ctx: ServiceContext
  deps: DispatchDeps
  endpointId: string
}) {
  const endpoint = await loadEndpoint(ctx.db, ctx.merchantId, endpointId)
  const eventId = newId()
  const payload = {
    id: eventId,
    type: 'webhook.test',
    createdAt: new Date().toISOString(),
    data: { endpointId, message: 'A test event sent from Coinbook' },
  }
  const delivery = await ctx.db
    .insertInto('webhook_deliveries')
    .values({
      id: newId(),
      merchant_id: ctx.merchantId,
      endpoint_id: endpointId,
      event_id: eventId,
      event_type: 'webhook.test',
      payload: JSON.stringify(payload),
      next_attempt_at: sql`now() + make_interval(secs => ${DISPATCH_DEFAULTS.leaseMs / 1000})`,
      last_status_code: null,
      last_error: null,
      delivered_at: null,
    })
    .returning(['id', 'merchant_id', 'endpoint_id', 'event_id', 'event_type', 'payload', 'attempts'])
    .executeTakeFirstOrThrow()
  await attemptDelivery(deps, delivery, endpoint, JSON.stringify(payload), { trigger: 'test' })
  return getWebhookDelivery({ ctx, endpointId, deliveryId: delivery.id })
}
