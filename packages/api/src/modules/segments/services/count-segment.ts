import type { ServiceContext } from '../../../context.js'
import { cachedCount, countKey } from '../count-cache.js'
import { countMatching, resolveSegment } from '../resolve.js'

/** How many customers a saved or built-in segment has now (cached for a few seconds). */
export async function countSegment({
  ctx,
  input,
  now,
  cacheSeconds,
}: {
  ctx: ServiceContext
  input: { id: string }
  now: Date
  cacheSeconds: number
}) {
  const segment = await resolveSegment(ctx.db, ctx.merchantId, input.id, now)
  const { count, cached } = await cachedCount(
    countKey(ctx.merchantId, input.id, segment.key),
    cacheSeconds,
    () => countMatching(ctx.db, ctx.merchantId, segment.condition),
  )
  return { segmentId: input.id, count, cached }
}
