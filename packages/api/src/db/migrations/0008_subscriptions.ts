import { type Kysely, sql } from 'kysely'

// Migrations never change after they land: add a new file instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Invoices of the customer's subscriptions and installments are issued open (sent) instead of as drafts.
  await db.schema
    .alterTable('customers')
    .addColumn('auto_send', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute()

  await db.schema
    .createTable('plans')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('amount', 'numeric', (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('currency', sql`char(3)`, (c) => c.notNull())
    .addColumn('interval', 'text', (c) =>
      c.notNull().check(sql`interval in ('day', 'week', 'month', 'quarter', 'year')`),
    )
    .addColumn('interval_count', 'integer', (c) => c.notNull().defaultTo(1).check(sql`interval_count >= 1`))
    .addColumn('trial_days', 'integer', (c) => c.notNull().defaultTo(0).check(sql`trial_days >= 0`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('archived_at', 'timestamptz')
    .execute()
  await sql`CREATE INDEX plans_merchant_idx ON plans (merchant_id, id DESC)`.execute(db)

  // Period n starts at anchor_date + n × the plan's interval (counted from the anchor, so month ends keep
  // their day); period_index is the next period to issue and next_period_start its start.
  await db.schema
    .createTable('subscriptions')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id').onDelete('cascade'))
    .addColumn('customer_id', 'uuid', (c) => c.notNull().references('customers.id'))
    .addColumn('plan_id', 'uuid', (c) => c.notNull().references('plans.id'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('trialing', 'active', 'past_due', 'paused', 'canceled')`),
    )
    .addColumn('start_date', 'date', (c) => c.notNull())
    .addColumn('trial_end', 'date')
    .addColumn('anchor_date', 'date', (c) => c.notNull())
    .addColumn('period_index', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_period_start', 'date', (c) => c.notNull())
    // Cancel at period end: no period starting on or after this date is issued.
    .addColumn('cancel_at', 'date')
    .addColumn('canceled_at', 'timestamptz')
    .addColumn('cancel_reason', 'text', (c) =>
      c.check(sql`cancel_reason in ('requested', 'period_end', 'unpaid')`),
    )
    .addColumn('paused_at', 'timestamptz')
    .addColumn('past_due_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`CREATE INDEX subscriptions_list_idx ON subscriptions (merchant_id, id DESC)`.execute(db)
  await sql`CREATE INDEX subscriptions_customer_idx ON subscriptions (merchant_id, customer_id, id DESC)`.execute(
    db,
  )
  await sql`CREATE INDEX subscriptions_customer_fk_idx ON subscriptions (customer_id)`.execute(db)
  await sql`CREATE INDEX subscriptions_plan_fk_idx ON subscriptions (plan_id)`.execute(db)
  // What the billing job scans: live subscriptions by the start of their next period.
  await sql`CREATE INDEX subscriptions_due_idx ON subscriptions (next_period_start, id)
    WHERE status in ('trialing', 'active', 'past_due')`.execute(db)

  // One row per issued (subscription, period): the key that makes issuing idempotent across workers,
  // retries and restarts. The period is claimed before its invoice is numbered and written in the same
  // transaction, hence the deferred foreign key.
  await sql`CREATE TABLE subscription_periods (
    subscription_id uuid NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    period_start date NOT NULL,
    period_end date NOT NULL,
    period_index integer NOT NULL,
    invoice_id uuid NOT NULL UNIQUE REFERENCES invoices (id) DEFERRABLE INITIALLY DEFERRED,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (subscription_id, period_start)
  )`.execute(db)

  // Installments: one invoice per installment, grouped by the plan they were split from.
  await db.schema
    .createTable('installment_plans')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id').onDelete('cascade'))
    .addColumn('customer_id', 'uuid', (c) => c.notNull().references('customers.id'))
    .addColumn('currency', sql`char(3)`, (c) => c.notNull())
    .addColumn('subtotal', 'numeric', (c) => c.notNull())
    .addColumn('tax_total', 'numeric', (c) => c.notNull())
    .addColumn('total', 'numeric', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull().check(sql`count >= 2`))
    .addColumn('interval', 'text', (c) => c.notNull().check(sql`interval in ('week', 'month')`))
    .addColumn('first_due_date', 'date', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`CREATE INDEX installment_plans_merchant_idx ON installment_plans (merchant_id, id DESC)`.execute(
    db,
  )
  await sql`CREATE INDEX installment_plans_customer_fk_idx ON installment_plans (customer_id)`.execute(db)
  await db.schema
    .alterTable('invoices')
    .addColumn('installment_plan_id', 'uuid', (c) => c.references('installment_plans.id'))
    .addColumn('installment_index', 'integer')
    .execute()
  await sql`CREATE UNIQUE INDEX invoices_installment_uq ON invoices (installment_plan_id, installment_index)
    WHERE installment_plan_id IS NOT NULL`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS invoices_installment_uq`.execute(db)
  await db.schema.alterTable('invoices').dropColumn('installment_index').execute()
  await db.schema.alterTable('invoices').dropColumn('installment_plan_id').execute()
  for (const t of ['installment_plans', 'subscription_periods', 'subscriptions', 'plans']) {
    await db.schema.dropTable(t).ifExists().execute()
  }
  await db.schema.alterTable('customers').dropColumn('auto_send').execute()
}
