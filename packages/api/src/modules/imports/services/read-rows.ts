import type { Executor } from '../../../context.js'
import type { ImportColumnDto, ImportErrorDto, StoredImportOptions } from '../schema.js'
import { type ColumnPlan, planColumns } from './plan-columns.js'
import { readUpload } from './read-upload.js'
import {
  csvRecords,
  jsonArrayRecords,
  jsonLinesRecords,
  type MalformedRow,
  sniffDelimiter,
} from './records.js'
import type { StagedRow } from './staged-row.js'
import type { StagingWriter } from './staging.js'
import { CsvRowValidator, type RowResult, validateJsonRecord } from './validate-row.js'

/** Errors kept per import: the counts stay exact beyond it, the report says how many are left out. */
export const MAX_STORED_ERRORS = 100_000
const BATCH = 2000

export interface ReadResult {
  rows: number
  invalidRows: number
  errorEntries: number
  columns: ImportColumnDto[] | null
  delimiter: string | null
  plan: ColumnPlan | null
  failure?: { code: string; message: string }
}

export interface ReadInput {
  importId: string
  format: 'csv' | 'jsonl' | 'json'
  encoding: string | null
  delimiter: string
  options: StoredImportOptions
}

/**
 * Phase one of an import: reads the stored upload, validates every row like the API, streams the valid
 * ones to the staging writer and the errors to customer_import_errors, and reports progress.
 */
export async function readRows(
  db: Executor,
  input: ReadInput,
  writer: StagingWriter,
  progress: (done: number) => Promise<void>,
): Promise<ReadResult> {
  const result: ReadResult = {
    rows: 0,
    invalidRows: 0,
    errorEntries: 0,
    columns: null,
    delimiter: null,
    plan: null,
  }
  const malformed: MalformedRow[] = []
  let staged: StagedRow[] = []
  let errors: ImportErrorDto[] = []

  let stored = 0
  const flushErrors = async () => {
    const kept = errors.slice(0, Math.max(0, MAX_STORED_ERRORS - stored))
    stored += kept.length
    errors = []
    for (let i = 0; i < kept.length; i += 1000) {
      await db
        .insertInto('customer_import_errors')
        .values(
          kept.slice(i, i + 1000).map((e) => ({
            import_id: input.importId,
            line: e.line,
            column_name: e.column,
            field: e.field,
            value: e.value,
            message: e.message,
          })),
        )
        .execute()
    }
  }
  const take = async (r: RowResult) => {
    result.rows++
    if (r.ok) staged.push(r.row)
    else {
      result.invalidRows++
      result.errorEntries += r.errors.length
      errors.push(...r.errors)
    }
    for (const m of malformed.splice(0)) {
      result.rows++
      result.invalidRows++
      result.errorEntries++
      errors.push({ line: m.line, column: null, field: null, value: null, message: m.message })
    }
    if (staged.length >= BATCH) {
      await writer.write(staged)
      staged = []
    }
    // Throttled by the caller; counted on every row read, so a file of bad rows shows progress too.
    if (result.rows % 1000 === 0) await progress(result.rows)
    if (errors.length >= 1000) await flushErrors()
  }

  const chunks = readUpload(db, input.importId, input.encoding)
  if (input.format === 'csv') {
    let validator: CsvRowValidator | undefined
    // The parser needs the delimiter before its first byte: look at the head, then parse everything.
    const first = await chunks.next()
    const head = first.done ? '' : first.value.subarray(0, 64 * 1024).toString('utf8')
    result.delimiter = input.delimiter === 'auto' ? sniffDelimiter(head) : input.delimiter
    const all = (async function* () {
      if (!first.done) yield first.value
      yield* chunks
    })()
    for await (const record of csvRecords(all, { delimiter: result.delimiter, malformed })) {
      if (!validator) {
        const plan = planColumns(record.cells, input.options.mapping, input.options.mode)
        result.columns = plan.columns
        result.plan = plan
        if (plan.failure) {
          result.failure = plan.failure
          return result
        }
        validator = new CsvRowValidator(plan)
        continue
      }
      await take(validator.validate(record.line, record.cells))
    }
    if (!validator) {
      result.failure = {
        code: 'empty_file',
        message: 'The file is empty: it needs a header line and a row per customer',
      }
      return result
    }
  } else {
    const records =
      input.format === 'json' ? jsonArrayRecords(chunks) : jsonLinesRecords(chunks, { malformed })
    for await (const record of records) await take(validateJsonRecord(record.line, record.value))
  }
  // Rows the parser gave up on after the last good one.
  for (const m of malformed.splice(0)) {
    result.rows++
    result.invalidRows++
    result.errorEntries++
    errors.push({ line: m.line, column: null, field: null, value: null, message: m.message })
  }
  if (staged.length) await writer.write(staged)
  await flushErrors()
  if (result.rows === 0) {
    result.failure = { code: 'empty_file', message: 'The file has no customers in it' }
  }
  return result
}
