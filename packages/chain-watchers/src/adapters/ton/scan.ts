import { normalizeTonAddress } from '../../address/ton.js'
import { InvalidInputError } from '../../errors.js'
import type { RpcPool } from '../../rpc/pool.js'
import type { AccountScanResult, TransferEvent } from '../types.js'
import type { TonContext } from './config.js'
import { decodeTonCursor, encodeTonCursor, type TonCursor } from './cursor.js'
import { incomingTransfer } from './events.js'
import { getHead } from './head.js'
import { historyPages } from './history.js'
import type { TonTransaction } from './parse.js'

export interface ScanAccountParameters {
  context: TonContext
  /** Raw or user-friendly. */
  account: string
  cursor: string | null
  /** Transactions read at most (default: the context's page size). */
  limit?: number
}

/**
 * The TON paid into `account` after `cursor`, reading at most `limit` transactions. toncenter lists an
 * account's history newest first, so a scan reads from the newest transaction back to the cursor and
 * returns what it read oldest first, the cursor moving to the newest. When more than `limit` transactions
 * arrived since, it returns the newest `limit` and a cursor that walks the rest of that backlog backwards
 * on the next calls (`more` is true until it reaches the old cursor): nothing is skipped or read twice,
 * but across the pages of one backlog, newer pages come first. Each event's blockRef is the masterchain
 * head read after the transactions, which commits them.
 */
export async function scanAccount(
  pool: RpcPool,
  { context, account, cursor, limit = context.pageSize }: ScanAccountParameters,
): Promise<AccountScanResult> {
  const raw = normalizeTonAddress(account, context.mode)
  if (!Number.isInteger(limit) || limit < 1) throw new InvalidInputError(`Invalid TON scan limit ${limit}`)
  const state = decodeTonCursor(cursor)
  const read: TonTransaction[] = []
  for await (const page of historyPages(pool, {
    account: raw,
    ...(state.walk ? { from: state.walk.next } : {}),
    after: state.done.lt,
    count: limit,
  })) {
    read.push(...page)
  }
  const newest = read[0]
  const oldest = read.at(-1)
  if (!newest || !oldest) return { events: [], cursor, more: false }

  const reached = oldest.prev.lt <= state.done.lt
  if (reached && (oldest.prev.lt !== state.done.lt || oldest.prev.hash !== state.done.hash)) {
    throw new InvalidInputError(`The TON scan cursor is not in the history of ${account}`, {
      details: `transaction ${oldest.id.lt} follows ${oldest.prev.lt}:${oldest.prev.hash}, not ${state.done.lt}:${state.done.hash}`,
    })
  }
  const top = state.walk?.top ?? newest.id
  const next: TonCursor = reached ? { done: top } : { done: state.done, walk: { top, next: oldest.prev } }
  return {
    events: await transfersOf(pool, context, read.reverse()),
    cursor: encodeTonCursor(next),
    more: !reached,
  }
}

/** The incoming transfers of `transactions`, in their order, blockRef'd by the head read now. */
export async function transfersOf(
  pool: RpcPool,
  context: TonContext,
  transactions: TonTransaction[],
): Promise<TransferEvent[]> {
  const paying = transactions.filter((t) => t.tx.inMessage?.info.type === 'internal')
  if (paying.length === 0) return []
  const head = await getHead(pool)
  const block = { number: head.number, hash: head.hash }
  return paying.flatMap((t) => incomingTransfer(context, t, block, head.number) ?? [])
}
