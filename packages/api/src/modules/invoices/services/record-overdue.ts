import { type Kysely, type Selectable, sql } from 'kysely'
import type { Database, InvoicesTable } from '../../../db/database.js'
import { recordEvents } from '../../events/services/record-event.js'
import { invoiceEventObject } from './event-data.js'

const BATCH = 1000

/**
 * Records `invoice.overdue` for every open or partially paid invoice due before `today` that has not had
 * it, in batches: each batch marks its invoices (overdue_event_at) and records their events in one
 * transaction, so an invoice gets the event exactly once whatever runs overlap or crash. Returns the count.
 */
export async function recordOverdueInvoices(
  db: Kysely<Database>,
  today: string,
  merchantId?: string,
): Promise<number> {
  let total = 0
  for (;;) {
    const n = await db.transaction().execute(async (trx) => {
      const scope = merchantId ? sql`AND merchant_id = ${merchantId}` : sql``
      const rows = await sql<Selectable<InvoicesTable>>`
        UPDATE invoices SET overdue_event_at = now()
        WHERE id IN (
          SELECT id FROM invoices
          WHERE overdue_event_at IS NULL AND status IN ('open', 'partially_paid') AND due_date < ${today}::date ${scope}
          ORDER BY due_date
          LIMIT ${BATCH}
          FOR UPDATE SKIP LOCKED)
        RETURNING *`.execute(trx)
      await recordEvents(
        trx,
        rows.rows.map((row) => ({
          merchantId: row.merchant_id,
          type: 'invoice.overdue' as const,
          subjectId: row.id,
          data: { object: invoiceEventObject(row) },
        })),
      )
      return rows.rows.length
    })
    total += n
    if (n < BATCH) return total
  }
}
