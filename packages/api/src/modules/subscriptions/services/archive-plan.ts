import type { Clock } from '../../../clock.js'
import type { ServiceContext } from '../../../context.js'
import { NotFoundError } from '../../../errors.js'
import type { PlanDto } from '../schema.js'
import { presentPlan } from './present.js'

/**
 * Archives a plan (`archived: true`) or brings it back. An archived plan starts no new subscriptions; the
 * subscriptions it has go on billing, untouched. Archiving an archived plan keeps its first date.
 */
export async function setPlanArchived({
  ctx,
  deps,
  id,
  archived,
}: {
  ctx: ServiceContext
  deps: { clock: Clock }
  id: string
  archived: boolean
}): Promise<PlanDto> {
  const row = await ctx.db
    .updateTable('plans')
    .set((eb) => ({
      archived_at: archived ? eb.fn.coalesce('archived_at', eb.val(deps.clock.now())) : null,
    }))
    .where('merchant_id', '=', ctx.merchantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
  if (!row) throw new NotFoundError('Plan', id)
  return presentPlan(row)
}
