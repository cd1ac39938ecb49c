import type { ServiceContext } from '../../../context.js'
import { newId } from '../../../db/ids.js'
import { normalizeSteps, type ReminderStepInput } from '../policy.js'
import {
  type CustomerReminderPolicy,
  getCustomerReminderPolicy,
  loadReminderCustomer,
} from './get-customer-policy.js'

/** Gives a customer its own steps instead of the merchant's (an empty list: no reminders at all). */
export async function setCustomerReminderPolicy({
  ctx,
  customerId,
  input,
}: {
  ctx: ServiceContext
  customerId: string
  input: { steps: ReminderStepInput[] }
}): Promise<CustomerReminderPolicy> {
  await loadReminderCustomer(ctx.db, ctx.merchantId, customerId)
  const steps = JSON.stringify(normalizeSteps(input.steps))
  await ctx.db
    .insertInto('reminder_policies')
    .values({
      id: newId(),
      merchant_id: ctx.merchantId,
      customer_id: customerId,
      steps,
      renewal_notice_days: null,
    })
    .onConflict((oc) =>
      oc
        .column('customer_id')
        .where('customer_id', 'is not', null)
        .doUpdateSet({ steps, updated_at: new Date() }),
    )
    .execute()
  return getCustomerReminderPolicy({ ctx, customerId })
}
