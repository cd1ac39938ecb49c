import { InvalidInputError } from '../../errors.js'
import type { TxId } from './parse.js'

/**
 * Where the scan of one account stands. `done`: every transaction up to this one was returned (lt 0 before
 * the first). `walk`: a backlog longer than a page is being read backwards — the transactions from `top`
 * down to (not including) `next` were returned, those from `next` down to `done` are still to come.
 */
export interface TonCursor {
  done: TxId
  walk?: { top: TxId; next: TxId }
}

/** Before the account's first transaction. */
export const START: TxId = { lt: 0n, hash: '0'.repeat(64) }

const ID = /^(\d{1,20}):([0-9a-f]{64})$/

/**
 * The stored form: "lt:hash" of the newest transaction returned (hash in hex, like events' txHash), or,
 * while a backlog is being walked, "top/next/done" — three such ids.
 */
export function encodeTonCursor(cursor: TonCursor): string {
  const id = (t: TxId) => `${t.lt}:${t.hash}`
  return cursor.walk ? [cursor.walk.top, cursor.walk.next, cursor.done].map(id).join('/') : id(cursor.done)
}

/** Reads a stored cursor; null is the start of the account's history. */
export function decodeTonCursor(cursor: string | null): TonCursor {
  if (cursor === null) return { done: START }
  const ids = cursor.split('/').map((part) => {
    const m = ID.exec(part)
    if (!m) throw new InvalidInputError(`Not a TON scan cursor: ${cursor.slice(0, 200)}`)
    return { lt: BigInt(m[1]!), hash: m[2]! }
  })
  if (ids.length === 1) return { done: ids[0]! }
  const [top, next, done] = ids
  if (ids.length !== 3 || !(top!.lt >= next!.lt && next!.lt > done!.lt)) {
    throw new InvalidInputError(`Not a TON scan cursor: ${cursor.slice(0, 200)}`)
  }
  return { done: done!, walk: { top: top!, next: next! } }
}
