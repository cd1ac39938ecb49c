import { type Kysely, sql } from 'kysely'

// Migrations never change after they land: add a new file instead.
//
// EVM token payments were numbered eventIndex = 1 + their Transfer log's position among all the logs of
// the transaction's receipt; they are now 1 + its ordinal among the transaction's Transfer logs of the
// known tokens, which a scan reads from eth_getLogs without the receipt (chain-watchers' EVM adapter).
// The new number needs the receipt, so SQL cannot compute it: this lists the payments whose number may
// change, and the scan (before it reads the chain) and verify (before it ingests the transaction) renumber
// them from their receipts (renumberLegacyTokenEvents), removing them from the list. eventIndex 1 was
// position 0, which is ordinal 0 under both: only larger ones are listed.
//
// The partial index finds the payments whose network fee a scan left unread (EVM token payments), for
// the confirmation job to fill in from their receipts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE evm_event_renumbering (
    payment_id uuid PRIMARY KEY REFERENCES payments (id) ON DELETE CASCADE,
    network text NOT NULL,
    tx_hash text NOT NULL
  )`.execute(db)
  await sql`CREATE INDEX evm_event_renumbering_tx_idx ON evm_event_renumbering (network, tx_hash)`.execute(db)
  await sql`INSERT INTO evm_event_renumbering (payment_id, network, tx_hash)
    SELECT id, network, tx_hash FROM payments
    WHERE network IN ('ethereum', 'bsc', 'arbitrum') AND contract IS NOT NULL AND event_index > 1`.execute(db)
  await sql`CREATE INDEX payments_fee_unread_idx ON payments (network, tx_hash)
    WHERE network_fee IS NULL AND block_hash IS NOT NULL AND status <> 'reorged'`.execute(db)
}

// Payments already renumbered keep their new numbers: code from before this migration would record their
// transactions' token transfers again under the old numbers.
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX payments_fee_unread_idx`.execute(db)
  await sql`DROP TABLE evm_event_renumbering`.execute(db)
}
