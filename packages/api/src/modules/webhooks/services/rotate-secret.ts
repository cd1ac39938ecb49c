import { sql } from 'kysely'
import type { Config } from '../../../config.js'
import type { ServiceContext } from '../../../context.js'
import { NotFoundError } from '../../../errors.js'
import { generateWebhookSecret, sealSecret } from '../secrets.js'
import { presentEndpoint } from './present.js'

/** How long the old secret keeps signing after a rotation. */
export const ROTATION_OVERLAP_HOURS = 24

/**
 * Gives the endpoint a new signing secret (returned once). For 24 hours deliveries carry a signature by
 * each, so a receiver verifies with either while it switches.
 */
export async function rotateWebhookSecret({
  ctx,
  deps,
  id,
}: {
  ctx: ServiceContext
  deps: { config: Pick<Config, 'WEBHOOKS_SECRET_KEY'> }
  id: string
}) {
  const secret = generateWebhookSecret()
  const row = await ctx.db
    .updateTable('webhook_endpoints')
    .set({
      previous_secret: sql`secret`,
      previous_secret_expires_at: sql`now() + make_interval(hours => ${ROTATION_OVERLAP_HOURS})`,
      secret: sealSecret(secret, deps.config.WEBHOOKS_SECRET_KEY),
      updated_at: sql`now()`,
    })
    .where('merchant_id', '=', ctx.merchantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
  if (!row) throw new NotFoundError('Webhook endpoint', id)
  return { ...presentEndpoint(row), secret }
}
