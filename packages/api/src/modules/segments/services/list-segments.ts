import type { ServiceContext } from '../../../context.js'
import type { SegmentDto } from '../schema.js'
import { presentSegment } from './present.js'

/** The merchant's own segments, by name (a merchant has tens, not thousands: no paging). */
export async function listSegments({ ctx }: { ctx: ServiceContext }): Promise<{ data: SegmentDto[] }> {
  const rows = await ctx.db
    .selectFrom('segments')
    .selectAll()
    .where('merchant_id', '=', ctx.merchantId)
    .orderBy('name')
    .limit(1000)
    .execute()
  return { data: rows.map(presentSegment) }
}
