import type { Selectable } from 'kysely'
import type { Executor } from '../../../context.js'
import type { CustomerImportsTable } from '../../../db/database.js'
import { NotFoundError } from '../../../errors.js'
import type { CustomerImportDto, ImportColumnDto, ImportCounts, StoredImportOptions } from '../schema.js'
import { hasUpload } from './read-upload.js'

const PREVIEW_ERRORS = 100

const zero: ImportCounts = { rows: 0, valid: 0, invalid: 0, created: 0, updated: 0, unchanged: 0, skipped: 0 }

/** An import record with its first errors → the API's CustomerImport. */
export async function presentImport(
  db: Executor,
  row: Selectable<CustomerImportsTable>,
): Promise<CustomerImportDto> {
  const errors = await db
    .selectFrom('customer_import_errors')
    .select(['line', 'column_name', 'field', 'value', 'message'])
    .where('import_id', '=', row.id)
    .orderBy('line')
    .limit(PREVIEW_ERRORS)
    .execute()
  const options = row.options as unknown as StoredImportOptions
  const finished = row.status === 'validated' || row.status === 'completed' || row.status === 'failed'
  const canRun = (row.status === 'validated' || row.status === 'failed') && (await hasUpload(db, row.id))
  return {
    id: row.id,
    status: row.status,
    dryRun: row.dry_run,
    format: row.format,
    fileName: row.file_name,
    encoding: row.encoding,
    delimiter: row.delimiter,
    options: {
      mode: options.mode,
      matchBy: options.matchBy,
      onError: options.onError,
      mapping: options.mapping ?? null,
    },
    columns: (row.columns as ImportColumnDto[] | null) ?? null,
    progress: {
      phase: row.status === 'queued' ? 'queued' : finished ? 'done' : (row.phase ?? 'reading'),
      done: row.processed_rows,
      total: row.total_rows,
    },
    counts: { ...zero, ...(row.counts as Partial<ImportCounts>) },
    errorCount: row.error_count,
    errors: errors.map((e) => ({
      line: e.line,
      column: e.column_name,
      field: e.field,
      value: e.value,
      message: e.message,
    })),
    failure: row.failure ?? null,
    canRun,
    reportUrl: `/api/v1/customers/imports/${row.id}/report.csv`,
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
  }
}

/** One import of the merchant; another merchant's is not found. */
export async function loadImport(db: Executor, merchantId: string, id: string) {
  const row = await db
    .selectFrom('customer_imports')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) throw new NotFoundError('Import', id)
  return row
}
