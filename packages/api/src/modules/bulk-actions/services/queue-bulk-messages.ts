import type { Transaction } from 'kysely'
import type { Database } from '../../../db/database.js'
import { queueMessages } from '../../messages/services/queue-message.js'
import { type BulkMessageParams, personalise } from '../message.js'

/** One bulk message per customer, per action: a retried batch finds its messages instead of adding more. */
export const bulkMessageKey = (bulkActionId: string, customerId: string) =>
  `bulk:${bulkActionId}:${customerId}`

/**
 * Queues the action's message (kind announcement) to one batch of the merchant's customers, in the
 * batch's transaction. The messages module decides who cannot get it (no email address, unsubscribed
 * from announcements) and logs those as suppressed; they, and customers deleted since the action started,
 * are the skipped.
 */
export async function queueBulkMessages(
  trx: Transaction<Database>,
  merchantId: string,
  bulkActionId: string,
  params: BulkMessageParams,
  ids: readonly string[],
): Promise<{ changed: number; skipped: number }> {
  const merchant = await trx
    .selectFrom('merchants')
    .select('name')
    .where('id', '=', merchantId)
    .executeTakeFirstOrThrow()
  const customers = await trx
    .selectFrom('customers')
    .select(['id', 'name', 'email'])
    .where('merchant_id', '=', merchantId)
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute()
  const queued = await queueMessages(
    trx,
    customers.map((c) => ({
      merchantId,
      customerId: c.id,
      kind: 'announcement' as const,
      variables: {
        message: personalise(params, {
          customer: { name: c.name, email: c.email ?? '' },
          merchant: { name: merchant.name },
        }),
      },
      dedupeKey: bulkMessageKey(bulkActionId, c.id),
    })),
  )
  const changed = queued.filter((q) => q.status === 'queued').length
  return { changed, skipped: ids.length - changed }
}
