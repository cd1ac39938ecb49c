import { type Kysely, sql } from 'kysely'

// Migrations never change after they land: add a new file instead.
// Refunds the merchant sent back for a payment (issue 7): the coin amount in the payment's base units, where
// it went, the refund's own transaction when known, and its fiat value (the payment's fiat value pro rata,
// in the payment's fiat currency), which comes off the customer's lifetime value while the payment counts.
// No customer column: a refund is its payment's, and follows it through a merge.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('refunds')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id').onDelete('cascade'))
    .addColumn('payment_id', 'uuid', (c) => c.notNull().references('payments.id').onDelete('cascade'))
    .addColumn('amount', 'numeric', (c) => c.notNull().check(sql`amount > 0 and amount = trunc(amount)`))
    .addColumn('fiat_value', 'numeric', (c) => c.check(sql`fiat_value >= 0`))
    // Normalised (what the chain compares); display_address as typed or saved.
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('display_address', 'text', (c) => c.notNull())
    .addColumn('memo', 'text')
    .addColumn('tx_hash', 'text')
    .addColumn('note', 'text')
    .addColumn('actor_type', 'text', (c) =>
      c.notNull().check(sql`actor_type in ('user', 'api_key', 'system')`),
    )
    .addColumn('actor_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  // A payment's refunds (its detail, the refunded sums the lists show, the metrics' refresh).
  await sql`CREATE INDEX refunds_payment_idx ON refunds (payment_id, id)`.execute(db)
  // One on-chain refund transaction is recorded once per payment.
  await sql`CREATE UNIQUE INDEX refunds_tx_uq ON refunds (payment_id, tx_hash) WHERE tx_hash IS NOT NULL`.execute(
    db,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('refunds').execute()
}
