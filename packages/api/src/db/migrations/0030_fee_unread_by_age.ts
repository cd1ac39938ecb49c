import { type Kysely, sql } from 'kysely'

// Migrations never change after they land: add a new file instead.
//
// payments_fee_unread_idx (0028) finds the payments whose network fee the confirmation job still has to read.
// Keyed by transaction hash, every new payment landed on a random leaf of the index: on 10M payments that is
// a random page read, and later written, per payment ingested, in an index of ~1 GB that does not stay in
// PostgreSQL's buffers. Keyed by id (UUIDv7, time-ordered), new payments append at its right edge, and the
// job reads the oldest first.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX payments_fee_unread_idx`.execute(db)
  await sql`CREATE INDEX payments_fee_unread_idx ON payments (network, id)
    WHERE network_fee IS NULL AND block_hash IS NOT NULL AND status <> 'reorged'`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX payments_fee_unread_idx`.execute(db)
  await sql`CREATE INDEX payments_fee_unread_idx ON payments (network, tx_hash)
    WHERE network_fee IS NULL AND block_hash IS NOT NULL AND status <> 'reorged'`.execute(db)
}
