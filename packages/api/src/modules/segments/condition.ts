import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely'
import { type FieldDef, type FieldType, fieldFor, type Op } from './fields.js'
import type { RuleCondition, RuleNode, RuleScalar, RuleValue, SegmentRule } from './rule.js'

export interface SegmentConditionOptions {
  /** The merchant whose customers are filtered: every subquery is scoped by it. */
  merchantId: string
  /** What withinLast / notWithinLast count back from. */
  now: Date
}

type Bool = RawBuilder<SqlBool>

/**
 * A validated rule (see parseRule) as a `where` over the customers table aliased `c`:
 * `db.selectFrom('customers as c').where(segmentCondition(rule, { merchantId, now }))`. Every value is a
 * bound parameter; field names only pick from the allow-list's SQL. The caller still scopes `c` to the
 * merchant and to live customers.
 *
 * Missing values: eq, in, contains and the comparisons never match an empty field; neq, notIn,
 * notWithinLast and `exists: false` are their exact complements, so they do.
 */
export function segmentCondition(
  rule: SegmentRule | RuleNode,
  opts: SegmentConditionOptions,
): Expression<SqlBool> {
  return compileNode(rule, opts)
}

function compileNode(node: RuleNode, opts: SegmentConditionOptions): Bool {
  if ('all' in node) {
    if (node.all.length === 0) return sql<SqlBool>`true`
    // The metric conditions of one group read the same stats row: one semi-join for all of them
    // instead of one per condition (the plan then scans customer_stats once).
    const onStats: RawBuilder<unknown>[] = []
    const others: Bool[] = []
    for (const n of node.all) {
      const p = 'field' in n ? mergeableStatsPredicate(n, opts) : undefined
      if (p) onStats.push(p)
      else others.push(compileNode(n, opts))
    }
    if (onStats.length > 0)
      others.push(
        sql<SqlBool>`exists (select 1 from customer_stats s where s.customer_id = c.id and s.merchant_id = ${opts.merchantId} and ${sql.join(onStats, sql` and `)})`,
      )
    return sql<SqlBool>`(${sql.join(others, sql` and `)})`
  }
  if ('any' in node) {
    if (node.any.length === 0) return sql<SqlBool>`false`
    return sql<SqlBool>`(${sql.join(
      node.any.map((n) => compileNode(n, opts)),
      sql` or `,
    )})`
  }
  return compileCondition(node, opts)
}

/**
 * A condition on a stats field that holds only for customers with a stats row satisfying it: a plain
 * (not complemented) op the zero row fails. Undefined for anything else.
 */
function mergeableStatsPredicate(
  cond: RuleCondition,
  opts: SegmentConditionOptions,
): RawBuilder<unknown> | undefined {
  const def = fieldFor(cond.field)
  if (def?.source.on !== 'stats' || complementOf[cond.op] || (cond.op === 'exists' && cond.value === false))
    return undefined
  if (def.source.zero && zeroSatisfies(cond.op, cond.value)) return undefined
  return predicate(def.type, def.source.expr, cond.op, cond.value, opts)
}

/** The ops that are the complement of another. */
const complementOf: Partial<Record<Op, Op>> = { neq: 'eq', notIn: 'in', notWithinLast: 'withinLast' }

function compileCondition(cond: RuleCondition, opts: SegmentConditionOptions): Bool {
  const def = fieldFor(cond.field)
  if (!def) throw new Error(`segmentCondition: ${cond.field} is not a field (parse the rule first)`)
  let op = cond.op
  let value = cond.value
  let negate = false
  const positiveOp = complementOf[op]
  if (positiveOp) {
    op = positiveOp
    negate = true
  }
  if (op === 'exists' && value === false) {
    value = true
    negate = true
  }
  const { expr, nullable } = positive(def, op, value, opts)
  if (!negate) return expr
  return nullable ? sql<SqlBool>`((${expr}) is not true)` : sql<SqlBool>`(not ${expr})`
}

/** The condition without negation; `nullable` when it can be null (an empty field). */
function positive(
  def: FieldDef,
  op: Op,
  value: RuleValue,
  opts: SegmentConditionOptions,
): { expr: Bool; nullable: boolean } {
  const m = opts.merchantId
  const source = def.source
  switch (source.on) {
    case 'customer':
      return { expr: predicate(def.type, source.expr, op, value, opts), nullable: true }
    case 'stats': {
      const p = predicate(def.type, source.expr, op, value, opts)
      // A customer without a stats row has the zero row: matching it means no row fails the predicate.
      if (source.zero && zeroSatisfies(op, value)) {
        return {
          expr: sql<SqlBool>`not exists (select 1 from customer_stats s where s.customer_id = c.id and s.merchant_id = ${m} and (${p}) is not true)`,
          nullable: false,
        }
      }
      return {
        expr: sql<SqlBool>`exists (select 1 from customer_stats s where s.customer_id = c.id and s.merchant_id = ${m} and ${p})`,
        nullable: false,
      }
    }
    case 'invoices': {
      // Uncorrelated, so PostgreSQL runs it once as a hashed semi-join.
      const p = predicate(def.type, source.agg, op, value, opts)
      return {
        expr: sql<SqlBool>`c.id in (select i.customer_id from invoices i where i.merchant_id = ${m}
          and i.status in ('paid', 'overpaid') and i.paid_at is not null group by i.customer_id having ${p})`,
        nullable: false,
      }
    }
    case 'preferredCoins': {
      const values = op === 'exists' ? [] : op === 'in' ? (value as string[]) : [value as string]
      const match = values.length
        ? sql`and (${sql.join(
            values.map((v) => coinMatch(v)),
            sql` or `,
          )})`
        : sql``
      return {
        expr: sql<SqlBool>`exists (select 1 from customer_preferences p where p.customer_id = c.id and p.merchant_id = ${m} ${match})`,
        nullable: false,
      }
    }
    case 'activeSubscription': {
      const has = sql<SqlBool>`exists (select 1 from subscriptions sub where sub.customer_id = c.id and sub.merchant_id = ${m}
        and sub.status in ('trialing', 'active', 'past_due'))`
      return { expr: value === false ? sql<SqlBool>`(not ${has})` : has, nullable: false }
    }
  }
}

