import type { AccountChainAdapter } from '@coinbook/chain-watchers'
import type { Kysely } from 'kysely'
import type { Database } from '../../../db/database.js'
import { recordScan } from '../../../observability/chain.js'
import {
  confirmationsAtHead,
  type IngestDeps,
  type IngestedPayment,
  prepareEvents,
  writeEvents,
} from './ingest.js'
import { ScanLeaseLostError } from './scan.js'

export interface ScanWalletsOptions {
  db: Kysely<Database>
  adapter: AccountChainAdapter
  ingest: Omit<IngestDeps, 'db' | 'confirmationsOf'>
  /** Transactions one page reads. */
  pageLimit?: number
  /** Pages one run reads per wallet; the next run goes on from the cursor. */
  maxPages?: number
  /** How long a scan may hold a wallet before another process may take over. */
  leaseMs?: number
}

export interface WalletScanResult {
  walletId: string
  pages: number
  payments: IngestedPayment[]
}

/**
 * One scan step for Solana or TON: pages every merchant wallet of the network (retired ones too, whose
 * customers may still pay) from its stored cursor. Each page's payments and the cursor after it commit
 * in one transaction — a crash before the commit reads the page again, after it repeats nothing.
 */
export async function scanWallets(opts: ScanWalletsOptions): Promise<WalletScanResult[]> {
  const wallets = await opts.db
    .selectFrom('wallets')
    .select(['id', 'address', 'display_address'])
    .where('network', '=', opts.adapter.network)
    .where('address', 'is not', null)
    .orderBy('id')
    .execute()
  const results: WalletScanResult[] = []
  for (const w of wallets) {
    const result = await scanWallet(opts, w.id, w.display_address ?? (w.address as string))
    if (result) results.push(result)
  }
  // Account networks have no block cursor: their head is recorded where it is read, and each wallet's cursor is its own.
  recordScan(
    opts.adapter.network,
    undefined,
    undefined,
    results.flatMap((r) => r.payments),
  )
  return results
}

async function scanWallet(
  opts: ScanWalletsOptions,
  walletId: string,
  address: string,
): Promise<WalletScanResult | null> {
  const { db, adapter } = opts
  await db
    .insertInto('wallet_cursors')
    .values({ wallet_id: walletId, cursor: null })
    .onConflict((oc) => oc.column('wallet_id').doNothing())
    .execute()
  // One scan of a wallet at a time, across processes: a lease on its cursor row, renewed with each page
  // written; its expiry time is the holder's token, checked in every commit (see scanNetwork).
  const leaseMs = opts.leaseMs ?? 60_000
  let lease = new Date(Date.now() + leaseMs)
  const leased = await db
    .updateTable('wallet_cursors')
    .set({ lease_until: lease })
    .where('wallet_id', '=', walletId)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', new Date())]))
    .returning('cursor')
    .executeTakeFirst()
  if (!leased) return null
  const result: WalletScanResult = { walletId, pages: 0, payments: [] }
  try {
    let cursor = leased.cursor
    for (let page = 0; page < (opts.maxPages ?? 20); page++) {
      const scanned = await adapter.scanAccount(address, cursor, { limit: opts.pageLimit ?? 100 })
      result.pages++
      const deps: IngestDeps = {
        ...opts.ingest,
        db,
        confirmationsOf: await confirmationsAtHead(adapter, scanned.events),
      }
      const prepared = await prepareEvents(deps, scanned.events)
      const next = scanned.cursor
      const renewed = new Date(Date.now() + leaseMs)
      const written = await db.transaction().execute(async (trx) => {
        const out = await writeEvents(trx, { ...deps, db: trx }, prepared)
        const moved = await trx
          .updateTable('wallet_cursors')
          .set({ cursor: next, lease_until: renewed, updated_at: new Date() })
          .where('wallet_id', '=', walletId)
          .where('lease_until', '=', lease)
          .executeTakeFirst()
        if (Number(moved.numUpdatedRows) === 0) throw new ScanLeaseLostError(`wallet ${walletId}`)
        return out
      })
      lease = renewed
      result.payments.push(...written)
      cursor = next
      if (!scanned.more) break
    }
  } finally {
    await db
      .updateTable('wallet_cursors')
      .set({ lease_until: null })
      .where('wallet_id', '=', walletId)
      .where('lease_until', '=', lease)
      .execute()
  }
  return result
}
