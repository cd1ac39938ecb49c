import { stringify } from 'csv-stringify/sync'
import { customerColumns, isReadOnly } from '../columns.js'

/** The import template: every column an import reads, with an example row, UTF-8 with a byte order mark. */
export function templateCsv(): string {
  const columns = customerColumns.filter((c) => !isReadOnly(c.field))
  return `\uFEFF${stringify([columns.map((c) => c.header), columns.map((c) => c.example ?? '')])}`
}
