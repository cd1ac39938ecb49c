import { type Kysely, sql, type Transaction } from 'kysely'
import type { Config } from '../../../config.js'
import type { Database } from '../../../db/database.js'
import { newId } from '../../../db/ids.js'
import { recordEvent } from '../../events/services/record-event.js'
import { headerOf } from '../columns.js'
import type { ImportCounts, StoredImportOptions } from '../schema.js'
import { MAX_STORED_ERRORS, type ReadResult, readRows } from './read-rows.js'
import { countActions, type ErrorColumns, type ImportScope, resolveActions } from './resolve-actions.js'
import { copyStagingWriter, insertStagingWriter, type StagingWriter } from './staging.js'
import { countChanges, writeImport } from './write-import.js'

export interface ImportDeps {
  db: Kysely<Database>
  config: Pick<Config, 'DATABASE_URL'>
}

const PROGRESS_EVERY_MS = 500
/** A running import not heard from for this long was on a worker that died: another may take it over. */
const STALE = sql<Date>`now() - interval '15 minutes'`

class ImportAborted extends Error {}

/** PostgreSQL's unique_violation (also PGlite's): an update gave a customer an email or custom id still taken. */
const isUniqueViolation = (err: unknown) =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505'

/**
 * Merges the GIN pending lists the write filled, so searches do not scan them until autovacuum does it.
 * Only the indexes' owner may: elsewhere the savepoint keeps the import going and autovacuum merges.
 */
async function flushPendingLists(trx: Transaction<Database>) {
  await sql`SAVEPOINT gin_flush`.execute(trx)
  try {
    await sql`select gin_clean_pending_list('customers_search_trgm'::regclass),
      gin_clean_pending_list('customers_tags_idx'::regclass)`.execute(trx)
    await sql`RELEASE SAVEPOINT gin_flush`.execute(trx)
  } catch (err) {
    console.error(
      JSON.stringify({ level: 'warn', msg: 'import: GIN pending list not merged', error: String(err) }),
    )
    await sql`ROLLBACK TO SAVEPOINT gin_flush`.execute(trx)
  }
}

/** Deletes an import's scratch rows (a run starts from the upload every time). */
async function clearStaging(db: Kysely<Database>, importId: string) {
  await db.deleteFrom('customer_import_rows').where('import_id', '=', importId).execute()
}

function errorColumns(read: ReadResult, format: string): ErrorColumns {
  if (format !== 'csv' || !read.plan) return { email: null, customId: null, name: null }
  const header = (field: string) =>
    read.plan?.targets.find((t) => t.target.kind === 'field' && t.target.field === field)?.header ?? null
  return {
    email: header('email'),
    customId: header('customId'),
    name: header('name') ?? header('firstName') ?? headerOf('name'),
  }
}

/**
 * Runs an import from its stored upload: phase one validates every row into staging (progress as rows
 * read of the total counted at upload), phase two decides and writes in one transaction, so an abort, a
 * dry run or a crash leaves the customers exactly as they were. Safe to call twice: only a queued import
 * (or one whose worker died) is taken.
 */
