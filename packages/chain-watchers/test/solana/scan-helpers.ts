import type { SolanaAdapter } from '../../src/adapters/solana/index.js'
import type { TransferEvent } from '../../src/adapters/types.js'

/** Pages a wallet's history from `cursor` until the adapter says nothing more waits. */
export async function scanAll(
  adapter: SolanaAdapter,
  wallet: string,
  cursor: string | null,
  limit?: number,
): Promise<{ events: TransferEvent[]; cursor: string | null; pages: number }> {
  const events: TransferEvent[] = []
  let pages = 0
  for (;;) {
    const page = await adapter.scanAccount(wallet, cursor, limit === undefined ? {} : { limit })
    pages++
    events.push(...page.events)
    cursor = page.cursor
    if (!page.more) return { events, cursor, pages }
    if (pages > 500) throw new Error('the scan never ends')
  }
}

/** The identity of an event, what a payment row is unique on. */
export const identity = (e: TransferEvent) => `${e.txHash}#${e.eventIndex}`
