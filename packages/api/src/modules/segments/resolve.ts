import type { Expression, SqlBool } from 'kysely'
import { sql } from 'kysely'
import type { Executor } from '../../context.js'
import { CoinbookError, NotFoundError } from '../../errors.js'
import { type BuiltinResolution, parseBuiltinId } from './builtins.js'
import { segmentCondition } from './condition.js'
import { parseRule, type SegmentRule } from './rule.js'
import { loadSegmentSettings } from './settings.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export interface ResolvedSegment {
  /** A `where` over customers as `c` (see segmentCondition). */
  condition: Expression<SqlBool>
  /** What was evaluated, for the count cache: the rule or the built-in with its thresholds. */
  key: string
}

/** A built-in that needs a setting the merchant has not given (local without a country…): 409. */
export class SegmentUnavailableError extends CoinbookError {
  override name = 'SegmentUnavailableError'
  constructor(id: string, reason: string) {
    super('conflict', `The segment ${id} cannot be evaluated: ${reason}`, {
      details: { segmentId: id, reason },
    })
  }
}

/** A custom segment's stored rule (validated when it was saved). */
export async function loadSegmentRule(db: Executor, merchantId: string, id: string): Promise<SegmentRule> {
  const row = await db
    .selectFrom('segments')
    .select('rule')
    .where('merchant_id', '=', merchantId)
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) throw new NotFoundError('Segment', id)
  return parseRule(row.rule)
}

/**
 * A segment id as a condition: a custom segment's uuid, or a built-in (`vip`, `country:PT`). Membership
 * is evaluated at every use, so it is always current. Another merchant's segment is not found.
 */
export async function resolveSegment(
  db: Executor,
  merchantId: string,
  segmentId: string,
  now: Date,
): Promise<ResolvedSegment> {
  if (UUID.test(segmentId)) {
    const rule = await loadSegmentRule(db, merchantId, segmentId)
    return { condition: segmentCondition(rule, { merchantId, now }), key: JSON.stringify(rule) }
  }
  const builtin = parseBuiltinId(segmentId)
  if (!builtin) throw new NotFoundError('Segment', segmentId)
  const settings = await loadSegmentSettings(db, merchantId)
  const resolved: BuiltinResolution = await builtin.def.resolve(
    { db, merchantId, now, settings },
    builtin.param,
  )
  if ('unavailable' in resolved) throw new SegmentUnavailableError(segmentId, resolved.unavailable)
  return { condition: resolved.condition, key: JSON.stringify([resolved.key, settings]) }
}

/** How many live customers of the merchant a condition matches. */
export async function countMatching(db: Executor, merchantId: string, condition: Expression<SqlBool>) {
  const row = await db
    .selectFrom('customers as c')
    .select(sql<string>`count(*)`.as('n'))
    .where('c.merchant_id', '=', merchantId)
    .where('c.deleted_at', 'is', null)
    .where(condition)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
