import { addUnits } from '../../../calendar.js'
import { type Clock, utcDate } from '../../../clock.js'
import type { ServiceContext } from '../../../context.js'
import { inTransaction } from '../../../db/transaction.js'
import { ConflictError } from '../../../errors.js'
import { lockSubscription } from './lock.js'

/**
 * Resumes a paused subscription on its original anchor: periods that started while it was paused are not
 * invoiced; the next period starting today or later is. A trial not yet over goes on.
 */
export async function resumeSubscription({
  ctx,
  deps,
  id,
}: {
  ctx: ServiceContext
  deps: { clock: Clock }
  id: string
}): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const sub = await lockSubscription(trx, ctx.merchantId, id)
    if (sub.status !== 'paused') throw new ConflictError('Only a paused subscription can be resumed', { id })
    const today = utcDate(deps.clock.now())
    let index = sub.period_index
    let next = sub.next_period_start
    while (next < today) {
      index += 1
      next = addUnits(sub.anchor_date, sub.interval, sub.interval_count, index)
    }
    const trialing = sub.trial_end !== null && sub.trial_end > today
    await trx
      .updateTable('subscriptions')
      .set({
        status: trialing ? 'trialing' : 'active',
        paused_at: null,
        period_index: index,
        next_period_start: next,
        updated_at: deps.clock.now(),
      })
      .where('id', '=', id)
      .execute()
  })
}
