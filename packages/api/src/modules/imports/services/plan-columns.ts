import {
  customFieldTarget,
  fieldForHeader,
  headerOf,
  type ImportField,
  isReadOnly,
  normaliseHeader,
} from '../columns.js'
import type { ColumnMapping, ImportColumnDto, ImportMode } from '../schema.js'

/** Where a column of the file goes: a field, a custom field, or nowhere. */
export type ColumnTarget = { kind: 'field'; field: ImportField } | { kind: 'custom'; key: string }

export interface ColumnPlan {
  /** Per column of the file, in order. */
  columns: ImportColumnDto[]
  /** The cell index each imported field (or custom field) is read from. */
  targets: { index: number; header: string; target: ColumnTarget }[]
  /** A reason the whole file cannot be imported. */
  failure?: { code: string; message: string }
}

function explicitTarget(mapping: ColumnMapping | null, header: string): string | null | undefined {
  if (!mapping) return undefined
  if (header in mapping) return mapping[header]
  const key = normaliseHeader(header)
  for (const [from, to] of Object.entries(mapping)) if (normaliseHeader(from) === key) return to
  return undefined
}

/**
 * Reads the header: each column goes to the field the explicit mapping names, else the field its header
 * means (case, spaces and punctuation aside, common aliases included). A second column for the same
 * field, read-only columns (Lifetime Value, ID…) and unknown ones are left out, each with a note.
 */
export function planColumns(header: string[], mapping: ColumnMapping | null, mode: ImportMode): ColumnPlan {
  const columns: ImportColumnDto[] = []
  const targets: ColumnPlan['targets'] = []
  const taken = new Map<string, string>()

  for (const [index, raw] of header.entries()) {
    const headerText = raw.replace(/^\uFEFF/, '').trim()
    const explicit = explicitTarget(mapping, headerText)
    let field: string | null = null
    let note: string | null = null
    if (explicit === null || explicit === 'ignore') {
      note = 'left out by the mapping'
    } else if (explicit !== undefined) {
      field = explicit
    } else {
      const found = fieldForHeader(headerText)
      if (found === undefined) note = 'not a column Coinbook knows; map it to a field to import it'
      else if (isReadOnly(found)) note = 'computed by Coinbook; not imported'
      else field = found
    }
    if (field !== null) {
      const previous = taken.get(field)
      if (previous !== undefined) {
        note = `left out: "${previous}" already gives ${field}`
        field = null
      } else {
        taken.set(field, headerText || `column ${index + 1}`)
        const key = customFieldTarget(field)
        targets.push({
          index,
          header: headerText,
          target:
            key !== undefined ? { kind: 'custom', key } : { kind: 'field', field: field as ImportField },
        })
      }
    }
    columns.push({ header: headerText, field, note })
  }

  const plan: ColumnPlan = { columns, targets }
  if (targets.length === 0) {
    plan.failure = {
      code: 'no_known_columns',
      message: `None of the columns is one Coinbook knows. Name them like the template (${['name', 'email', 'company', 'phone', 'country'].map((f) => headerOf(f as ImportField)).join(', ')}…) or send a mapping.`,
    }
  } else if (mode !== 'upsert' && !['name', 'firstName', 'lastName'].some((f) => taken.has(f))) {
    plan.failure = {
      code: 'no_name_column',
      message:
        'The file has no Name column (nor First Name / Last Name), and every new customer needs a name. Add one, or map a column to name.',
    }
  }
  return plan
}
