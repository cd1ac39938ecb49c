import type { z } from '@hono/zod-openapi'
import type { ServiceContext } from '../../../context.js'
import { newId } from '../../../db/ids.js'
import { inTransaction } from '../../../db/transaction.js'
import { DEFAULT_RENEWAL_NOTICE_DAYS, normalizeSteps } from '../policy.js'
import type { updateReminderPolicyBody } from '../schema.js'
import { getReminderPolicy, merchantPolicyRow, type ReminderPolicy } from './get-policy.js'

/**
 * Replaces the merchant's steps (and, when given, its time zone and renewal notice). Steps keep their
 * keys, so an invoice that already got a step does not get it again after its offset changes; a new key
 * is a new step.
 */
export async function updateReminderPolicy({
  ctx,
  input,
}: {
  ctx: ServiceContext
  input: z.infer<typeof updateReminderPolicyBody>
}): Promise<ReminderPolicy> {
  const steps = JSON.stringify(normalizeSteps(input.steps))
  await inTransaction(ctx.db, async (trx) => {
    const current = await merchantPolicyRow(trx, ctx.merchantId)
    const renewal =
      input.renewalNoticeDays !== undefined
        ? input.renewalNoticeDays
        : current
          ? current.renewal_notice_days
          : DEFAULT_RENEWAL_NOTICE_DAYS
    await trx
      .insertInto('reminder_policies')
      .values({
        id: newId(),
        merchant_id: ctx.merchantId,
        customer_id: null,
        steps,
        renewal_notice_days: renewal,
      })
      .onConflict((oc) =>
        oc
          .column('merchant_id')
          .where('customer_id', 'is', null)
          .doUpdateSet({ steps, renewal_notice_days: renewal, updated_at: new Date() }),
      )
      .execute()
    if (input.timezone !== undefined)
      await trx
        .updateTable('merchants')
        .set({ timezone: input.timezone })
        .where('id', '=', ctx.merchantId)
        .execute()
  })
  return getReminderPolicy({ ctx: { ...ctx } })
}
