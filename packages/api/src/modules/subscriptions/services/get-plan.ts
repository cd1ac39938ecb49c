import type { Executor, ServiceContext } from '../../../context.js'
import { NotFoundError } from '../../../errors.js'
import type { PlanDto } from '../schema.js'
import { presentPlan } from './present.js'

/** One of the merchant's plans; another merchant's is a 404. */
export async function loadPlan(db: Executor, merchantId: string, id: string) {
  const row = await db
    .selectFrom('plans')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) throw new NotFoundError('Plan', id)
  return row
}

export async function getPlan({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<PlanDto> {
  return presentPlan(await loadPlan(ctx.db, ctx.merchantId, id))
}
