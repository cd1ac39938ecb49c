import type { Clock } from '../../../clock.js'
import type { ServiceContext } from '../../../context.js'
import { inTransaction } from '../../../db/transaction.js'
import { ConflictError } from '../../../errors.js'
import { recordEvent } from '../../events/services/record-event.js'
import { subscriptionEventObject } from './event-data.js'
import { lockSubscription } from './lock.js'

/**
 * Cancels now, or at the end of the current period: then no further period is invoiced and the billing
 * run ends the subscription on that day. Invoices already issued stay as they are (still owed).
 */
export async function cancelSubscription({
  ctx,
  deps,
  id,
  input,
}: {
  ctx: ServiceContext
  deps: { clock: Clock }
  id: string
  input: { atPeriodEnd: boolean }
}): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const sub = await lockSubscription(trx, ctx.merchantId, id)
    if (sub.status === 'canceled') throw new ConflictError('This subscription is already canceled', { id })
    const at = deps.clock.now()
    const update = input.atPeriodEnd
      ? // The next period's start is where the current period (or the trial) ends.
        { cancel_at: sub.next_period_start, updated_at: at }
      : { status: 'canceled' as const, canceled_at: at, cancel_reason: 'requested' as const, updated_at: at }
    const row = await trx
      .updateTable('subscriptions')
      .set(update)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    // Canceling at period end is a change of plan, not a cancellation yet: the billing run records that.
    if (row.status === 'canceled') {
      await recordEvent(trx, {
        merchantId: ctx.merchantId,
        type: 'subscription.canceled',
        subjectId: id,
        at,
        data: { object: subscriptionEventObject(row) },
      })
    }
  })
}
