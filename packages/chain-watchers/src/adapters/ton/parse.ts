import type { Cell, Transaction } from '@ton/core'
import { RpcError } from '../../errors.js'
import type { RpcAttempt } from '../../rpc/pool.js'
import type { ToncenterTransaction } from './toncenter.js'

/** A transaction's place in its account's history: logical time and hash (hex). */
export interface TxId {
  lt: bigint
  hash: string
}

/** A transaction of one account, parsed from its BOC and checked against the id toncenter gave. */
export interface TonTransaction {
  id: TxId
  /** The account's previous transaction (lt 0 before its first): how pages are chained and checked. */
  prev: TxId
  utime: number
  tx: Transaction
  /** The hash (hex) of the incoming message cell, which explorers show as the message hash. */
  inMessageHash: string | undefined
}

let core: Promise<typeof import('@ton/core')> | undefined
/** @ton/core (~15 MB of memory) loads with the first transaction parsed, not in every process. */
const tonCore = () => (core ??= import('@ton/core'))

/**
 * Parses toncenter's `data` with @ton/core inside the attempt: a BOC that does not parse, whose hash or lt
 * is not the one toncenter listed, or a transaction of another account is a retryable RpcError (a proxy
 * garbled the answer or the node is broken; another try or URL may do better).
 */
export async function parseTransaction(
  a: RpcAttempt,
  item: ToncenterTransaction,
  accountHash: string,
): Promise<TonTransaction> {
  const { Cell, loadTransaction } = await tonCore()
  const { lt, hash } = item.transaction_id
  const wrong = (why: string, cause?: unknown) =>
    new RpcError(a.network, a.url, `transaction ${lt}:${hash} ${why}`, true, cause ? { cause } : {})
  let cell: Cell
  let tx: Transaction
  try {
    const roots = Cell.fromBoc(Buffer.from(item.data, 'base64'))
    if (roots.length !== 1) throw new Error(`${roots.length} roots`)
    cell = roots[0]!
    tx = loadTransaction(cell.beginParse())
  } catch (error) {
    throw wrong('does not parse', error)
  }
  const id = { lt: tx.lt, hash: cell.hash().toString('hex') }
  if (id.hash !== hashHex(hash) || id.lt.toString() !== lt) throw wrong(`is in fact ${id.lt}:${id.hash}`)
  if (tx.address.toString(16).padStart(64, '0') !== accountHash) throw wrong('belongs to another account')
  return {
    id,
    prev: { lt: tx.prevTransactionLt, hash: tx.prevTransactionHash.toString(16).padStart(64, '0') },
    utime: item.utime,
    tx,
    inMessageHash: inMessageCell(cell)?.hash().toString('hex'),
  }
}

/** toncenter writes hashes in base64; hex is accepted too. */
export function hashHex(hash: string): string {
  return /^[0-9a-fA-F]{64}$/.test(hash) ? hash.toLowerCase() : Buffer.from(hash, 'base64').toString('hex')
}

// transaction$0111 … ^[ in_msg:(Maybe ^(Message Any)) out_msgs:(HashmapE 15 ^(Message Any)) ] …: the
// message cell as it travelled, whose hash explorers list (re-serialising the parsed one could differ).
function inMessageCell(transaction: Cell): Cell | undefined {
  const messages = transaction.refs[0]?.beginParse()
  return messages?.loadBit() ? messages.loadRef() : undefined
}
