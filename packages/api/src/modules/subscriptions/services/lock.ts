import type { Executor } from '../../../context.js'
import { NotFoundError } from '../../../errors.js'

/** One of the merchant's subscriptions with its plan's interval, row-locked until the transaction ends. */
export async function lockSubscription(db: Executor, merchantId: string, id: string) {
  const row = await db
    .selectFrom('subscriptions as s')
    .innerJoin('plans as p', 'p.id', 's.plan_id')
    .selectAll('s')
    .select(['p.interval', 'p.interval_count'])
    .where('s.merchant_id', '=', merchantId)
    .where('s.id', '=', id)
    .forUpdate('s')
    .executeTakeFirst()
  if (!row) throw new NotFoundError('Subscription', id)
  return row
}
