import { type Kysely, sql } from 'kysely'

// Migrations never change after they land: add a new file instead.
// Whether a payment to a customer's own stable address (not an invoice quote's) pays their oldest open
// invoice (the default) or stays a plain payment.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE invoice_settings ADD COLUMN apply_stable_payments boolean NOT NULL DEFAULT true`.execute(
    db,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE invoice_settings DROP COLUMN apply_stable_payments`.execute(db)
}
