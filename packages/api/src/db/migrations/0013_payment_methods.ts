import { type Kysely, sql } from 'kysely'

// Migrations never change after they land: add a new file instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  // What the sender paid the network for the transaction (base units of the network's native asset), when
  // the chain told it; and how the payment found its customer.
  await db.schema
    .alterTable('payments')
    .addColumn('network_fee', 'numeric', (c) => c.check(sql`network_fee >= 0`))
    .addColumn('matched_by', 'text', (c) =>
      c.check(sql`matched_by in ('address', 'reference', 'memo', 'quote', 'sender', 'manual')`),
    )
    .execute()
  // Payments recorded before: by the deposit target they paid (a Solana/TON target without the payment
  // carrying its reference or comment was an open quote's exact amount), or assigned by hand.
  await sql`
    UPDATE payments p SET matched_by = CASE
      WHEN p.deposit_target_id IS NULL THEN 'manual'
      WHEN p.reference IS NOT NULL THEN 'reference'
      WHEN p.memo IS NOT NULL AND p.network = 'ton' THEN 'memo'
      WHEN p.network IN ('solana', 'ton') THEN 'quote'
      ELSE 'address' END
    WHERE p.customer_id IS NOT NULL`.execute(db)

  // The wallets customers paid from (learned from each attributed payment's sender) or that the merchant
  // added. One row per (address, customer): an address with rows for several customers is shared (an
  // exchange's hot wallet) and never recognises anyone.
  await db.schema
    .createTable('payer_wallets')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id').onDelete('cascade'))
    .addColumn('customer_id', 'uuid', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('network', 'text', (c) => c.notNull())
    // Normalised (what a payment's sender is compared with); display_address as first seen or typed.
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('display_address', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('learned', 'manual')`))
    .addColumn('shared', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('payment_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_seen_at', 'timestamptz')
    .addColumn('last_seen_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  // Sender lookups go by (merchant, network, address); the customer's tab by customer.
  await sql`CREATE UNIQUE INDEX payer_wallets_uq ON payer_wallets (merchant_id, network, address, customer_id)`.execute(
    db,
  )
  await sql`CREATE INDEX payer_wallets_customer_idx ON payer_wallets (customer_id, network)`.execute(db)
  await sql`
    INSERT INTO payer_wallets (id, merchant_id, customer_id, network, address, display_address, source,
      payment_count, first_seen_at, last_seen_at)
    SELECT gen_random_uuid(), p.merchant_id, p.customer_id, p.network,
      CASE WHEN p.network IN ('ethereum', 'bsc', 'arbitrum') THEN lower(p.from_address) ELSE p.from_address END,
      min(p.from_address), 'learned', count(*),
      min(coalesce(p.block_time, p.detected_at)), max(coalesce(p.block_time, p.detected_at))
    FROM payments p
    WHERE p.customer_id IS NOT NULL AND p.from_address IS NOT NULL AND p.status <> 'failed'
      AND p.network <> 'ton' -- TON senders are stored user-friendly; normalised (raw) ones are learned anew
    GROUP BY p.merchant_id, p.customer_id, p.network,
      CASE WHEN p.network IN ('ethereum', 'bsc', 'arbitrum') THEN lower(p.from_address) ELSE p.from_address END`.execute(
    db,
  )
  await sql`
    UPDATE payer_wallets w SET shared = true
    WHERE (SELECT count(*) FROM payer_wallets o
           WHERE o.merchant_id = w.merchant_id AND o.network = w.network AND o.address = w.address) > 1`.execute(
    db,
  )

  // Where to send a refund, one address per network (with a comment for TON exchanges).
  await db.schema
    .createTable('refund_addresses')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id').onDelete('cascade'))
    .addColumn('customer_id', 'uuid', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('display_address', 'text', (c) => c.notNull())
    .addColumn('memo', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`CREATE UNIQUE INDEX refund_addresses_uq ON refund_addresses (customer_id, network)`.execute(db)

  // Addresses on derived networks (EVM, Bitcoin, Tron) that the merchant gives to everyone, like the Solana
  // and TON wallets: payments to them are recognised by sender or open quote, else wait in the inbox.
  await db.schema
    .createTable('shared_receiving_addresses')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull().references('merchants.id').onDelete('cascade'))
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('display_address', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  // An address receives for one merchant: its payments must have one owner.
  await sql`CREATE UNIQUE INDEX shared_receiving_addresses_uq ON shared_receiving_addresses (network, address)`.execute(
    db,
  )
  await sql`CREATE INDEX shared_receiving_addresses_merchant_idx ON shared_receiving_addresses (merchant_id)`.execute(
    db,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['shared_receiving_addresses', 'refund_addresses', 'payer_wallets']) {
    await db.schema.dropTable(t).ifExists().execute()
  }
  await db.schema.alterTable('payments').dropColumn('matched_by').dropColumn('network_fee').execute()
}