function coinMatch(coin: string) {
  const [asset, network] = coin.split('/')
  return network ? sql`(p.asset = ${asset} and p.network = ${network})` : sql`p.asset = ${asset}`
}

/** A custom field's JSON value as a number, or null when it is not one (never a cast error). */
const customNumber = (x: RawBuilder<unknown>) =>
  sql`(case when jsonb_typeof(${x}) = 'number' then (${x} #>> '{}')::numeric end)`

/** A bound value cast to the field's SQL type. */
function bind(type: FieldType, v: RuleScalar): RawBuilder<unknown> {
  switch (type) {
    case 'number':
    case 'money':
      return sql`${v}::numeric`
    case 'date':
      return sql`${v}::date`
    case 'timestamp':
      return sql`${v}::timestamptz`
    case 'custom':
      return sql`${JSON.stringify(v)}::jsonb`
    default:
      return sql`${v}`
  }
}

const likeEscape = (v: string) => v.replace(/[\\%_]/g, (ch) => `\\${ch}`)

function predicate(
  type: FieldType,
  x: RawBuilder<unknown>,
  op: Op,
  value: RuleValue,
  opts: SegmentConditionOptions,
): Bool {
  const lower = type === 'text'
  const subject = lower ? sql`lower(${x})` : x
  const one = (v: RuleScalar) => (lower ? sql`lower(${v})` : bind(type, v))
  switch (op) {
    case 'eq':
      return sql<SqlBool>`${subject} = ${one(value as RuleScalar)}`
    case 'in':
      if (type === 'tags') return sql<SqlBool>`${x} && ${textArray(value as string[])}`
      return sql<SqlBool>`${subject} in (${sql.join((value as RuleScalar[]).map(one))})`
    case 'contains': {
      if (type === 'tags') return sql<SqlBool>`${x} @> ${textArray([value as string])}`
      const pattern = sql`'%' || lower(${likeEscape(value as string)}) || '%'`
      if (type === 'custom')
        return sql<SqlBool>`(case when jsonb_typeof(${x}) = 'string' then lower(${x} #>> '{}') end) like ${pattern}`
      return sql<SqlBool>`lower(${x}) like ${pattern}`
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const cmp = sql.raw({ gt: '>', gte: '>=', lt: '<', lte: '<=' }[op])
      const left = type === 'custom' ? customNumber(x) : x
      return sql<SqlBool>`${left} ${cmp} ${bind(type === 'custom' ? 'number' : type, value as RuleScalar)}`
    }
    case 'between': {
      const [from, to] = value as [RuleScalar, RuleScalar]
      const t = type === 'custom' ? 'number' : type
      const left = type === 'custom' ? customNumber(x) : x
      return sql<SqlBool>`${left} between ${bind(t, from)} and ${bind(t, to)}`
    }
    case 'exists':
      if (type === 'tags') return sql<SqlBool>`cardinality(${x}) > 0`
      if (type === 'custom') return sql<SqlBool>`coalesce(jsonb_typeof(${x}), 'null') <> 'null'`
      return sql<SqlBool>`${x} is not null`
    case 'withinLast': {
      const from = new Date(opts.now.getTime() - (value as number) * 86_400_000)
      if (type === 'date') {
        const day = (d: Date) => d.toISOString().slice(0, 10)
        return sql<SqlBool>`(${x} >= ${day(from)}::date and ${x} <= ${day(opts.now)}::date)`
      }
      return sql<SqlBool>`(${x} >= ${from.toISOString()}::timestamptz and ${x} <= ${opts.now.toISOString()}::timestamptz)`
    }
    default:
      throw new Error(`segmentCondition: ${op} has no positive form`)
  }
}

const textArray = (values: string[]) => sql`array[${sql.join(values)}]::text[]`

/** Whether the zero stats row (0, no dates) satisfies a positive op on a zero-default field. */
function zeroSatisfies(op: Op, value: RuleValue): boolean {
  const sign = (v: RuleScalar) => Math.sign(Number(v))
  switch (op) {
    case 'eq':
      return sign(value as RuleScalar) === 0
    case 'in':
      return (value as RuleScalar[]).some((v) => sign(v) === 0)
    case 'gt':
      return sign(value as RuleScalar) < 0
    case 'gte':
      return sign(value as RuleScalar) <= 0
    case 'lt':
      return sign(value as RuleScalar) > 0
    case 'lte':
      return sign(value as RuleScalar) >= 0
    case 'between': {
      const [from, to] = value as [RuleScalar, RuleScalar]
      return sign(from) <= 0 && sign(to) >= 0
    }
    default:
      return false
  }
}

export type { RuleCondition }
