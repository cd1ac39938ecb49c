import { RpcError } from '../../errors.js'
import type { RpcAttempt, RpcPool } from '../../rpc/pool.js'
import { TONCENTER_MAX_LIMIT } from './config.js'
import { parseTransaction, type TonTransaction, type TxId } from './parse.js'
import { getTransactionsIn } from './toncenter.js'

export interface HistoryParameters {
  /** The account, raw "wc:hex". */
  account: string
  /** Start at this transaction (included); at the account's newest when absent. */
  from?: TxId
  /** Read nothing at or below this logical time (0: down to the account's first transaction). */
  after?: bigint
  /** At most this many transactions in all. */
  count: number
}

/**
 * An account's transactions newest first, in pages of up to 100 (toncenter's maximum), each page fetched,
 * parsed and checked in one attempt: every transaction must be the previous one's `prev` link, so a node
 * that skips or reorders one is retried rather than believed. Stops after `count` transactions, at
 * `after`, or at the account's first transaction.
 */
export async function* historyPages(
  pool: RpcPool,
  { account, from, after = 0n, count }: HistoryParameters,
): AsyncGenerator<TonTransaction[]> {
  const accountHash = account.slice(account.indexOf(':') + 1)
  let anchor = from
  let read = 0
  while (read < count) {
    const limit = Math.min(TONCENTER_MAX_LIMIT, count - read)
    const page = await pool.request(async (a) => {
      // Pages below the top reach into history that only archival liteservers may still keep.
      const items = await getTransactionsIn(a, {
        address: account,
        limit,
        from: anchor,
        toLt: after,
        archival: !!anchor,
      })
      const parsed = await Promise.all(
        items.slice(0, limit).map((item) => parseTransaction(a, item, accountHash)),
      )
      checkChain(a, parsed, anchor, after)
      return parsed
    })
    if (page.length > 0) yield page
    read += page.length
    const last = page.at(-1)
    if (!last || last.prev.lt <= after) return
    anchor = last.prev
  }
}

function checkChain(a: RpcAttempt, page: TonTransaction[], anchor: TxId | undefined, after: bigint) {
  const broken = (why: string) => new RpcError(a.network, a.url, `getTransactions: ${why}`, true)
  if (anchor && page.length === 0) {
    throw broken(`no transaction at ${anchor.lt}:${anchor.hash}, which the account's history links to`)
  }
  page.forEach((t, i) => {
    const expected = i === 0 ? anchor : page[i - 1]!.prev
    if (expected && (t.id.lt !== expected.lt || t.id.hash !== expected.hash)) {
      throw broken(`expected transaction ${expected.lt}:${expected.hash}, got ${t.id.lt}:${t.id.hash}`)
    }
    if (t.id.lt <= after) throw broken(`transaction ${t.id.lt} is at or below to_lt ${after}`)
  })
}
