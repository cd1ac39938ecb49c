import type { AppDeps, ServiceContext } from '../../../context.js'
import type { ImportFormat } from '../../../db/database.js'
import { newId } from '../../../db/ids.js'
import { CoinbookError } from '../../../errors.js'
import { customersImportJob } from '../../../jobs/definitions/customers-import.js'
import type { CustomerImportDto, ImportQuery, StoredImportOptions } from '../schema.js'
import { loadImport, presentImport } from './present.js'
import { JSON_ARRAY_MAX_BYTES } from './records.js'
import { runImport } from './run-import.js'
import { formatBytes, storeUpload, tooLarge } from './store-upload.js'

const CSV_TYPES = [
  'text/csv',
  'application/csv',
  'text/plain',
  'text/tab-separated-values',
  'application/vnd.ms-excel',
  'application/octet-stream',
]
const JSONL_TYPES = [
  'application/x-ndjson',
  'application/ndjson',
  'application/jsonl',
  'application/x-jsonlines',
  'application/jsonlines',
]

/** The format of an upload: the `format` option, else its Content-Type. */
export function uploadFormat(
  contentType: string | undefined,
  explicit: ImportFormat | undefined,
): ImportFormat {
  if (explicit) return explicit
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  if (type === '' || CSV_TYPES.includes(type)) return 'csv'
  if (JSONL_TYPES.includes(type)) return 'jsonl'
  if (type === 'application/json') return 'json'
  throw new CoinbookError(
    'unsupported_media_type',
    type === 'multipart/form-data'
      ? 'Send the file itself as the request body (curl --data-binary @customers.csv -H "Content-Type: text/csv"), not as a form'
      : `Coinbook imports text/csv, application/x-ndjson (JSON Lines) or application/json, not ${type}`,
  )
}

/** Runs the import now when the upload is small, else hands it to a job worker. */
export async function startImport(deps: AppDeps, importId: string, bytes: number) {
  if (bytes <= deps.config.IMPORT_INLINE_MAX_BYTES) await runImport(deps, importId)
  // One job id per run: BullMQ keeps finished jobs for a while, and would take a rerun for a duplicate.
  else await deps.jobs.enqueue(customersImportJob, { importId }, { jobId: `${importId}-${Date.now()}` })
}

/**
 * Creates an import from an upload streamed to storage (never whole in memory), then runs it: in the
 * request when small, else as a job whose progress the import shows.
 */
export async function createImport({
  ctx,
  deps,
  input,
}: {
  ctx: ServiceContext
  deps: AppDeps
  input: {
    query: ImportQuery
    contentType: string | undefined
    contentLength: string | undefined
    body: ReadableStream<Uint8Array> | null
  }
}): Promise<{ created: CustomerImportDto; finished: boolean }> {
  const { query } = input
  const format = uploadFormat(input.contentType, query.format)
  const maxBytes =
    format === 'json'
      ? Math.min(deps.config.IMPORT_MAX_BYTES, JSON_ARRAY_MAX_BYTES)
      : deps.config.IMPORT_MAX_BYTES
  const declared = Number(input.contentLength)
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw format === 'json'
      ? new CoinbookError(
          'payload_too_large',
          `A JSON array import may be at most ${formatBytes(maxBytes)}; send larger batches as JSON Lines (application/x-ndjson) or CSV`,
          { details: { maxBytes } },
        )
      : tooLarge(maxBytes)
  }
  const options: StoredImportOptions = {
    mode: query.mode,
    matchBy: query.matchBy,
    onError: query.onError,
    mapping: query.mapping ?? null,
  }
  const id = newId()
  await ctx.db
    .insertInto('customer_imports')
    .values({
      id,
      merchant_id: ctx.merchantId,
      actor_type: ctx.actor.type,
      actor_id: ctx.actor.id,
      status: 'queued',
      dry_run: query.dryRun,
      format,
      file_name: query.fileName ?? null,
      delimiter: format === 'csv' ? query.delimiter : null,
      options: JSON.stringify(options),
    })
    .execute()
  let upload: Awaited<ReturnType<typeof storeUpload>>
  try {
    upload = await storeUpload(ctx.db, id, input.body, { maxBytes, format })
  } catch (err) {
    await ctx.db.deleteFrom('customer_imports').where('id', '=', id).execute()
    throw err
  }
  await ctx.db
    .updateTable('customer_imports')
    .set({ bytes: upload.bytes, encoding: upload.encoding, total_rows: upload.rows })
    .where('id', '=', id)
    .execute()
  await startImport(deps, id, upload.bytes)
  const row = await loadImport(ctx.db, ctx.merchantId, id)
  return {
    created: await presentImport(ctx.db, row),
    finished: row.status !== 'queued' && row.status !== 'running',
  }
}
