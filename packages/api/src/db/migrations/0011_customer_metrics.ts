import { type Kysely, sql } from 'kysely'

// The per-customer metrics (modules/analytics/metrics.ts defines them), kept in customer_stats by the
// payment and invoice transactions, and the indexes the list's metric sorts and the analytics walk.
// Migrations never change after they land: add a new file instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('customer_stats')
    .addColumn('success_rate', 'numeric')
    .addColumn('avg_days_to_pay', 'numeric')
    .addColumn('on_time_rate', 'numeric')
    .addColumn('median_interval_days', 'numeric')
    .addColumn('payments_per_30d', 'numeric')
    .addColumn('top_asset', 'text')
    .addColumn('top_network', 'text')
    .addColumn('invoices_paid_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('invoices_settled_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('paid_on_time_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()

  // The coin mix: confirmed payments per (asset, network), volume in base units, value in the
  // merchant's reporting currency.
  await db.schema
    .createTable('customer_asset_stats')
    .addColumn('customer_id', 'uuid', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id').onDelete('cascade'))
    .addColumn('asset', 'text', (c) => c.notNull())
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('payment_count', 'integer', (c) => c.notNull())
    .addColumn('volume', 'numeric', (c) => c.notNull())
    .addColumn('fiat_value', 'numeric', (c) => c.notNull())
    .addPrimaryKeyConstraint('customer_asset_stats_pk', ['customer_id', 'asset', 'network'])
    .execute()

  // One index per sortable metric, in the list's keyset order. A customer without the figure (no
  // invoices, a single payment) sorts as -1: last when descending, first when ascending.
  for (const col of [
    'success_rate',
    'avg_days_to_pay',
    'on_time_rate',
    'median_interval_days',
    'payments_per_30d',
  ]) {
    await sql`CREATE INDEX ${sql.raw(`customer_stats_${col}_idx`)} ON customer_stats (merchant_id, (coalesce(${sql.ref(col)}, -1)) DESC, customer_id DESC)`.execute(
      db,
    )
  }
  await sql`CREATE INDEX customer_stats_payment_count_idx ON customer_stats (merchant_id, payment_count DESC, customer_id DESC)`.execute(
    db,
  )
  await sql`CREATE INDEX customer_stats_last_payment_idx ON customer_stats (merchant_id, (coalesce(last_payment_at, '-infinity'::timestamptz)) DESC, customer_id DESC)`.execute(
    db,
  )
  // New paying customers in a range, and the cohorts (month of first payment).
  await sql`CREATE INDEX customer_stats_first_payment_idx ON customer_stats (merchant_id, first_payment_at) WHERE first_payment_at IS NOT NULL`.execute(
    db,
  )

  // A customer's confirmed payments in time order: the upkeep's recompute and the read-time trend.
  await sql`CREATE INDEX payments_customer_counted_idx ON payments (customer_id, (coalesce(block_time, detected_at))) INCLUDE (fiat_value) WHERE counted`.execute(
    db,
  )
  // The merchant's payments over a date range, covering what the analytics sum (index-only scans).
  await sql`CREATE INDEX payments_merchant_time_idx ON payments (merchant_id, (coalesce(block_time, detected_at))) INCLUDE (status, counted, customer_id, asset, network, fiat_value, amount, decimals)`.execute(
    db,
  )
  // Invoices paid in a range (average days to pay).
  await sql`CREATE INDEX invoices_paid_idx ON invoices (merchant_id, paid_at) WHERE paid_at IS NOT NULL`.execute(
    db,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const idx of [
    'invoices_paid_idx',
    'payments_merchant_time_idx',
    'payments_customer_counted_idx',
    'customer_stats_first_payment_idx',
    'customer_stats_last_payment_idx',
    'customer_stats_payment_count_idx',
    'customer_stats_success_rate_idx',
    'customer_stats_avg_days_to_pay_idx',
    'customer_stats_on_time_rate_idx',
    'customer_stats_median_interval_days_idx',
    'customer_stats_payments_per_30d_idx',
  ]) {
    await sql`DROP INDEX IF EXISTS ${sql.raw(idx)}`.execute(db)
  }
  await db.schema.dropTable('customer_asset_stats').ifExists().execute()
  let alter = db.schema.alterTable('customer_stats').dropColumn('success_rate')
  for (const col of [
    'avg_days_to_pay',
    'on_time_rate',
    'median_interval_days',
    'payments_per_30d',
    'top_asset',
    'top_network',
    'invoices_paid_count',
    'invoices_settled_count',
    'paid_on_time_count',
  ]) {
    alter = alter.dropColumn(col)
  }
  await alter.execute()
}
