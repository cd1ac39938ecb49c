import { type Kysely, sql } from 'kysely'

// Reminders (modules/reminders): the merchant's time zone, reminder policies (the merchant's, and a
// customer's override) and one row per (invoice, step) decided, the key that makes reminders exactly-once.
// Migrations never change after they land: add a new file instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  // IANA zone of the merchant: reminders go at 09:00 there for customers without their own (null: UTC).
  await db.schema.alterTable('merchants').addColumn('timezone', 'text').execute()

  // A policy is a list of steps (modules/reminders/policy.ts); customer_id null is the merchant's own.
  await db.schema
    .createTable('reminder_policies')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id').onDelete('cascade'))
    .addColumn('customer_id', 'uuid', (c) => c.references('customers.id').onDelete('cascade'))
    .addColumn('steps', 'jsonb', (c) => c.notNull())
    // Days before a subscription's next period starts to send "renewal upcoming"; null sends none.
    .addColumn('renewal_notice_days', 'integer', (c) => c.check(sql`renewal_notice_days between 0 and 60`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`CREATE UNIQUE INDEX reminder_policies_merchant_idx ON reminder_policies (merchant_id)
    WHERE customer_id IS NULL`.execute(db)
  await sql`CREATE UNIQUE INDEX reminder_policies_customer_idx ON reminder_policies (customer_id)
    WHERE customer_id IS NOT NULL`.execute(db)

  // One row per step decided: sent (a message was queued, or suppressed by the mailer) or skipped (a run
  // that was missed sent a later step instead). Inserted in the transaction that queues the message, so
  // the unique keys make two workers, retries and restarts unable to send a step twice.
  await db.schema
    .createTable('reminder_sends')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id').onDelete('cascade'))
    .addColumn('invoice_id', 'uuid', (c) => c.references('invoices.id').onDelete('cascade'))
    .addColumn('subscription_id', 'uuid', (c) => c.references('subscriptions.id').onDelete('cascade'))
    // The policy step's key; for renewal notices "renewal:<period start>".
    .addColumn('step_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('sent', 'skipped')`))
    // When the step was due (09:00 local on its date) and when this run decided it.
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('message_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('reminder_sends_subject', sql`(invoice_id is null) <> (subscription_id is null)`)
    // NULLs are distinct: an invoice's rows and a subscription's never collide.
    .addUniqueConstraint('reminder_sends_invoice_step_key', ['invoice_id', 'step_key'])
    .addUniqueConstraint('reminder_sends_subscription_step_key', ['subscription_id', 'step_key'])
    .execute()
  await sql`CREATE INDEX reminder_sends_merchant_idx ON reminder_sends (merchant_id, created_at DESC)`.execute(
    db,
  )

  // What the reminder run reads: unpaid invoices by the dates their steps count from.
  await sql`CREATE INDEX invoices_unpaid_due_idx ON invoices (due_date, id)
    WHERE status in ('open', 'partially_paid')`.execute(db)
  await sql`CREATE INDEX invoices_unpaid_issue_idx ON invoices (issue_date, id)
    WHERE status in ('open', 'partially_paid')`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS invoices_unpaid_issue_idx`.execute(db)
  await sql`DROP INDEX IF EXISTS invoices_unpaid_due_idx`.execute(db)
  await db.schema.dropTable('reminder_sends').execute()
  await db.schema.dropTable('reminder_policies').execute()
  await db.schema.alterTable('merchants').dropColumn('timezone').execute()
}
