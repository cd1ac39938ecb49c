import type { FieldError } from '../../api/problem'

export interface MappedFieldErrors {
  /** Messages per form field, keyed by the field's path. */
  byField: Record<string, string[]>
  /** Errors that name no field on the form (shown in a summary above it). */
  other: string[]
}

/** "2" → "Item 3"; "billing.note" → "billing.note". */
function describeSubPath(rest: string): string {
  const [first, ...more] = rest.split('.')
  const head = first !== undefined && /^\d+$/.test(first) ? `Item ${Number(first) + 1}` : (first ?? '')
  return [head, ...more].join('.')
}

/**
 * Assigns the API's field errors (dotted paths such as "billingAddress.country" or "tags.2") to the
 * fields a form shows. An error goes to the field with the longest matching path prefix, so "tags.2"
 * lands on "tags" as "Item 3: …"; errors that match no field are returned in `other`.
 */
export function mapFieldErrors(errors: readonly FieldError[], fields: readonly string[]): MappedFieldErrors {
  const byField: Record<string, string[]> = {}
  const other: string[] = []
  for (const error of errors) {
    let best: string | undefined
    for (const field of fields) {
      const matches = error.path === field || error.path.startsWith(`${field}.`)
      if (matches && (best === undefined || field.length > best.length)) best = field
    }
    if (best === undefined) {
      other.push(error.path && error.path !== '(body)' ? `${error.path}: ${error.message}` : error.message)
      continue
    }
    const rest = error.path.slice(best.length + 1)
    const message = rest ? `${describeSubPath(rest)}: ${error.message}` : error.message
    const list = byField[best] ?? []
    list.push(message)
    byField[best] = list
  }
  return { byField, other }
}

/** The first field (in form order) that has an error, to move focus there. */
export function firstErrorField(
  mapped: MappedFieldErrors,
  fieldsInOrder: readonly string[],
): string | undefined {
  return fieldsInOrder.find((f) => mapped.byField[f]?.length)
}
