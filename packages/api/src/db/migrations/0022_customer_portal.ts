import { type Kysely, sql } from 'kysely'

// Migrations never change after they land: add a new file instead.
// The customer portal (issue 11): per merchant, whether it is on and what a customer may change there;
// single-use sign-in tokens (stored hashed) and portal sessions (stored hashed), each scoped to one
// (merchant, customer); the latest "request payment details" per customer, sent and answered; bulk actions
// learn requestPaymentDetails.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('portal_settings')
    .addColumn('merchant_id', 'uuid', (c) => c.primaryKey().references('merchants.id').onDelete('cascade'))
    .addColumn('enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('edit_contact', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('edit_billing_address', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('edit_preferred_coins', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('edit_refund_addresses', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('edit_message_preferences', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('allow_subscription_cancel', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  // id = sha256 of the token's random part; the link carries the random part and an HMAC of it.
  await db.schema
    .createTable('portal_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id').onDelete('cascade'))
    .addColumn('customer_id', 'uuid', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('sign_in', 'payment_details')`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`CREATE INDEX portal_tokens_expiry_idx ON portal_tokens (expires_at)`.execute(db)

  await db.schema
    .createTable('portal_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id').onDelete('cascade'))
    .addColumn('customer_id', 'uuid', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  // The latest request per customer: asked again, requested_at moves and answered_at clears.
  await db.schema
    .createTable('payment_details_requests')
    .addColumn('customer_id', 'uuid', (c) => c.primaryKey().references('customers.id').onDelete('cascade'))
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id').onDelete('cascade'))
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
    .addColumn('answered_at', 'timestamptz')
    .execute()
  await sql`CREATE INDEX payment_details_requests_merchant_idx
    ON payment_details_requests (merchant_id, requested_at DESC)`.execute(db)

  await sql`ALTER TABLE bulk_actions DROP CONSTRAINT bulk_actions_action_check`.execute(db)
  await sql`ALTER TABLE bulk_actions ADD CONSTRAINT bulk_actions_action_check
    CHECK (action in ('addTags', 'removeTags', 'setTier', 'setStatus', 'delete', 'export', 'sendMessage',
      'requestPaymentDetails'))`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DELETE FROM bulk_actions WHERE action = 'requestPaymentDetails'`.execute(db)
  await sql`ALTER TABLE bulk_actions DROP CONSTRAINT bulk_actions_action_check`.execute(db)
  await sql`ALTER TABLE bulk_actions ADD CONSTRAINT bulk_actions_action_check
    CHECK (action in ('addTags', 'removeTags', 'setTier', 'setStatus', 'delete', 'export', 'sendMessage'))`.execute(
    db,
  )
  await db.schema.dropTable('payment_details_requests').execute()
  await db.schema.dropTable('portal_sessions').execute()
  await db.schema.dropTable('portal_tokens').execute()
  await db.schema.dropTable('portal_settings').execute()
}
