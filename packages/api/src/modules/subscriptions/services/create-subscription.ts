import { addDays, type Clock, utcDate } from '../../../clock.js'
import type { ServiceContext } from '../../../context.js'
import { newId } from '../../../db/ids.js'
import { inTransaction } from '../../../db/transaction.js'
import { ConflictError, ValidationError } from '../../../errors.js'
import { recordEvent } from '../../events/services/record-event.js'
import { loadBillingCustomer } from '../../invoices/services/billing.js'
import type { CreateSubscriptionInput } from '../schema.js'
import { subscriptionEventObject } from './event-data.js'
import { loadPlan } from './get-plan.js'

/**
 * Subscribes a customer to a plan from `startDate` (default today). With a trial the first period starts
 * when the trial ends; periods are counted from that anchor. Returns the new subscription's id; its first
 * invoice is issued by the billing run.
 */
export async function createSubscription({
  ctx,
  deps,
  input,
}: {
  ctx: ServiceContext
  deps: { clock: Clock }
  input: CreateSubscriptionInput
}): Promise<string> {
  const today = utcDate(deps.clock.now())
  const start = input.startDate ?? today
  if (start < today) {
    throw new ValidationError('A subscription cannot start in the past', [
      { path: 'startDate', message: `must be ${today} or later` },
    ])
  }
  return inTransaction(ctx.db, async (trx) => {
    await loadBillingCustomer(trx, ctx.merchantId, input.customerId)
    const plan = await loadPlan(trx, ctx.merchantId, input.planId)
    if (plan.archived_at) {
      throw new ConflictError(
        `The plan “${plan.name}” is archived and starts no new subscriptions; unarchive it first`,
        { planId: plan.id },
      )
    }
    const anchor = plan.trial_days > 0 ? addDays(start, plan.trial_days) : start
    const id = newId()
    const at = deps.clock.now()
    await trx
      .insertInto('subscriptions')
      .values({
        id,
        merchant_id: ctx.merchantId,
        customer_id: input.customerId,
        plan_id: plan.id,
        status: plan.trial_days > 0 ? 'trialing' : 'active',
        start_date: start,
        trial_end: plan.trial_days > 0 ? anchor : null,
        anchor_date: anchor,
        next_period_start: anchor,
        cancel_at: null,
        canceled_at: null,
        cancel_reason: null,
        paused_at: null,
        past_due_at: null,
        created_at: at,
        updated_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
      .then((row) =>
        recordEvent(trx, {
          merchantId: ctx.merchantId,
          type: 'subscription.created',
          subjectId: id,
          at,
          data: { object: subscriptionEventObject(row) },
        }),
      )
    return id
  })
}
