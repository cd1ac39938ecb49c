import { type Kysely, sql } from 'kysely'

// Migrations never change after they land: add a new file instead.
// The invoice list filtered by overdue=true walks the merchant's unpaid invoices newest first and reads each
// one's due date from the index itself: invoices_list_idx made it visit every paid invoice too (4 s at 2M
// invoices, most of them paid), this visits only open and partially paid ones and no table rows.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX invoices_unpaid_list_idx ON invoices (merchant_id, id DESC) INCLUDE (due_date)
    WHERE status IN ('open', 'partially_paid')`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX invoices_unpaid_list_idx`.execute(db)
}
