import type { z } from '@hono/zod-openapi'
import type { Executor, ServiceContext } from '../../../context.js'
import { NotFoundError } from '../../../errors.js'
import { DEFAULT_STEPS, parseStoredSteps } from '../policy.js'
import { reminderZone } from '../schedule.js'
import type { customerReminderPolicySchema } from '../schema.js'
import { merchantPolicyRow } from './get-policy.js'

export type CustomerReminderPolicy = z.infer<typeof customerReminderPolicySchema>

/** One of the merchant's live customers with the zone its reminders follow, else 404. */
export async function loadReminderCustomer(db: Executor, merchantId: string, customerId: string) {
  const row = await db
    .selectFrom('customers as c')
    .innerJoin('merchants as m', 'm.id', 'c.merchant_id')
    .select(['c.id', 'c.timezone', 'm.timezone as merchant_timezone'])
    .where('c.merchant_id', '=', merchantId)
    .where('c.id', '=', customerId)
    .where('c.deleted_at', 'is', null)
    .executeTakeFirst()
  if (!row) throw new NotFoundError('Customer', customerId)
  return row
}

/** The steps a customer's invoices follow: its override, else the merchant's policy (`inherited`). */
export async function getCustomerReminderPolicy({
  ctx,
  customerId,
}: {
  ctx: ServiceContext
  customerId: string
}): Promise<CustomerReminderPolicy> {
  const customer = await loadReminderCustomer(ctx.db, ctx.merchantId, customerId)
  const override = await ctx.db
    .selectFrom('reminder_policies')
    .select('steps')
    .where('merchant_id', '=', ctx.merchantId)
    .where('customer_id', '=', customerId)
    .executeTakeFirst()
  const merchant = override ? undefined : await merchantPolicyRow(ctx.db, ctx.merchantId)
  return {
    customerId,
    steps: override
      ? parseStoredSteps(override.steps)
      : merchant
        ? parseStoredSteps(merchant.steps)
        : [...DEFAULT_STEPS],
    inherited: !override,
    timezone: reminderZone(customer.timezone, customer.merchant_timezone),
  }
}
