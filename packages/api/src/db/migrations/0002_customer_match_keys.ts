import { type Kysely, sql } from 'kysely'

// Migrations never change after they land: add a new file instead.

const phoneDigits = sql`regexp_replace(phone, '[^0-9]', '', 'g')`
const email = sql`lower(email::text)`
const local = sql`split_part(split_part(${email}, '@', 1), '+', 1)`
const domain = sql`split_part(${email}, '@', 2)`

/**
 * Normalised keys that find likely duplicates through an index instead of a scan of every customer:
 * `email_key` drops case and a `+tag` (and dots, for Gmail), `phone_key` keeps the digits. The search
 * text gains the phone's digits, so "912345678" finds "+351 912 345 678".
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One ALTER, so the table is rewritten once; dropping `search` drops its trigram index.
  await sql`ALTER TABLE customers
    DROP COLUMN search,
    ADD COLUMN search text GENERATED ALWAYS AS (lower(coalesce(name, '') || ' ' || coalesce(email::text, '') || ' ' || coalesce(phone, '') || ' ' || coalesce(company, '') || ' ' || coalesce(custom_id, '') || ' ' || coalesce(${phoneDigits}, ''))) STORED,
    ADD COLUMN email_key text GENERATED ALWAYS AS (
      CASE WHEN ${domain} IN ('gmail.com', 'googlemail.com') THEN replace(${local}, '.', '') || '@gmail.com'
      ELSE ${local} || '@' || ${domain} END) STORED,
    ADD COLUMN phone_key text GENERATED ALWAYS AS (nullif(${phoneDigits}, '')) STORED`.execute(db)
  await sql`CREATE INDEX customers_search_trgm ON customers USING gin (search gin_trgm_ops)`.execute(db)
  await sql`CREATE INDEX customers_email_key_idx ON customers (merchant_id, email_key, id) WHERE deleted_at IS NULL AND email_key IS NOT NULL`.execute(
    db,
  )
  await sql`CREATE INDEX customers_phone_key_idx ON customers (merchant_id, phone_key, id) WHERE deleted_at IS NULL AND length(phone_key) >= 7`.execute(
    db,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE customers
    DROP COLUMN email_key,
    DROP COLUMN phone_key,
    DROP COLUMN search,
    ADD COLUMN search text GENERATED ALWAYS AS (lower(coalesce(name, '') || ' ' || coalesce(email::text, '') || ' ' || coalesce(phone, '') || ' ' || coalesce(company, '') || ' ' || coalesce(custom_id, ''))) STORED`.execute(
    db,
  )
  await sql`CREATE INDEX customers_search_trgm ON customers USING gin (search gin_trgm_ops)`.execute(db)
}
