import { type Kysely, sql } from 'kysely'

// Migrations never change after they land: add a new file instead.

/**
 * Customer imports: the import record (options, progress, counts), its upload kept as raw chunks until
 * it has been imported (so a job on any worker can read it, and a dry run can be confirmed without a
 * second upload), the per-row error report, and an unlogged staging table the rows are validated into
 * before one set-based write.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('customer_imports')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id').onDelete('cascade'))
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'uuid')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('queued', 'running', 'validated', 'completed', 'failed')`),
    )
    .addColumn('dry_run', 'boolean', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('csv', 'jsonl', 'json')`))
    .addColumn('file_name', 'text')
    .addColumn('encoding', 'text')
    .addColumn('delimiter', 'text')
    .addColumn('options', 'jsonb', (c) => c.notNull())
    .addColumn('columns', 'jsonb')
    .addColumn('bytes', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('total_rows', 'integer')
    .addColumn('processed_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('phase', 'text')
    .addColumn('counts', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failure', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`CREATE INDEX customer_imports_merchant_idx ON customer_imports (merchant_id, id DESC)`.execute(db)

  // The upload as received (UTF-8 or Windows-1252), in order; deleted once imported or after a day.
  await db.schema
    .createTable('customer_import_chunks')
    .addColumn('import_id', 'uuid', (c) => c.notNull().references('customer_imports.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('data', 'bytea', (c) => c.notNull())
    .addPrimaryKeyConstraint('customer_import_chunks_pk', ['import_id', 'seq'])
    .execute()

  await db.schema
    .createTable('customer_import_errors')
    // Orders a row's several errors, and lets the report page through them.
    .addColumn('seq', 'bigint', (c) => c.generatedByDefaultAsIdentity().primaryKey())
    .addColumn('import_id', 'uuid', (c) => c.notNull().references('customer_imports.id').onDelete('cascade'))
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('column_name', 'text')
    .addColumn('field', 'text')
    .addColumn('value', 'text')
    .addColumn('message', 'text', (c) => c.notNull())
    .execute()
  await sql`CREATE INDEX customer_import_errors_line_idx ON customer_import_errors (import_id, line)`.execute(
    db,
  )

  // Validated rows waiting for the write. Unlogged: it is scratch space a crash may lose (the job starts
  // over from the upload), so it skips the write-ahead log. No foreign key: a million checks per import.
  await sql`CREATE UNLOGGED TABLE customer_import_rows (
    import_id uuid NOT NULL,
    line integer NOT NULL,
    id uuid NOT NULL,
    mask integer NOT NULL,
    name text,
    custom_id text,
    email citext,
    phone text,
    company text,
    job_title text,
    billing_address jsonb,
    shipping_address jsonb,
    country text,
    timezone text,
    status text,
    type text,
    tax_id text,
    vat_number text,
    tags text[],
    tier text,
    notes text,
    custom_fields jsonb,
    cf_set jsonb,
    cf_unset text[],
    preferred_fiat text,
    payment_terms_days integer,
    payment_limits jsonb,
    registration_date date,
    preferred_coins jsonb,
    action text,
    target_id uuid,
    PRIMARY KEY (import_id, line)
  )`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'customer_import_rows',
    'customer_import_errors',
    'customer_import_chunks',
    'customer_imports',
  ]) {
    await db.schema.dropTable(t).ifExists().execute()
  }
}
