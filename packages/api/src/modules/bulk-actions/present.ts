import type { Selectable } from 'kysely'
import type { Executor } from '../../context.js'
import type { BulkActionsTable } from '../../db/database.js'
import { NotFoundError } from '../../errors.js'
import type { BulkActionDto } from './schema.js'

export function presentBulkAction(row: Selectable<BulkActionsTable>): BulkActionDto {
  const total = row.total
  return {
    id: row.id,
    action: row.action,
    status: row.status,
    selection: row.selection,
    params: row.params,
    matched: row.matched,
    total,
    processed: row.processed,
    changed: row.changed,
    skipped: row.skipped,
    progress: row.status === 'completed' ? 1 : total ? Math.min(1, row.processed / total) : 0,
    failure: row.failure,
    downloadUrl:
      row.action === 'export' && row.status === 'completed'
        ? `/api/v1/bulk-actions/${row.id}/export.csv`
        : null,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
  }
}

/** The merchant's bulk action; another merchant's is not found. */
export async function loadBulkAction(db: Executor, merchantId: string, id: string) {
  const row = await db
    .selectFrom('bulk_actions')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) throw new NotFoundError('Bulk action', id)
  return row
}
