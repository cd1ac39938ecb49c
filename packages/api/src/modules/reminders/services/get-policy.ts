import type { z } from '@hono/zod-openapi'
import type { Executor, ServiceContext } from '../../../context.js'
import { DEFAULT_RENEWAL_NOTICE_DAYS, DEFAULT_STEPS, parseStoredSteps } from '../policy.js'
import type { reminderPolicySchema } from '../schema.js'

export type ReminderPolicy = z.infer<typeof reminderPolicySchema>

/** The merchant's policy row, or undefined while it has saved none (the defaults apply). */
export function merchantPolicyRow(db: Executor, merchantId: string) {
  return db
    .selectFrom('reminder_policies')
    .select(['steps', 'renewal_notice_days'])
    .where('merchant_id', '=', merchantId)
    .where('customer_id', 'is', null)
    .executeTakeFirst()
}

/** The merchant's reminder schedule, time zone and renewal notice; the defaults until it saves one. */
export async function getReminderPolicy({ ctx }: { ctx: ServiceContext }): Promise<ReminderPolicy> {
  const [row, merchant] = await Promise.all([
    merchantPolicyRow(ctx.db, ctx.merchantId),
    ctx.db
      .selectFrom('merchants')
      .select('timezone')
      .where('id', '=', ctx.merchantId)
      .executeTakeFirstOrThrow(),
  ])
  return {
    steps: row ? parseStoredSteps(row.steps) : [...DEFAULT_STEPS],
    timezone: merchant.timezone,
    renewalNoticeDays: row ? row.renewal_notice_days : DEFAULT_RENEWAL_NOTICE_DAYS,
    isDefault: !row,
  }
}
