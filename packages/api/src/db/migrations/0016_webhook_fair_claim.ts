import { type Kysely, sql } from 'kysely'

// Migrations never change after they land: add a new file instead.
// The dispatcher claims each enabled endpoint's oldest due deliveries (a LATERAL per endpoint, so one
// endpoint's backlog cannot fill a claim): this index answers "endpoint X's due deliveries, oldest first"
// without walking every due row of every other endpoint.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX webhook_deliveries_endpoint_due_idx ON webhook_deliveries (endpoint_id, next_attempt_at) WHERE status = 'pending'`.execute(
    db,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS webhook_deliveries_endpoint_due_idx`.execute(db)
}
