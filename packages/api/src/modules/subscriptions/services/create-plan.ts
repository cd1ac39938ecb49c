import type { Clock } from '../../../clock.js'
import type { ServiceContext } from '../../../context.js'
import { newId } from '../../../db/ids.js'
import { ValidationError } from '../../../errors.js'
import { fiatDecimals } from '../../rates/index.js'
import type { CreatePlanInput, PlanDto } from '../schema.js'
import { presentPlan } from './present.js'

/** Creates a plan: a price per interval in one currency, with an optional trial. */
export async function createPlan({
  ctx,
  deps,
  input,
}: {
  ctx: ServiceContext
  deps: { clock: Clock }
  input: CreatePlanInput
}): Promise<PlanDto> {
  const fd = fiatDecimals(input.currency)
  const places = input.amount.split('.')[1]?.length ?? 0
  if (places > fd) {
    throw new ValidationError('The amount has more decimals than the currency', [
      { path: 'amount', message: `${input.currency} has ${fd} decimals` },
    ])
  }
  const row = await ctx.db
    .insertInto('plans')
    .values({
      id: newId(),
      merchant_id: ctx.merchantId,
      name: input.name,
      amount: input.amount,
      currency: input.currency,
      interval: input.interval,
      interval_count: input.intervalCount,
      trial_days: input.trialDays,
      created_at: deps.clock.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return presentPlan(row)
}
