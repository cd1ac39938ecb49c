import { sql, type Updateable } from 'kysely'
import type { Config } from '../../../config.js'
import type { ServiceContext } from '../../../context.js'
import type { WebhookEndpointsTable } from '../../../db/database.js'
import { NotFoundError } from '../../../errors.js'
import type { UpdateEndpointInput } from '../schema.js'
import { assertDeliverableUrl, presentEndpoint } from './present.js'

type Deps = { config: Pick<Config, 'WEBHOOKS_ALLOW_PRIVATE' | 'NODE_ENV'> }

/**
 * Changes an endpoint. A new URL is checked like on create. Disabling records who did it; enabling
 * clears the reason and the failure streak, and its pending deliveries resume.
 */
export async function updateWebhookEndpoint({
  ctx,
  deps,
  id,
  input,
}: {
  ctx: ServiceContext
  deps: Deps
  id: string
  input: UpdateEndpointInput
}) {
  if (input.url !== undefined) await assertDeliverableUrl(input.url, deps.config)
  const set: Updateable<WebhookEndpointsTable> = { updated_at: new Date() }
  if (input.url !== undefined) set.url = input.url
  if (input.events !== undefined) set.event_types = input.events
  if (input.description !== undefined) set.description = input.description
  if (input.enabled === true)
    Object.assign(set, { enabled: true, disabled_reason: null, disabled_at: null, failing_since: null })
  if (input.enabled === false) {
    Object.assign(set, {
      enabled: false,
      disabled_reason: sql`CASE WHEN enabled THEN 'Disabled by you' ELSE disabled_reason END`,
      disabled_at: sql`CASE WHEN enabled THEN now() ELSE disabled_at END`,
    })
  }
  const row = await ctx.db
    .updateTable('webhook_endpoints')
    .set(set)
    .where('merchant_id', '=', ctx.merchantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
  if (!row) throw new NotFoundError('Webhook endpoint', id)
  return presentEndpoint(row)
}

/** Deletes an endpoint with its delivery log. */
export async function deleteWebhookEndpoint({ ctx, id }: { ctx: ServiceContext; id: string }) {
  const r = await ctx.db
    .deleteFrom('webhook_endpoints')
    .where('merchant_id', '=', ctx.merchantId)
    .where('id', '=', id)
    .executeTakeFirst()
  if (Number(r.numDeletedRows) === 0) throw new NotFoundError('Webhook endpoint', id)
}
