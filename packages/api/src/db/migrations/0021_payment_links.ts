import { type Kysely, sql } from 'kysely'

// Migrations never change after they land: add a new file instead.
// Payment links (issue 11): a public page /l/{slug} that asks the payer for what the merchant collects,
// takes a payment in the coin they pick, and creates (or matches by email) a customer profile on the first
// payment. A session is one payer's visit; its quotes' deposit targets have no customer until a payment
// arrives, so deposit_targets.customer_id becomes nullable (only a link session's quote target is null).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('payment_links')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    // Null: the payer types the amount (customAmount).
    .addColumn('amount', 'numeric', (c) => c.check(sql`amount > 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('accepts', 'jsonb', (c) => c.notNull())
    .addColumn('collect', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('max_uses', 'integer', (c) => c.check(sql`max_uses > 0`))
    .addColumn('expires_at', 'timestamptz')
    .addColumn('disabled_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`CREATE INDEX payment_links_merchant_idx ON payment_links (merchant_id, id)`.execute(db)

  await db.schema
    .createTable('payment_link_sessions')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id').onDelete('cascade'))
    .addColumn('link_id', 'uuid', (c) => c.notNull().references('payment_links.id').onDelete('cascade'))
    // The payer's capability for their session (the page keeps it); random, 43 url-safe characters.
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text')
    .addColumn('email', sql`citext`)
    .addColumn('phone', 'text')
    .addColumn('billing_address', 'jsonb')
    .addColumn('amount', 'numeric', (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    // Set with the first payment: the profile created or matched for this payer.
    .addColumn('customer_id', 'uuid', (c) => c.references('customers.id'))
    .addColumn('customer_matched', 'boolean')
    .addColumn('paid_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`CREATE INDEX payment_link_sessions_link_idx ON payment_link_sessions (link_id, id)`.execute(db)
  await sql`CREATE INDEX payment_link_sessions_customer_idx ON payment_link_sessions (customer_id) WHERE customer_id IS NOT NULL`.execute(
    db,
  )

  await db.schema
    .createTable('payment_link_quotes')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id').onDelete('cascade'))
    .addColumn('session_id', 'uuid', (c) =>
      c.notNull().references('payment_link_sessions.id').onDelete('cascade'),
    )
    .addColumn('deposit_target_id', 'uuid', (c) => c.notNull().unique().references('deposit_targets.id'))
    .addColumn('asset', 'text', (c) => c.notNull())
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('fiat_amount', 'numeric', (c) => c.notNull())
    .addColumn('amount', 'numeric', (c) => c.notNull())
    .addColumn('decimals', 'integer', (c) => c.notNull())
    .addColumn('rate', 'numeric', (c) => c.notNull())
    .addColumn('rate_source', 'text', (c) => c.notNull())
    .addColumn('uri', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`CREATE INDEX payment_link_quotes_session_idx ON payment_link_quotes (session_id, id)`.execute(db)

  await sql`ALTER TABLE deposit_targets ALTER COLUMN customer_id DROP NOT NULL`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('payment_link_quotes').execute()
  await db.schema.dropTable('payment_link_sessions').execute()
  await db.schema.dropTable('payment_links').execute()
  await sql`DELETE FROM deposit_targets WHERE customer_id IS NULL`.execute(db)
  await sql`ALTER TABLE deposit_targets ALTER COLUMN customer_id SET NOT NULL`.execute(db)
}
