import { sql } from 'kysely'
import type { ServiceContext } from '../../../context.js'
import { NotFoundError } from '../../../errors.js'
import { parseRule } from '../rule.js'
import type { SegmentDto, UpdateSegmentInput } from '../schema.js'
import { assertNameFree } from './create-segment.js'
import { presentSegment } from './present.js'

/** Renames, re-describes or replaces the rule of a segment. */
export async function updateSegment({
  ctx,
  input,
}: {
  ctx: ServiceContext
  input: { id: string; changes: UpdateSegmentInput }
}): Promise<SegmentDto> {
  const { id, changes } = input
  const rule = changes.rule === undefined ? undefined : parseRule(changes.rule)
  if (changes.name !== undefined) await assertNameFree(ctx.db, ctx.merchantId, changes.name, id)
  const row = await ctx.db
    .updateTable('segments')
    .set({
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.description !== undefined ? { description: changes.description } : {}),
      ...(rule !== undefined ? { rule: JSON.stringify(rule) } : {}),
      updated_at: sql`now()`,
    })
    .where('merchant_id', '=', ctx.merchantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
  if (!row) throw new NotFoundError('Segment', id)
  return presentSegment(row)
}
