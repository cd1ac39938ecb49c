import type { RuleCondition, SegmentField } from '../api'

/** One condition row as the builder edits it: the value as typed. */
export interface ConditionDraft {
  key: number
  field: string
  /** For `custom.<key>`: the key. */
  customKey: string
  op: string
  value: string
  /** between: the upper bound. */
  value2: string
}

export const opLabels: Record<string, string> = {
  eq: 'is',
  neq: 'is not',
  in: 'is any of',
  notIn: 'is none of',
  contains: 'contains',
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
  between: 'between',
  exists: 'is set',
  withinLast: 'in the last (days)',
  notWithinLast: 'not in the last (days)',
}

const list = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)

/** The API's condition for a row: lists split on commas, days as numbers, booleans as booleans. */
export function toCondition(d: ConditionDraft, field: SegmentField | undefined): RuleCondition {
  const name = d.field === 'custom.<key>' ? `custom.${d.customKey.trim()}` : d.field
  const type = field?.type
  if (d.op === 'exists') return { field: name, op: 'exists' }
  if (d.op === 'in' || d.op === 'notIn') return { field: name, op: d.op, value: list(d.value) }
  if (d.op === 'between') return { field: name, op: d.op, value: [d.value.trim(), d.value2.trim()] }
  if (d.op === 'withinLast' || d.op === 'notWithinLast')
    return { field: name, op: d.op, value: Number(d.value) }
  if (type === 'boolean' || (type === 'custom' && (d.value === 'true' || d.value === 'false')))
    return { field: name, op: d.op, value: d.value === 'true' }
  return { field: name, op: d.op, value: d.value.trim() }
}

let nextKey = 1
export function newDraft(field = 'country', op = 'eq', value = ''): ConditionDraft {
  return { key: nextKey++, field, customKey: '', op, value, value2: '' }
}
