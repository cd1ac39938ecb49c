import { type Kysely, sql } from 'kysely'

// Migrations never change after they land: add a new file instead.
//
// The customer list shows each row's last activity, which includes the latest change of any of the
// customer's invoices: max(updated_at) over them. Through invoices_customer_idx that read every invoice of
// the customer, so the first page sorted by payment count (the customers with the most payments, and
// hundreds of invoices each) took 50–90 ms on the bench database. Keyed by updated_at after the customer,
// the max is the first entry of the index.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX invoices_customer_updated_idx ON invoices (merchant_id, customer_id, updated_at DESC)`.execute(
    db,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX invoices_customer_updated_idx`.execute(db)
}
