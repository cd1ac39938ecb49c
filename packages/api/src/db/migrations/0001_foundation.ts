import { type Kysely, sql } from 'kysely'

// Migrations never change after they land: add a new file instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS citext`.execute(db)
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db)

  await db.schema
    .createTable('merchants')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('reporting_currency', sql`char(3)`, (c) => c.notNull().defaultTo('USD'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('users')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id').onDelete('cascade'))
    .addColumn('email', sql`citext`, (c) => c.notNull().unique())
    .addColumn('name', 'text')
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('owner', 'admin', 'viewer')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('users_merchant_idx').on('users').column('merchant_id').execute()

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id').onDelete('cascade'))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('sessions_expires_idx').on('sessions').column('expires_at').execute()

  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('owner', 'admin', 'viewer')`))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .execute()
  await db.schema.createIndex('api_keys_merchant_idx').on('api_keys').column('merchant_id').execute()

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'integer')
    .addColumn('response', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['merchant_id', 'key'])
    .execute()

  await db.schema
    .createTable('customers')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id').onDelete('cascade'))
    .addColumn('custom_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', sql`citext`)
    .addColumn('phone', 'text')
    .addColumn('company', 'text')
    .addColumn('job_title', 'text')
    .addColumn('billing_address', 'jsonb')
    .addColumn('shipping_address', 'jsonb')
    .addColumn('country', sql`char(2)`)
    .addColumn('timezone', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('active').check(sql`status in ('active', 'inactive', 'suspended')`),
    )
    .addColumn('type', 'text', (c) =>
      c.notNull().defaultTo('individual').check(sql`type in ('individual', 'business', 'organization')`),
    )
    .addColumn('tax_id', 'text')
    .addColumn('vat_number', 'text')
    .addColumn('tags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('tier', 'text', (c) => c.check(sql`tier in ('bronze', 'silver', 'gold', 'platinum')`))
    .addColumn('notes', 'text')
    .addColumn('custom_fields', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('preferred_fiat', sql`char(3)`)
    .addColumn('payment_terms_days', 'integer')
    .addColumn('payment_limits', 'jsonb')
    .addColumn('registration_date', 'date', (c) => c.notNull().defaultTo(sql`current_date`))
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('manual'))
    .addColumn('merged_into_id', 'uuid', (c) => c.references('customers.id'))
    // One lower-cased text over the searchable fields, so a single trigram index serves `q`.
    .addColumn('search', 'text', (c) =>
      c
        .generatedAlwaysAs(
          sql`lower(coalesce(name, '') || ' ' || coalesce(email::text, '') || ' ' || coalesce(phone, '') || ' ' || coalesce(company, '') || ' ' || coalesce(custom_id, ''))`,
        )
        .stored(),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('deleted_at', 'timestamptz')
    .execute()

  // Live customers only: a deleted or merged profile frees its email and custom id.
  await sql`CREATE UNIQUE INDEX customers_email_uq ON customers (merchant_id, email) WHERE deleted_at IS NULL AND email IS NOT NULL`.execute(
    db,
  )
  await sql`CREATE UNIQUE INDEX customers_custom_id_uq ON customers (merchant_id, custom_id) WHERE deleted_at IS NULL AND custom_id IS NOT NULL`.execute(
    db,
  )
  await sql`CREATE INDEX customers_list_idx ON customers (merchant_id, id DESC) WHERE deleted_at IS NULL`.execute(
    db,
  )
  await sql`CREATE INDEX customers_name_idx ON customers (merchant_id, lower(name), id) WHERE deleted_at IS NULL`.execute(
    db,
  )
  await sql`CREATE INDEX customers_search_trgm ON customers USING gin (search gin_trgm_ops)`.execute(db)
  await sql`CREATE INDEX customers_tags_idx ON customers USING gin (tags)`.execute(db)
  // Foreign keys are checked from the referenced side on delete: without these, deleting a customer
  // (or a merchant) scans every customer.
  await sql`CREATE INDEX customers_merged_into_idx ON customers (merged_into_id) WHERE merged_into_id IS NOT NULL`.execute(
    db,
  )
  await sql`CREATE INDEX customers_phone_idx ON customers (merchant_id, phone) WHERE deleted_at IS NULL AND phone IS NOT NULL`.execute(
    db,
  )
  await sql`CREATE INDEX customers_name_company_idx ON customers (merchant_id, lower(name), lower(company)) WHERE deleted_at IS NULL`.execute(
    db,
  )

  await db.schema
    .createTable('customer_preferences')
    .addColumn('customer_id', 'uuid', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('asset', 'text', (c) => c.notNull())
    .addColumn('network', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('customer_preferences_pk', ['customer_id', 'position'])
    .addUniqueConstraint('customer_preferences_pair_uq', ['customer_id', 'asset', 'network'])
    .execute()

  await db.schema
    .createTable('customer_stats')
    .addColumn('customer_id', 'uuid', (c) => c.primaryKey().references('customers.id').onDelete('cascade'))
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id').onDelete('cascade'))
    .addColumn('lifetime_value', 'numeric', (c) => c.notNull().defaultTo(0))
    .addColumn('payment_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_payment_at', 'timestamptz')
    .addColumn('last_payment_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`CREATE INDEX customer_stats_ltv_idx ON customer_stats (merchant_id, lifetime_value DESC, customer_id DESC)`.execute(
    db,
  )

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id').onDelete('cascade'))
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'uuid')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'uuid', (c) => c.notNull())
    .addColumn('data', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createIndex('audit_log_subject_idx')
    .on('audit_log')
    .columns(['merchant_id', 'subject_type', 'subject_id', 'created_at'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'audit_log',
    'customer_stats',
    'customer_preferences',
    'customers',
    'idempotency_keys',
    'api_keys',
    'sessions',
    'users',
    'merchants',
  ]) {
    await db.schema.dropTable(t).ifExists().execute()
  }
}