export async function runImport(deps: ImportDeps, importId: string): Promise<void> {
  const { db } = deps
  const claimed = await db
    .updateTable('customer_imports')
    .set({
      status: 'running',
      phase: 'reading',
      started_at: sql`now()`,
      finished_at: null,
      processed_rows: 0,
      counts: '{}',
      error_count: 0,
      failure: null,
      updated_at: sql`now()`,
    })
    .where('id', '=', importId)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'queued'),
        eb.and([eb('status', '=', 'running'), eb('updated_at', '<', STALE)]),
      ]),
    )
    .returningAll()
    .executeTakeFirst()
  if (!claimed) return
  const options = claimed.options as unknown as StoredImportOptions
  const finish = (values: Record<string, unknown>) =>
    db
      .updateTable('customer_imports')
      .set({ ...values, finished_at: sql`now()`, updated_at: sql`now()` } as never)
      .where('id', '=', importId)
      .execute()

  await clearStaging(db, importId)
  await db.deleteFrom('customer_import_errors').where('import_id', '=', importId).execute()
  let writer: StagingWriter | undefined
  let completed = false
  try {
    writer = deps.config.DATABASE_URL
      ? await copyStagingWriter(deps.config.DATABASE_URL, importId)
      : insertStagingWriter(db, importId)
    let last = Date.now()
    const read = await readRows(
      db,
      {
        importId,
        format: claimed.format,
        encoding: claimed.encoding,
        delimiter: claimed.delimiter ?? 'auto',
        options,
      },
      writer,
      async (done) => {
        if (Date.now() - last < PROGRESS_EVERY_MS) return
        last = Date.now()
        await db
          .updateTable('customer_imports')
          .set({
            processed_rows: done,
            total_rows: sql`greatest(coalesce(total_rows, 0), ${done}::int)`,
            updated_at: sql`now()`,
          })
          .where('id', '=', importId)
          .execute()
      },
    )
    await writer.close()
    writer = undefined
    const columns = read.columns ? JSON.stringify(read.columns) : null
    if (read.failure) {
      await finish({
        status: 'failed',
        phase: null,
        failure: JSON.stringify(read.failure),
        columns,
        delimiter: read.delimiter,
      })
      return
    }
    await db
      .updateTable('customer_imports')
      .set({
        phase: 'writing',
        processed_rows: read.rows,
        total_rows: read.rows,
        columns,
        delimiter: read.delimiter,
        error_count: read.errorEntries,
        updated_at: sql`now()`,
      })
      .where('id', '=', importId)
      .execute()

    const scope: ImportScope = {
      importId,
      merchantId: claimed.merchant_id,
      options,
      columns: errorColumns(read, claimed.format),
    }
    completed = await db.transaction().execute(async (trx) => {
      if (deps.config.DATABASE_URL) {
        // The trigram index takes new rows into a pending list and merges it in work_mem-sized passes: a
        // large import merges in far fewer. The commit need not wait for the disk (it stays atomic).
        await sql`SET LOCAL work_mem = '256MB'`.execute(trx)
        await sql`SET LOCAL synchronous_commit = off`.execute(trx)
        // The two GIN indexes (trigram search, tags) keep the whole import in their pending list and
        // merge it once at the end (flushPendingLists) instead of every 4 MB: each key's posting tree
        // is then updated once, not once per flush.
        await sql`SET LOCAL gin_pending_list_limit = '1GB'`.execute(trx)
        await sql`SET LOCAL maintenance_work_mem = '256MB'`.execute(trx)
      }
      await resolveActions(trx, scope)
      const actions = await countActions(trx, importId)
      const { stored } = await trx
        .selectFrom('customer_import_errors')
        .select((eb) => eb.fn.countAll<number>().as('stored'))
        .where('import_id', '=', importId)
        .executeTakeFirstOrThrow()
      const errorCount = read.errorEntries + Number(stored) - Math.min(read.errorEntries, MAX_STORED_ERRORS)
      const invalid = read.invalidRows + actions.error
      const counts: ImportCounts = {
        rows: read.rows,
        valid: read.rows - invalid,
        invalid,
        created: 0,
        updated: 0,
        unchanged: 0,
        skipped: actions.skip,
      }
      const done = { phase: null, error_count: errorCount, finished_at: sql`now()`, updated_at: sql`now()` }
      const update = (values: Record<string, unknown>) =>
        trx
          .updateTable('customer_imports')
          .set({ ...done, ...values } as never)
          .where('id', '=', importId)
          .execute()

      if (claimed.dry_run) {
        const changes = await countChanges(trx, scope)
        Object.assign(counts, {
          created: actions.create,
          updated: changes,
          unchanged: actions.update - changes,
        })
        await update({ status: 'validated', counts: JSON.stringify(counts) })
        return false
      }
      if (options.onError === 'abort' && invalid > 0) {
        await update({
          status: 'failed',
          counts: JSON.stringify({ ...counts, skipped: 0 }),
          failure: JSON.stringify({
            code: 'invalid_rows',
            message: `${invalid} of ${read.rows} rows have errors, so nothing was imported. Fix them and import again, or import with onError=skip to write the ${counts.valid} valid rows.`,
          }),
        })
        return false
      }
      const written = await writeImport(trx, scope, actions)
      if (deps.config.DATABASE_URL) await flushPendingLists(trx)
      if (written.raced && options.onError === 'abort') throw new ImportAborted()
      Object.assign(counts, {
        created: written.created,
        updated: written.updated,
        unchanged: actions.update - written.updated,
        invalid: invalid + written.raced,
        valid: counts.valid - written.raced,
      })
      await trx
        .insertInto('audit_log')
        .values({
          id: newId(),
          merchant_id: claimed.merchant_id,
          actor_type: claimed.actor_type,
          actor_id: claimed.actor_id,
          action: 'customers.imported',
          subject_type: 'customer_import',
          subject_id: importId,
          data: JSON.stringify(counts),
        })
        .execute()
      await update({
        status: 'completed',
        counts: JSON.stringify(counts),
        error_count: errorCount + written.raced,
      })
      // One event for the whole import, not one per customer: a million-row import is not a million events.
      await recordEvent(trx, {
        merchantId: claimed.merchant_id,
        type: 'import.completed',
        subjectId: importId,
        data: {
          object: { id: importId, status: 'completed', counts, errorCount: errorCount + written.raced },
        },
      })
      return true
    })
  } catch (err) {
    await writer?.abort()
    const failure =
      err instanceof ImportAborted
        ? {
            code: 'conflict',
            message:
              'Other changes to your customers took an email or custom id of this file while it was imported; nothing was imported. Run it again.',
          }
        : err instanceof SyntaxError
          ? { code: 'invalid_json', message: err.message }
          : isUniqueViolation(err)
            ? {
                code: 'conflict',
                message:
                  'Two customers would end up with the same email or custom id (for example, rows that swap them); nothing was imported. Change those rows, or import them in two files.',
              }
            : {
                code: 'internal',
                message: 'The import stopped on an unexpected error; nothing was imported. Try again.',
              }
    if (failure.code === 'internal') {
      console.error(JSON.stringify({ level: 'error', msg: 'import failed', importId, error: String(err) }))
    }
    await finish({ status: 'failed', phase: null, failure: JSON.stringify(failure) })
  } finally {
    await clearStaging(db, importId).catch(() => {})
    // The upload stays for a dry run or a failure, so it can be run (again) without a new upload.
    if (completed) await db.deleteFrom('customer_import_chunks').where('import_id', '=', importId).execute()
  }
}
