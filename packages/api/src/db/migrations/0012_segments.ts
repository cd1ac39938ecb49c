import { type Kysely, sql } from 'kysely'

// Custom segments, the built-ins' thresholds, the merchant's country (local vs international) and bulk
// actions with their snapshot of customers. Migrations never change after they land: add a new file instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('merchants').addColumn('country', sql`char(2)`).execute()

  await db.schema
    .createTable('segments')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('rule', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`CREATE UNIQUE INDEX segments_name_uq ON segments (merchant_id, lower(name))`.execute(db)

  // One row per merchant that changed a default; no row means every default.
  await db.schema
    .createTable('segment_settings')
    .addColumn('merchant_id', 'uuid', (c) => c.primaryKey().references('merchants.id').onDelete('cascade'))
    .addColumn('settings', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('bulk_actions')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id').onDelete('cascade'))
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'uuid')
    .addColumn('action', 'text', (c) =>
      c.notNull().check(sql`action in ('addTags', 'removeTags', 'setTier', 'setStatus', 'delete', 'export')`),
    )
    .addColumn('selection', 'jsonb', (c) => c.notNull())
    .addColumn('params', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('queued', 'running', 'completed', 'failed')`),
    )
    // How many customers the selection matched when it was asked for (what a delete confirmed).
    .addColumn('matched', 'integer', (c) => c.notNull())
    // The snapshot's size, once taken; then processed moves up to it batch by batch.
    .addColumn('total', 'integer')
    .addColumn('processed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('changed', 'integer', (c) => c.notNull().defaultTo(0))
    // The last customer id done: batches go in id order, so a retried job resumes after it.
    .addColumn('cursor', 'uuid')
    .addColumn('failure', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`CREATE INDEX bulk_actions_merchant_idx ON bulk_actions (merchant_id, id DESC)`.execute(db)

  // The customers a bulk action works on, fixed when it starts (a segment's members may change as it runs).
  await sql`CREATE TABLE bulk_action_items (
    bulk_action_id uuid NOT NULL REFERENCES bulk_actions (id) ON DELETE CASCADE,
    customer_id uuid NOT NULL,
    PRIMARY KEY (bulk_action_id, customer_id)
  )`.execute(db)

  // An export action's file, written a batch at a time with the cursor.
  await sql`CREATE TABLE bulk_action_chunks (
    bulk_action_id uuid NOT NULL REFERENCES bulk_actions (id) ON DELETE CASCADE,
    seq integer NOT NULL,
    data bytea NOT NULL,
    PRIMARY KEY (bulk_action_id, seq)
  )`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'bulk_action_chunks',
    'bulk_action_items',
    'bulk_actions',
    'segment_settings',
    'segments',
  ]) {
    await db.schema.dropTable(t).ifExists().execute()
  }
  await db.schema.alterTable('merchants').dropColumn('country').execute()
}
