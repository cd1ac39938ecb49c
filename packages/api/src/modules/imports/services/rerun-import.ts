import { sql } from 'kysely'
import type { AppDeps, ServiceContext } from '../../../context.js'
import { ConflictError } from '../../../errors.js'
import type { CustomerImportDto, RunImportInput, StoredImportOptions } from '../schema.js'
import { startImport } from './create-import.js'
import { loadImport, presentImport } from './present.js'
import { hasUpload } from './read-upload.js'

/**
 * Runs a finished dry run (or a failed import) again from its stored upload, with options changed as
 * asked: how a dry run is confirmed, or re-checked with another column mapping, without a new upload.
 */
export async function rerunImport({
  ctx,
  deps,
  input,
}: {
  ctx: ServiceContext
  deps: AppDeps
  input: { id: string; changes: RunImportInput }
}): Promise<{ run: CustomerImportDto; finished: boolean }> {
  const row = await loadImport(ctx.db, ctx.merchantId, input.id)
  if (row.status !== 'validated' && row.status !== 'failed') {
    throw new ConflictError(
      row.status === 'completed'
        ? 'This import is done; upload the file again to import it once more'
        : 'This import is still running; wait for it to finish',
      { status: row.status },
    )
  }
  if (!(await hasUpload(ctx.db, row.id))) {
    throw new ConflictError(
      'The upload of this import is no longer kept (after a day); upload the file again',
    )
  }
  const { dryRun, ...changes } = input.changes
  const before = row.options as unknown as StoredImportOptions
  const options: StoredImportOptions = {
    mode: changes.mode ?? before.mode,
    matchBy: changes.matchBy ?? before.matchBy,
    onError: changes.onError ?? before.onError,
    mapping: changes.mapping !== undefined ? changes.mapping : before.mapping,
  }
  const queued = await ctx.db
    .updateTable('customer_imports')
    .set({
      status: 'queued',
      dry_run: dryRun,
      options: JSON.stringify(options),
      actor_type: ctx.actor.type,
      actor_id: ctx.actor.id,
      phase: null,
      processed_rows: 0,
      counts: '{}',
      failure: null,
      started_at: null,
      finished_at: null,
      updated_at: sql`now()`,
    })
    .where('merchant_id', '=', ctx.merchantId)
    .where('id', '=', row.id)
    .where('status', 'in', ['validated', 'failed'])
    .executeTakeFirst()
  if (Number(queued.numUpdatedRows) === 0) throw new ConflictError('This import was started meanwhile')
  await startImport(deps, row.id, Number(row.bytes))
  const after = await loadImport(ctx.db, ctx.merchantId, row.id)
  return {
    run: await presentImport(ctx.db, after),
    finished: after.status !== 'queued' && after.status !== 'running',
  }
}
