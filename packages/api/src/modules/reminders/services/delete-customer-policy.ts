import type { ServiceContext } from '../../../context.js'
import {
  type CustomerReminderPolicy,
  getCustomerReminderPolicy,
  loadReminderCustomer,
} from './get-customer-policy.js'

/** Removes a customer's override: its invoices follow the merchant's policy again. */
export async function deleteCustomerReminderPolicy({
  ctx,
  customerId,
}: {
  ctx: ServiceContext
  customerId: string
}): Promise<CustomerReminderPolicy> {
  await loadReminderCustomer(ctx.db, ctx.merchantId, customerId)
  await ctx.db
    .deleteFrom('reminder_policies')
    .where('merchant_id', '=', ctx.merchantId)
    .where('customer_id', '=', customerId)
    .execute()
  return getCustomerReminderPolicy({ ctx, customerId })
}
