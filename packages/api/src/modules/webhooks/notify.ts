import type { Transaction } from 'kysely'
import type { Database } from '../../db/database.js'
import { queueMessage } from '../messages/services/queue-message.js'
import type { DeliveryEndpoint } from './services/attempt-delivery.js'

/**
 * Tells the merchant that an endpoint was disabled: the reason is on the endpoint (`disabledReason`,
 * shown in Settings → Webhooks) and the owner gets an email (the messages outbox), queued in the
 * transaction that disabled it, once per disabling.
 */
export async function notifyEndpointDisabled(
  trx: Transaction<Database>,
  endpoint: DeliveryEndpoint,
  reason: string,
): Promise<void> {
  const owner = await trx
    .selectFrom('users')
    .select('email')
    .where('merchant_id', '=', endpoint.merchant_id)
    .where('role', '=', 'owner')
    .orderBy('created_at')
    .executeTakeFirst()
  if (!owner) return
  await queueMessage(trx, {
    merchantId: endpoint.merchant_id,
    customerId: null,
    kind: 'webhook_endpoint_disabled',
    to: owner.email,
    variables: { webhook: { url: endpoint.url, reason } },
    dedupeKey: `webhook-disabled:${endpoint.id}:${new Date().toISOString()}`,
  })
}
