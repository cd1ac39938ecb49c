import type { Transaction } from 'kysely'
import type { Database } from '../../db/database.js'
import { queueEventMessages } from '../messages/subscriber.js'
import { enqueueWebhookDeliveries } from '../webhooks/services/enqueue-deliveries.js'
import type { DomainEvent } from './types.js'

/**
 * Reacts to events inside the transaction that recorded them (queue a webhook delivery, a receipt), so the
 * reaction commits or rolls back with the change. Subscribers must be quick and set-wise (a billing run
 * records thousands at once): only writes to outbox tables, a few queries per batch.
 */
export type EventSubscriber = (trx: Transaction<Database>, events: readonly DomainEvent[]) => Promise<void>

/** Everything that reacts to events. A module that reacts adds itself here. */
export const eventSubscribers: EventSubscriber[] = [enqueueWebhookDeliveries, queueEventMessages]
