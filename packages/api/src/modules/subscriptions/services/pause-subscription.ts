import type { Clock } from '../../../clock.js'
import type { ServiceContext } from '../../../context.js'
import { inTransaction } from '../../../db/transaction.js'
import { ConflictError } from '../../../errors.js'
import { lockSubscription } from './lock.js'

/** Pauses billing: no period is invoiced while paused. Pausing a paused subscription changes nothing. */
export async function pauseSubscription({
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
    if (sub.status === 'paused') return
    if (sub.status === 'canceled') throw new ConflictError('A canceled subscription cannot be paused', { id })
    const at = deps.clock.now()
    await trx
      .updateTable('subscriptions')
      .set({ status: 'paused', paused_at: at, updated_at: at })
      .where('id', '=', id)
      .execute()
  })
}
