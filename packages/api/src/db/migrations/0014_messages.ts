import { randomBytes } from 'node:crypto'
import { type Kysely, sql } from 'kysely'

// Migrations never change after they land: add a new file instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The communication log and the mail outbox in one: a row per message, rendered when it was queued so the
  // log shows exactly what went out. The sender claims due queued rows (send_after) with a lease.
  await db.schema
    .createTable('messages')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id').onDelete('cascade'))
    .addColumn('customer_id', 'uuid', (c) => c.references('customers.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().defaultTo('email'))
    .addColumn('to_address', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('headers', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('suppressed_reason', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('dedupe_key', 'text')
    .addColumn('invoice_id', 'uuid')
    .addColumn('payment_id', 'uuid')
    .addColumn('subscription_id', 'uuid')
    .addColumn('resent_from_id', 'uuid')
    .addColumn('send_after', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('lease_until', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('sent_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('messages_status_check', sql`status IN ('queued', 'sent', 'failed', 'suppressed')`)
    .execute()
  // NULL keys never conflict, so only deduplicated messages are unique; ON CONFLICT needs a plain index.
  await sql`CREATE UNIQUE INDEX messages_dedupe_idx ON messages (merchant_id, dedupe_key)`.execute(db)
  await sql`CREATE INDEX messages_merchant_idx ON messages (merchant_id, id DESC)`.execute(db)
  await sql`CREATE INDEX messages_customer_idx ON messages (merchant_id, customer_id, id DESC)`.execute(db)
  await sql`CREATE INDEX messages_due_idx ON messages (send_after) WHERE status = 'queued'`.execute(db)

  // What a merchant changed of a kind's default template (subject and text blocks); no row: the default.
  await db.schema
    .createTable('email_templates')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('blocks', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('email_templates_pkey', ['merchant_id', 'kind'])
    .execute()

  await db.schema
    .createTable('email_settings')
    .addColumn('merchant_id', 'uuid', (c) => c.primaryKey().references('merchants.id').onDelete('cascade'))
    .addColumn('sender_name', 'text')
    .addColumn('reply_to', 'text')
    .addColumn('welcome_enabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  // A customer's "no more of this kind" (unsubscribe link); transactional kinds ignore it.
  await db.schema
    .createTable('message_opt_outs')
    .addColumn('customer_id', 'uuid', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('message_opt_outs_pkey', ['customer_id', 'kind'])
    .execute()

  // Keys the server signs with (unsubscribe links) when COINBOOK_SECRET is unset: made once, shared by every
  // process on this database, stable across restarts.
  await db.schema
    .createTable('instance_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`INSERT INTO instance_secrets (name, value) VALUES ('signing', ${randomBytes(32).toString('base64url')})`.execute(
    db,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('instance_secrets').execute()
  await db.schema.dropTable('message_opt_outs').execute()
  await db.schema.dropTable('email_settings').execute()
  await db.schema.dropTable('email_templates').execute()
  await db.schema.dropTable('messages').execute()
}
