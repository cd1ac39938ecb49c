import type { ServiceContext } from '../../../context.js'
import { NotFoundError } from '../../../errors.js'

export async function deleteSegment({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  const deleted = await ctx.db
    .deleteFrom('segments')
    .where('merchant_id', '=', ctx.merchantId)
    .where('id', '=', input.id)
    .executeTakeFirst()
  if (deleted.numDeletedRows === 0n) throw new NotFoundError('Segment', input.id)
}
