import { type Kysely, sql } from 'kysely'

// Migrations never change after they land: add a new file instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A tax-exempt customer is billed without the merchant's tax rates.
  await db.schema
    .alterTable('customers')
    .addColumn('tax_exempt', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute()

  // One row per merchant: the invoice number counter (updated in the creating transaction, so a number is
  // never given twice) and the billing settings.
  await db.schema
    .createTable('invoice_settings')
    .addColumn('merchant_id', 'uuid', (c) => c.primaryKey().references('merchants.id').onDelete('cascade'))
    .addColumn('number_prefix', 'text', (c) => c.notNull().defaultTo('INV-'))
    .addColumn('next_number', 'bigint', (c) => c.notNull().defaultTo(1))
    // An invoice paid within this share of its total counts as paid.
    .addColumn('underpayment_tolerance_percent', 'numeric', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`underpayment_tolerance_percent >= 0 and underpayment_tolerance_percent <= 100`),
    )
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('tax_rates')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('percentage', 'numeric', (c) => c.notNull().check(sql`percentage >= 0 and percentage <= 100`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('archived_at', 'timestamptz')
    .execute()
  await sql`CREATE INDEX tax_rates_merchant_idx ON tax_rates (merchant_id, id)`.execute(db)

  await db.schema
    .createTable('invoices')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id').onDelete('cascade'))
    .addColumn('customer_id', 'uuid', (c) => c.notNull().references('customers.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('draft', 'open', 'partially_paid', 'paid', 'overpaid', 'void')`),
    )
    .addColumn('currency', sql`char(3)`, (c) => c.notNull())
    .addColumn('subtotal', 'numeric', (c) => c.notNull())
    .addColumn('tax_total', 'numeric', (c) => c.notNull())
    .addColumn('total', 'numeric', (c) => c.notNull().check(sql`total > 0`))
    // Confirmed on-chain, off-chain and credit applications; kept by syncInvoice from invoice_payments.
    .addColumn('amount_paid', 'numeric', (c) => c.notNull().defaultTo(0))
    .addColumn('issue_date', 'date', (c) => c.notNull())
    .addColumn('due_date', 'date', (c) => c.notNull())
    .addColumn('accepts', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('memo', 'text')
    // The public pay link's token: 32 random bytes, base64url. Kept (not hashed) so the merchant can copy
    // the link again; it opens this invoice's public view and nothing else.
    .addColumn('pay_token', 'text', (c) => c.unique())
    .addColumn('paid_late', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('sent_at', 'timestamptz')
    .addColumn('paid_at', 'timestamptz')
    .addColumn('voided_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('invoices_number_uq', ['merchant_id', 'number'])
    .execute()
  await sql`CREATE INDEX invoices_list_idx ON invoices (merchant_id, id DESC)`.execute(db)
  await sql`CREATE INDEX invoices_status_idx ON invoices (merchant_id, status, id DESC)`.execute(db)
  await sql`CREATE INDEX invoices_customer_idx ON invoices (merchant_id, customer_id, id DESC)`.execute(db)
  await sql`CREATE INDEX invoices_customer_fk_idx ON invoices (customer_id)`.execute(db)
  await sql`CREATE INDEX invoices_due_idx ON invoices (merchant_id, due_date) WHERE status in ('open', 'partially_paid')`.execute(
    db,
  )

  await db.schema
    .createTable('invoice_lines')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('invoice_id', 'uuid', (c) => c.notNull().references('invoices.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('quantity', 'numeric', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('unit_amount', 'numeric', (c) => c.notNull().check(sql`unit_amount >= 0`))
    .addColumn('amount', 'numeric', (c) => c.notNull())
    // The rate as it was when the line was written: a later change of the merchant's rate leaves it be.
    .addColumn('tax_rate_id', 'uuid', (c) => c.references('tax_rates.id'))
    .addColumn('tax_name', 'text')
    .addColumn('tax_percentage', 'numeric')
    .addUniqueConstraint('invoice_lines_position_uq', ['invoice_id', 'position'])
    .execute()
  await sql`CREATE INDEX invoice_lines_tax_rate_fk_idx ON invoice_lines (tax_rate_id) WHERE tax_rate_id IS NOT NULL`.execute(
    db,
  )

  // A quote fixes the crypto amount of what is due at one rate until expires_at, on a target of its own.
  await db.schema
    .createTable('invoice_quotes')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id').onDelete('cascade'))
    .addColumn('invoice_id', 'uuid', (c) => c.notNull().references('invoices.id').onDelete('cascade'))
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
  await sql`CREATE INDEX invoice_quotes_invoice_idx ON invoice_quotes (invoice_id, id DESC)`.execute(db)

  // A quote's target belongs to its invoice: the customer's stable address never becomes one.
  await db.schema
    .alterTable('deposit_targets')
    .addColumn('invoice_id', 'uuid', (c) => c.references('invoices.id'))
    .execute()
  await sql`CREATE INDEX deposit_targets_invoice_idx ON deposit_targets (invoice_id) WHERE invoice_id IS NOT NULL`.execute(
    db,
  )
  await db.schema
    .alterTable('payments')
    .addColumn('invoice_id', 'uuid', (c) => c.references('invoices.id'))
    .execute()
  await sql`CREATE INDEX payments_invoice_idx ON payments (invoice_id) WHERE invoice_id IS NOT NULL`.execute(
    db,
  )

  // What was applied to an invoice: an on-chain payment (counts while it is confirmed), a payment made
  // outside Coinbook, or the customer's credit. `amount` is in the invoice's currency.
  await db.schema
    .createTable('invoice_payments')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id').onDelete('cascade'))
    .addColumn('invoice_id', 'uuid', (c) => c.notNull().references('invoices.id').onDelete('cascade'))
    .addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('onchain', 'offchain', 'credit')`))
    .addColumn('payment_id', 'uuid', (c) => c.unique().references('payments.id'))
    .addColumn('quote_id', 'uuid', (c) => c.references('invoice_quotes.id'))
    .addColumn('amount', 'numeric')
    .addColumn('rate', 'numeric')
    .addColumn('late', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('note', 'text')
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'invoice_payments_onchain_has_payment',
      sql`(method = 'onchain') = (payment_id IS NOT NULL)`,
    )
    .execute()
  await sql`CREATE INDEX invoice_payments_invoice_idx ON invoice_payments (invoice_id, id)`.execute(db)
  await sql`CREATE INDEX invoice_payments_quote_fk_idx ON invoice_payments (quote_id) WHERE quote_id IS NOT NULL`.execute(
    db,
  )

  await db.schema
    .createTable('invoice_events')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('invoice_id', 'uuid', (c) => c.notNull().references('invoices.id').onDelete('cascade'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute()
  await sql`CREATE INDEX invoice_events_invoice_idx ON invoice_events (invoice_id, id)`.execute(db)

  // The customer's credit, per currency, as a ledger: an invoice's excess (overpayment, or what was paid
  // on an invoice that was voided) adds, credit used on an invoice subtracts. The balance is the sum.
  await db.schema
    .createTable('customer_credit_entries')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id').onDelete('cascade'))
    .addColumn('customer_id', 'uuid', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('currency', sql`char(3)`, (c) => c.notNull())
    .addColumn('amount', 'numeric', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('excess', 'applied')`))
    .addColumn('invoice_id', 'uuid', (c) => c.references('invoices.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`CREATE INDEX customer_credit_customer_idx ON customer_credit_entries (merchant_id, customer_id, currency)`.execute(
    db,
  )
  await sql`CREATE INDEX customer_credit_customer_fk_idx ON customer_credit_entries (customer_id)`.execute(db)
  await sql`CREATE INDEX customer_credit_invoice_idx ON customer_credit_entries (invoice_id) WHERE invoice_id IS NOT NULL`.execute(
    db,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('customer_credit_entries').ifExists().execute()
  await db.schema.dropTable('invoice_events').ifExists().execute()
  await db.schema.dropTable('invoice_payments').ifExists().execute()
  await sql`DROP INDEX IF EXISTS payments_invoice_idx`.execute(db)
  await db.schema.alterTable('payments').dropColumn('invoice_id').execute()
  await sql`DROP INDEX IF EXISTS deposit_targets_invoice_idx`.execute(db)
  await db.schema.alterTable('deposit_targets').dropColumn('invoice_id').execute()
  for (const t of ['invoice_quotes', 'invoice_lines', 'invoices', 'tax_rates', 'invoice_settings']) {
    await db.schema.dropTable(t).ifExists().execute()
  }
  await db.schema.alterTable('customers').dropColumn('tax_exempt').execute()
}
