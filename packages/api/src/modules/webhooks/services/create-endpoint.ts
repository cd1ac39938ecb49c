import type { Config } from '../../../config.js'
import type { ServiceContext } from '../../../context.js'
import { newId } from '../../../db/ids.js'
import type { CreateEndpointInput } from '../schema.js'
import { generateWebhookSecret, sealSecret } from '../secrets.js'
import { assertDeliverableUrl, presentEndpoint } from './present.js'

type Deps = { config: Pick<Config, 'WEBHOOKS_ALLOW_PRIVATE' | 'NODE_ENV' | 'WEBHOOKS_SECRET_KEY'> }

/** Creates an endpoint after checking where its URL resolves; the signing secret is returned this once. */
export async function createWebhookEndpoint({
  ctx,
  deps,
  input,
}: {
  ctx: ServiceContext
  deps: Deps
  input: CreateEndpointInput
}) {
  await assertDeliverableUrl(input.url, deps.config)
  const secret = generateWebhookSecret()
  const row = await ctx.db
    .insertInto('webhook_endpoints')
    .values({
      id: newId(),
      merchant_id: ctx.merchantId,
      url: input.url,
      description: input.description ?? null,
      event_types: input.events,
      secret: sealSecret(secret, deps.config.WEBHOOKS_SECRET_KEY),
      disabled_reason: null,
      disabled_at: null,
      previous_secret: null,
      previous_secret_expires_at: null,
      failing_since: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return { ...presentEndpoint(row), secret }
}
