import type { Transaction } from 'kysely'
import type { Database } from '../../db/database.js'
import type { DeliveryEndpoint } from './services/attempt-delivery.js'

/**
 * Tells the merchant that an endpoint was disabled. The reason is on the endpoint (`disabledReason`,
 * shown in Settings → Webhooks). Runs in the transaction that disabled it. There is no mailer yet (modules/messages): when it lands, this is where
 * the owner's email is queued.
 */
export async function notifyEndpointDisabled(
  _trx: Transaction<Database>,
  _endpoint: DeliveryEndpoint,
  _reason: string,
): Promise<void> {}
