import { sql } from 'kysely'
import type { ServiceContext } from '../../../context.js'
import { newId } from '../../../db/ids.js'
import { inTransaction } from '../../../db/transaction.js'
import { ValidationError } from '../../../errors.js'
import { customersBulkJob } from '../../../jobs/definitions/customers-bulk.js'
import type { JobRunner } from '../../../jobs/runner.js'
import { presentBulkAction } from '../present.js'
import type { BulkActionDto, CreateBulkActionInput } from '../schema.js'
import { selectionCondition } from '../selection.js'

/**
 * Records a bulk action and queues its job. The selection is counted now (a delete must confirm that
 * count); the job fixes the exact customers when it starts. One audit entry per bulk action, here.
 */
export async function createBulkAction({
  ctx,
  input,
  jobs,
  now,
}: {
  ctx: ServiceContext
  input: CreateBulkActionInput
  jobs: JobRunner
  now: Date
}): Promise<BulkActionDto> {
  const where = await selectionCondition(ctx.db, ctx.merchantId, input.selection, now)
  const counted = await ctx.db
    .selectFrom('customers as c')
    .select(sql<string>`count(*)`.as('n'))
    .where('c.merchant_id', '=', ctx.merchantId)
    .where('c.deleted_at', 'is', null)
    .where(where)
    .executeTakeFirstOrThrow()
  const matched = Number(counted.n)
  if (input.action === 'delete' && input.params.confirmCount !== matched) {
    throw new ValidationError(
      `The selection matches ${matched} customers; confirm that count to delete them`,
      [
        {
          path: 'params.confirmCount',
          message: `must be ${matched}, the number of customers the selection matches`,
        },
      ],
    )
  }
  const id = newId()
  const row = await inTransaction(ctx.db, async (trx) => {
    const created = await trx
      .insertInto('bulk_actions')
      .values({
        id,
        merchant_id: ctx.merchantId,
        actor_type: ctx.actor.type,
        actor_id: ctx.actor.id,
        action: input.action,
        selection: JSON.stringify(input.selection),
        params: JSON.stringify(input.params),
        status: 'queued',
        matched,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('audit_log')
      .values({
        id: newId(),
        merchant_id: ctx.merchantId,
        actor_type: ctx.actor.type,
        actor_id: ctx.actor.id,
        action: `customers.bulk.${input.action}`,
        subject_type: 'bulk_action',
        subject_id: id,
        data: JSON.stringify({ selection: input.selection, params: input.params, matched }),
      })
      .execute()
    return created
  })
  await jobs.enqueue(customersBulkJob, { bulkActionId: id }, { jobId: id })
  return presentBulkAction(row)
}
