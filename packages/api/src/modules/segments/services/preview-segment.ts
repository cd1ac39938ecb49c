import type { ServiceContext } from '../../../context.js'
import { presentLiveCustomers, selectLiveCustomers } from '../../customers/services/live-customers.js'
import { segmentCondition } from '../condition.js'
import { cachedCount, countKey } from '../count-cache.js'
import { countMatching } from '../resolve.js'
import { parseRule } from '../rule.js'

/** The live count and first page of a rule being edited (not saved). */
export async function previewSegment({
  ctx,
  input,
  now,
  cacheSeconds,
}: {
  ctx: ServiceContext
  input: { rule: unknown; limit: number }
  now: Date
  cacheSeconds: number
}) {
  const rule = parseRule(input.rule)
  const condition = segmentCondition(rule, { merchantId: ctx.merchantId, now })
  const [{ count, cached }, rows] = await Promise.all([
    cachedCount(countKey(ctx.merchantId, 'preview', rule), cacheSeconds, () =>
      countMatching(ctx.db, ctx.merchantId, condition),
    ),
    selectLiveCustomers(ctx.db, ctx.merchantId)
      .where(condition)
      .orderBy('c.id', 'desc')
      .limit(input.limit)
      .execute(),
  ])
  return { count, cached, data: await presentLiveCustomers(ctx.db, ctx.merchantId, rows) }
}
