import { type Kysely, sql } from 'kysely'

// Migrations never change after they land: add a new file instead.
// Privacy, avatars and ratings (issue 11).
// - customers.erased_at: the customer was erased (modules/privacy): the row stays as a tombstone without
//   personal data so its payments, invoices and the analytics rollups keep adding up.
// - customer_avatars: an uploaded image, its bytes in the database (imports keep their uploads there too),
//   at most 1 MiB and of a type sniffed from the bytes.
// - invoice_ratings: the payer's 1–5 rating and comment of a paid invoice, one per invoice (editable).
//   No customer column: a rating is its invoice's, and follows it through a merge.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE customers ADD COLUMN erased_at timestamptz`.execute(db)
  await db.schema
    .createTable('customer_avatars')
    .addColumn('customer_id', 'uuid', (c) => c.primaryKey().references('customers.id').onDelete('cascade'))
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id').onDelete('cascade'))
    .addColumn('content_type', 'text', (c) =>
      c.notNull().check(sql`content_type in ('image/png', 'image/jpeg', 'image/webp', 'image/gif')`),
    )
    .addColumn('size', 'integer', (c) => c.notNull().check(sql`size > 0 and size <= 1048576`))
    .addColumn('data', 'bytea', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createTable('invoice_ratings')
    .addColumn('invoice_id', 'uuid', (c) => c.primaryKey().references('invoices.id').onDelete('cascade'))
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id').onDelete('cascade'))
    .addColumn('rating', 'smallint', (c) => c.notNull().check(sql`rating between 1 and 5`))
    .addColumn('comment', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  // The merchant's ratings over time (analytics' average).
  await sql`CREATE INDEX invoice_ratings_merchant_idx ON invoice_ratings (merchant_id, created_at)`.execute(
    db,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('invoice_ratings').execute()
  await db.schema.dropTable('customer_avatars').execute()
  await sql`ALTER TABLE customers DROP COLUMN erased_at`.execute(db)
}
