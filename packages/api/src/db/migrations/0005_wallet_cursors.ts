import { type Kysely, sql } from 'kysely'

// Migrations never change after they land: add a new file instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Solana and TON scan each merchant wallet's own history rather than every block: where each wallet's
  // scan has got to (an adapter's opaque cursor), with a lease so one process pages a wallet at a time.
  await db.schema
    .createTable('wallet_cursors')
    .addColumn('wallet_id', 'uuid', (c) => c.primaryKey().references('wallets.id').onDelete('cascade'))
    .addColumn('cursor', 'text')
    .addColumn('lease_until', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  // A receiving wallet's address is kept normalised (what events are matched on) and as the merchant gave it.
  await db.schema.alterTable('wallets').addColumn('display_address', 'text').execute()
  // A receiving address serves one merchant at a time: an unattributed payment to it must have one owner.
  await sql`CREATE UNIQUE INDEX wallets_address_uq ON wallets (network, address) WHERE address IS NOT NULL AND retired_at IS NULL`.execute(
    db,
  )
  // Payments that reached a merchant wallet without a reference or comment of any customer: to assign.
  await sql`CREATE INDEX payments_unattributed_idx ON payments (merchant_id, id DESC) WHERE customer_id IS NULL`.execute(
    db,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS payments_unattributed_idx`.execute(db)
  await sql`DROP INDEX IF EXISTS wallets_address_uq`.execute(db)
  await db.schema.alterTable('wallets').dropColumn('display_address').execute()
  await db.schema.dropTable('wallet_cursors').ifExists().execute()
}
