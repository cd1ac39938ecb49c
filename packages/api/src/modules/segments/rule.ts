import { z } from 'zod'
import { CoinbookError, type FieldError } from '../../errors.js'
import { COIN, type FieldDef, type FieldType, fieldFor, type Op, ops, opsByType } from './fields.js'

/** A scalar a condition compares with, normalised: numbers and dates as strings. */
export type RuleScalar = string | boolean
export type RuleValue = RuleScalar | RuleScalar[] | number | undefined

export interface RuleCondition {
  field: string
  op: Op
  value?: RuleValue
}
export type RuleGroup = { all: RuleNode[] } | { any: RuleNode[] }
export type RuleNode = RuleGroup | RuleCondition

/** A segment's rule: the root is always a group. */
export type SegmentRule = RuleGroup

export const RULE_LIMITS = { depth: 5, conditions: 100, groupSize: 50, listSize: 100 } as const

/** An invalid rule: 422, each error naming the node (`rule.all[2].op`). */
export class InvalidRuleError extends CoinbookError {
  override name = 'InvalidRuleError'
  constructor(fieldErrors: FieldError[]) {
    super(
      'invalid_rule',
      `The rule has ${fieldErrors.length} problem(s): ${fieldErrors[0]?.path} ${fieldErrors[0]?.message}`,
      {
        fieldErrors,
      },
    )
  }
}

const decimal = z
  .union([z.number().finite(), z.string().trim()])
  .transform((v) => String(v))
  .pipe(z.string().regex(/^-?\d{1,20}(\.\d{1,20})?$/, 'must be a number'))
const date = z.iso.date('must be a date such as 2026-01-31')
const instant = z.union([z.iso.datetime({ offset: true }), date], 'must be a date or an ISO 8601 date-time')

/** How a scalar of each type is read. */
function scalarSchema(def: FieldDef, op: Op): z.ZodType<RuleScalar> {
  switch (def.type) {
    case 'text':
      return z.string().min(1, 'must not be empty').max(500)
    case 'enum':
      return z.enum(def.values as [string, ...string[]], `must be one of ${def.values?.join(', ')}`)
    case 'code':
      return z
        .string()
        .trim()
        .transform((v) => (def.upper ? v.toUpperCase() : v))
        .pipe(z.string().regex(def.pattern ?? /.*/, 'is not a valid code for this field'))
    case 'number':
    case 'money':
      return decimal
    case 'date':
      return date
    case 'timestamp':
      return instant
    case 'boolean':
      return z.boolean('must be true or false')
    case 'tags':
      return z.string().trim().min(1, 'must not be empty').max(50)
    case 'coins':
      return z.string().trim().regex(COIN, 'must be a coin such as USDT or USDT/tron')
    case 'custom':
      if (['gt', 'gte', 'lt', 'lte', 'between'].includes(op)) return decimal
      if (op === 'contains') return z.string().min(1).max(1000)
      return z.union([z.string().max(1000), z.boolean(), z.number().finite().transform(String)], {
        error: 'must be a string, number or boolean',
      }) as z.ZodType<RuleScalar>
  }
}

/** The value an op takes on a field of this definition. */
function valueSchema(def: FieldDef, op: Op): z.ZodType<RuleValue> {
  const scalar = scalarSchema(def, op)
  switch (op) {
    case 'in':
    case 'notIn':
      return z.array(scalar).min(1, 'must list at least one value').max(RULE_LIMITS.listSize)
    case 'between':
      return z.tuple([scalar, scalar], 'must be [from, to]')
    case 'exists':
      return z.boolean('must be true or false (or left out: true)').optional()
    case 'withinLast':
    case 'notWithinLast':
      return z.number('must be a number of days').int('must be a whole number of days').min(1).max(36_500)
    default:
      return scalar
  }
}

const typeOps = (type: FieldType, nullable: boolean) =>
  opsByType[type].filter((op) => op !== 'exists' || nullable)

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Validates a rule from a request, collecting every problem with the path of its node, and returns it
 * normalised. Throws InvalidRuleError (422) when anything is wrong.
 */
export function parseRule(input: unknown, root = 'rule'): SegmentRule {
  const errors: FieldError[] = []
  let conditions = 0
  const fail = (path: string, message: string): undefined => {
    if (errors.length < 50) errors.push({ path, message })
    return undefined
  }

  function node(value: unknown, path: string, depth: number): RuleNode | undefined {
    if (!isObject(value))
      return fail(path, 'must be a group {all: [...]} / {any: [...]} or a condition {field, op, value}')
    if ('all' in value || 'any' in value) return group(value, path, depth)
    return condition(value, path)
  }

  function group(value: Record<string, unknown>, path: string, depth: number): RuleGroup | undefined {
    const keys = Object.keys(value)
    if (keys.length !== 1 || !(keys[0] === 'all' || keys[0] === 'any'))
      return fail(path, 'a group has exactly one key: all or any')
    const kind = keys[0] as 'all' | 'any'
    const list = value[kind]
    if (!Array.isArray(list)) return fail(`${path}.${kind}`, 'must be a list of conditions and groups')
    if (depth > RULE_LIMITS.depth) return fail(path, `groups may nest at most ${RULE_LIMITS.depth} deep`)
    if (list.length > RULE_LIMITS.groupSize)
      return fail(`${path}.${kind}`, `may hold at most ${RULE_LIMITS.groupSize} items`)
    const children = list.map((child, i) => node(child, `${path}.${kind}[${i}]`, depth + 1))
    return (kind === 'all' ? { all: children } : { any: children }) as RuleGroup
  }

  function condition(value: Record<string, unknown>, path: string): RuleCondition | undefined {
    if (++conditions > RULE_LIMITS.conditions)
      return fail(path, `a rule may have at most ${RULE_LIMITS.conditions} conditions`)
    for (const key of Object.keys(value))
      if (key !== 'field' && key !== 'op' && key !== 'value')
        fail(`${path}.${key}`, 'is not part of a condition')
    const { field, op } = value
    if (typeof field !== 'string') return fail(`${path}.field`, 'is required: the name of a field')
    const def = fieldFor(field)
    if (!def) return fail(`${path}.field`, `is not a field segments can use: ${field.slice(0, 80)}`)
    if (typeof op !== 'string' || !(ops as readonly string[]).includes(op))
      return fail(`${path}.op`, `must be one of ${ops.join(', ')}`)
    const allowed = typeOps(def.type, def.nullable)
    if (!allowed.includes(op as Op))
      return fail(`${path}.op`, `${op} does not apply to ${field} (${def.type}); use ${allowed.join(', ')}`)
    const parsed = valueSchema(def, op as Op).safeParse(value.value)
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        fail(`${path}.value${issue.path.map((p) => `[${String(p)}]`).join('')}`, issue.message)
      return undefined
    }
    return parsed.data === undefined ? { field, op: op as Op } : { field, op: op as Op, value: parsed.data }
  }

  if (!isObject(input) || !('all' in input || 'any' in input)) {
    throw new InvalidRuleError([{ path: root, message: 'must be a group: {"all": [...]} or {"any": [...]}' }])
  }
  const rule = group(input, root, 1)
  if (errors.length > 0 || !rule) throw new InvalidRuleError(errors)
  return rule
}

/** Every condition of a rule, depth first. */
export function* conditionsOf(node: RuleNode): Generator<RuleCondition> {
  if ('all' in node) for (const c of node.all) yield* conditionsOf(c)
  else if ('any' in node) for (const c of node.any) yield* conditionsOf(c)
  else yield node
}
