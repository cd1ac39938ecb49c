import { type Kysely, sql } from 'kysely'

// Migrations never change after they land: add a new file instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The merchant's receiving setup per network: an account xpub to derive from, or one address
  // (Solana, TON) that customers pay with a reference or comment.
  await db.schema
    .createTable('wallets')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id').onDelete('cascade'))
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('xpub', 'text')
    .addColumn('scheme', 'text')
    .addColumn('address', 'text')
    .addColumn('next_index', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // A replaced key is retired, not deleted: the addresses already given out stay watched.
    .addColumn('retired_at', 'timestamptz')
    .addCheckConstraint('wallets_key_or_address', sql`xpub IS NOT NULL OR address IS NOT NULL`)
    .execute()
  await sql`CREATE UNIQUE INDEX wallets_active_uq ON wallets (merchant_id, network) WHERE retired_at IS NULL`.execute(
    db,
  )

  // What a customer pays to. `address` is the normalised form the watchers compare; `display_address`
  // the one shown (EIP-55 checksummed, for instance).
  await db.schema
    .createTable('deposit_targets')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id').onDelete('cascade'))
    .addColumn('customer_id', 'uuid', (c) => c.notNull().references('customers.id'))
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('display_address', 'text', (c) => c.notNull())
    .addColumn('memo', 'text')
    .addColumn('reference', 'text')
    .addColumn('wallet_id', 'uuid', (c) => c.references('wallets.id'))
    .addColumn('derivation_index', 'integer')
    .addColumn('derivation_path', 'text')
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('derived', 'attached')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  // No address (with its memo/reference) ever belongs to two customers; no index is given twice.
  await sql`CREATE UNIQUE INDEX deposit_targets_target_uq ON deposit_targets (network, address, coalesce(memo, ''), coalesce(reference, ''))`.execute(
    db,
  )
  await sql`CREATE UNIQUE INDEX deposit_targets_index_uq ON deposit_targets (wallet_id, derivation_index) WHERE derivation_index IS NOT NULL`.execute(
    db,
  )
  await sql`CREATE INDEX deposit_targets_customer_fk_idx ON deposit_targets (customer_id)`.execute(db)
  await sql`CREATE INDEX deposit_targets_customer_idx ON deposit_targets (merchant_id, customer_id, network, id DESC)`.execute(
    db,
  )

  await db.schema
    .createTable('payments')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id').onDelete('cascade'))
    .addColumn('customer_id', 'uuid', (c) => c.references('customers.id'))
    .addColumn('deposit_target_id', 'uuid', (c) => c.references('deposit_targets.id'))
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('asset', 'text', (c) => c.notNull())
    .addColumn('tx_hash', 'text', (c) => c.notNull())
    .addColumn('event_index', 'integer', (c) => c.notNull())
    .addColumn('from_address', 'text')
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('contract', 'text')
    .addColumn('memo', 'text')
    .addColumn('reference', 'text')
    .addColumn('amount', 'numeric', (c) => c.notNull())
    .addColumn('decimals', 'integer', (c) => c.notNull())
    .addColumn('fiat_currency', sql`char(3)`, (c) => c.notNull())
    .addColumn('fiat_value', 'numeric')
    .addColumn('rate', 'numeric')
    .addColumn('rate_source', 'text')
    .addColumn('block_number', 'bigint')
    .addColumn('block_hash', 'text')
    .addColumn('block_time', 'timestamptz')
    .addColumn('confirmations', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('pending', 'confirmed', 'failed', 'reorged')`),
    )
    // Whether this payment's value is in customer_stats now; flips exactly when the stats change.
    .addColumn('counted', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('detected_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('confirmed_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('payments_event_uq', ['network', 'tx_hash', 'event_index'])
    .execute()
  await sql`CREATE INDEX payments_merchant_idx ON payments (merchant_id, id DESC)`.execute(db)
  // For the foreign keys' checks when a customer or target is deleted, and the stats' first/last payment.
  await sql`CREATE INDEX payments_customer_fk_idx ON payments (customer_id) WHERE customer_id IS NOT NULL`.execute(
    db,
  )
  await sql`CREATE INDEX payments_target_fk_idx ON payments (deposit_target_id) WHERE deposit_target_id IS NOT NULL`.execute(
    db,
  )
  await sql`CREATE INDEX payments_customer_idx ON payments (merchant_id, customer_id, id DESC)`.execute(db)
  // The confirmation job walks payments by network and block, from the oldest not yet final.
  await sql`CREATE INDEX payments_block_idx ON payments (network, block_number)`.execute(db)
  await sql`CREATE INDEX payments_pending_idx ON payments (network) WHERE status = 'pending'`.execute(db)

  // Where each network's scan has got to, with the hash of that block to notice a reorg beneath it.
  await db.schema
    .createTable('chain_cursors')
    .addColumn('network', 'text', (c) => c.primaryKey())
    .addColumn('block_number', 'bigint', (c) => c.notNull())
    .addColumn('block_hash', 'text', (c) => c.notNull())
    // The last blocks scans ended on, newest first: where to resume when a reorg takes the cursor's block.
    .addColumn('checkpoints', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    // One scan of a network at a time across every worker: a lease taken with a conditional update.
    .addColumn('lease_until', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['chain_cursors', 'payments', 'deposit_targets', 'wallets']) {
    await db.schema.dropTable(t).ifExists().execute()
  }
}
