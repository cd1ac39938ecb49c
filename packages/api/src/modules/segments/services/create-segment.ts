import { sql } from 'kysely'
import type { Executor, ServiceContext } from '../../../context.js'
import { newId } from '../../../db/ids.js'
import { ConflictError } from '../../../errors.js'
import { parseRule } from '../rule.js'
import type { CreateSegmentInput, SegmentDto } from '../schema.js'
import { presentSegment } from './present.js'

/** A second segment with the same name (any case) would be ambiguous in chips and pickers. */
export async function assertNameFree(db: Executor, merchantId: string, name: string, exceptId?: string) {
  const taken = await db
    .selectFrom('segments')
    .select('id')
    .where('merchant_id', '=', merchantId)
    .where(sql<string>`lower(name)`, '=', name.toLowerCase())
    .$if(exceptId !== undefined, (q) => q.where('id', '!=', exceptId as string))
    .executeTakeFirst()
  if (taken) throw new ConflictError(`A segment named "${name}" already exists`, { segmentId: taken.id })
}

/** Saves a segment; its rule is validated first (422 naming the bad node). */
export async function createSegment({
  ctx,
  input,
}: {
  ctx: ServiceContext
  input: CreateSegmentInput
}): Promise<SegmentDto> {
  const rule = parseRule(input.rule)
  await assertNameFree(ctx.db, ctx.merchantId, input.name)
  const row = await ctx.db
    .insertInto('segments')
    .values({
      id: newId(),
      merchant_id: ctx.merchantId,
      name: input.name,
      description: input.description ?? null,
      rule: JSON.stringify(rule),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return presentSegment(row)
}
