import type { ChainAdapter, ChainHead, WatchSet } from '@coinbook/chain-watchers'
import type { Kysely, Selectable } from 'kysely'
import type { ChainCursorsTable, Database } from '../../../db/database.js'
import { recordScan } from '../../../observability/chain.js'
import { type IngestDeps, type IngestedPayment, prepareEvents, writeEvents } from './ingest.js'
import { renumberLegacyTokenEvents } from './renumber-token-events.js'

export interface ScanOptions {
  db: Kysely<Database>
  adapter: ChainAdapter
  watch: WatchSet
  ingest: Omit<IngestDeps, 'db' | 'confirmationsOf'>
  /** Most blocks one run reads; the next run goes on from the cursor. */
  maxBlocks?: number
  /** How far back to look for the fork point when the cursor's block was reorged away. */
  maxReorgDepth?: number
  /** Where a network that was never scanned starts; default: the current head (no history). */
  startAt?: bigint
  /**
   * How long a scan may hold the network before another process may take over (default 60 s): a worker
   * killed mid-scan holds it no longer than this. A scan that outlives its lease and was taken over does
   * not commit (its lease is checked in the commit), so two scans never both move the cursor.
   */
  leaseMs?: number
}

export interface ScanRunResult {
  from: bigint
  to: bigint
  payments: IngestedPayment[]
  rewound: number
}

/**
 * One scan step for a network: read the cursor, step back past any reorg, scan the next blocks, and
 * write the payments and the new cursor in one transaction — a crash before the commit loses nothing
 * (the same blocks are read again) and after it repeats nothing.
 */
export async function scanNetwork(opts: ScanOptions): Promise<ScanRunResult | null> {
  const { db, adapter } = opts
  const network = adapter.network
  const head = await adapter.head()
  let cursor = await db
    .selectFrom('chain_cursors')
    .selectAll()
    .where('network', '=', network)
    .executeTakeFirst()

  if (!cursor) {
    const start = opts.startAt ?? head.number
    const ref = start === head.number ? head : { number: start - 1n, hash: '' }
    await db
      .insertInto('chain_cursors')
      .values({ network, block_number: ref.number, block_hash: ref.hash })
      .onConflict((oc) => oc.column('network').doNothing())
      .execute()
    cursor = await db
      .selectFrom('chain_cursors')
      .selectAll()
      .where('network', '=', network)
      .executeTakeFirstOrThrow()
  }

  // One scan of a network at a time, across processes: a lease on the cursor row, released at the end. Its
  // expiry time is also the holder's token.
  const lease = new Date(Date.now() + (opts.leaseMs ?? 60_000))
  const leased = await db
    .updateTable('chain_cursors')
    .set({ lease_until: lease })
    .where('network', '=', network)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', new Date())]))
    .executeTakeFirst()
  if (Number(leased.numUpdatedRows) === 0) return null
  try {
    return await scanLeased(opts, head, cursor, lease)
  } finally {
    await db
      .updateTable('chain_cursors')
      .set({ lease_until: null })
      .where('network', '=', network)
      .where('lease_until', '=', lease)
      .execute()
  }
}

/** A scan outlived its lease and another process took the network over; nothing was written. */
export class ScanLeaseLostError extends Error {
  override name = 'ScanLeaseLostError'
  constructor(readonly network: string) {
    super(`The scan of ${network} outlived its lease and another scan took over; nothing was written`)
  }
}

async function scanLeased(
  opts: ScanOptions,
  head: ChainHead,
  cursor: Selectable<ChainCursorsTable>,
  lease: Date,
): Promise<ScanRunResult | null> {
  const { db, adapter } = opts
  const network = adapter.network
  // A reorg under the cursor: resume from the newest checkpoint still on the canonical chain (blocks
  // are read again; ingest is idempotent), or from maxReorgDepth back when none is.
  let at = BigInt(cursor.block_number)
  let checkpoints = cursor.checkpoints
  let rewound = 0
  if (cursor.block_hash !== '' && !(await adapter.isCanonical({ number: at, hash: cursor.block_hash }))) {
    const maxDepth = BigInt(opts.maxReorgDepth ?? 100)
    let resume: bigint | undefined
    for (const c of checkpoints) {
      const ref = { number: BigInt(c.number), hash: c.hash }
      if (ref.number < at && (await adapter.isCanonical(ref))) {
        resume = ref.number
        break
      }
    }
    const floor = at - maxDepth
    const next = resume !== undefined && resume > floor ? resume : floor
    rewound = Number(at - next)
    checkpoints = checkpoints.filter((c) => BigInt(c.number) <= next)
    at = next
  }

  // Payments numbered the old way first, so that blocks read again find them under their numbers now.
  await renumberLegacyTokenEvents({ db, adapter })
  const from = at + 1n
  if (from > head.number) return null
  const last = from + BigInt((opts.maxBlocks ?? 500) - 1)
  const to = head.number < last ? head.number : last
  const scanned = await adapter.scan(from, to, opts.watch)
  const deps: IngestDeps = { ...opts.ingest, db, confirmationsOf: (e) => adapter.confirmations(e, head) }
  const prepared = await prepareEvents(deps, scanned.events)
  const payments = await db.transaction().execute(async (trx) => {
    const written = await writeEvents(trx, { ...deps, db: trx }, prepared)
    const moved = await trx
      .updateTable('chain_cursors')
      .set({
        block_number: scanned.last.number,
        block_hash: scanned.last.hash,
        checkpoints: JSON.stringify(
          [{ number: scanned.last.number.toString(), hash: scanned.last.hash }, ...checkpoints].slice(0, 64),
        ),
        updated_at: new Date(),
      })
      .where('network', '=', network)
      .where('lease_until', '=', lease)
      .executeTakeFirst()
    // Our lease ran out and another scan took the network: it reads these blocks again, we write nothing.
    if (Number(moved.numUpdatedRows) === 0) throw new ScanLeaseLostError(network)
    return written
  })
  recordScan(network, head.number, scanned.last.number, payments)
  return { from, to, payments, rewound }
}
