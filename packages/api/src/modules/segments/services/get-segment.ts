import type { ServiceContext } from '../../../context.js'
import { NotFoundError } from '../../../errors.js'
import type { SegmentDto } from '../schema.js'
import { presentSegment } from './present.js'

export async function getSegment({
  ctx,
  input,
}: {
  ctx: ServiceContext
  input: { id: string }
}): Promise<SegmentDto> {
  const row = await ctx.db
    .selectFrom('segments')
    .selectAll()
    .where('merchant_id', '=', ctx.merchantId)
    .where('id', '=', input.id)
    .executeTakeFirst()
  if (!row) throw new NotFoundError('Segment', input.id)
  return presentSegment(row)
}
