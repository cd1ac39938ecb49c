import { type Kysely, sql } from 'kysely'

// Migrations never change after they land: add a new file instead.
// Bulk actions learn to send a message to each selected customer (kind announcement, one per customer
// under the dedupe key bulk:<action>:<customer>); `skipped` counts those it could not reach (no email,
// unsubscribed from announcements, deleted since the action started).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE bulk_actions DROP CONSTRAINT bulk_actions_action_check`.execute(db)
  await sql`ALTER TABLE bulk_actions ADD CONSTRAINT bulk_actions_action_check
    CHECK (action in ('addTags', 'removeTags', 'setTier', 'setStatus', 'delete', 'export', 'sendMessage'))`.execute(
    db,
  )
  await sql`ALTER TABLE bulk_actions ADD COLUMN skipped integer NOT NULL DEFAULT 0`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE bulk_actions DROP COLUMN skipped`.execute(db)
  await sql`DELETE FROM bulk_actions WHERE action = 'sendMessage'`.execute(db)
  await sql`ALTER TABLE bulk_actions DROP CONSTRAINT bulk_actions_action_check`.execute(db)
  await sql`ALTER TABLE bulk_actions ADD CONSTRAINT bulk_actions_action_check
    CHECK (action in ('addTags', 'removeTags', 'setTier', 'setStatus', 'delete', 'export'))`.execute(db)
}
