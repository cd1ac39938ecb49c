import { sql } from 'kysely'
import type { Executor } from '../../../context.js'

/**
 * Frees space: the upload of an import finished (or abandoned) more than a day ago, and staging rows of
 * imports that are not running (a worker died mid-way). Reports stay. An import whose worker died (not
 * heard from for 15 minutes) is failed first: its write is one transaction, so it wrote nothing, and it
 * can be run again from its upload.
 */
export async function pruneImports(db: Executor) {
  await db
    .updateTable('customer_imports')
    .set({
      status: 'failed',
      phase: null,
      failure: JSON.stringify({
        code: 'interrupted',
        message: 'The worker running this import stopped; nothing was imported. Run it again.',
      }),
      finished_at: sql`now()`,
      updated_at: sql`now()`,
    })
    .where('status', '=', 'running')
    .where('updated_at', '<', sql<Date>`now() - interval '15 minutes'`)
    .execute()
  await db
    .deleteFrom('customer_import_chunks')
    .where('import_id', 'in', (eb) =>
      eb
        .selectFrom('customer_imports')
        .select('id')
        .where('status', '!=', 'running')
        .where('updated_at', '<', sql<Date>`now() - interval '1 day'`),
    )
    .execute()
  await db
    .deleteFrom('customer_import_rows')
    .where('import_id', 'not in', (eb) =>
      eb.selectFrom('customer_imports').select('id').where('status', 'in', ['running', 'queued']),
    )
    .execute()
}
