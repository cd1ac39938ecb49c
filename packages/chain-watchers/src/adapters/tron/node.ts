import { RpcError } from '../../errors.js'
import { expectOk, jsonInit } from '../../rpc/http.js'
import type { RpcAttempt, RpcPool } from '../../rpc/pool.js'
import { parseNodeJson } from './json.js'
import {
  isEmptyAnswer,
  MalformedAnswerError,
  readBlock,
  readTransaction,
  readTransactionInfo,
  type TronBlock,
  type TronTransaction,
  type TronTransactionInfo,
} from './wire.js'

const decoder = new TextDecoder()

/**
 * POSTs `body` to a full-node HTTP API path through the pool (timeouts, retries, failover) and reads the
 * answer with `read`.
 */
export function callNode<T>(
  pool: RpcPool,
  path: string,
  body: Record<string, unknown>,
  read: (json: unknown) => T,
): Promise<T> {
  return pool.request((a) => sendNode(a, path, body, read))
}

/**
 * One try of a call against one URL. A body that is not JSON, java-tron's `{"Error": …}` and an answer
 * of the wrong shape are retryable RpcErrors, so the pool tries again or fails over as for a network error.
 */
export async function sendNode<T>(
  a: RpcAttempt,
  path: string,
  body: Record<string, unknown>,
  read: (json: unknown) => T,
): Promise<T> {
  const text = decoder.decode(expectOk(a, await a.send(path, jsonInit(body))).body)
  let json: unknown
  try {
    json = parseNodeJson(text)
  } catch (cause) {
    throw new RpcError(a.network, a.url, `invalid JSON in the answer to ${path}`, true, {
      details: excerpt(text),
      cause,
    })
  }
  const error = (json as { Error?: unknown } | null)?.Error
  // java-tron answers a request its servlet could not serve with HTTP 200 and {"Error": "class …: …"}.
  if (typeof error === 'string') throw refused(a, path, error)
  try {
    return read(json)
  } catch (cause) {
    if (!(cause instanceof MalformedAnswerError)) throw cause
    throw new RpcError(a.network, a.url, `unexpected answer to ${path}: ${cause.message}`, true, {
      details: excerpt(text),
      cause,
    })
  }
}

/** The latest block's header (`/wallet/getnowblock`). */
export function getNowBlock(pool: RpcPool): Promise<TronBlock> {
  return callNode(pool, '/wallet/getnowblock', {}, (json) => readBlock(json, false))
}

/** The latest solidified (irreversible) block's header (`/walletsolidity/getnowblock`). */
export function getSolidifiedBlock(pool: RpcPool): Promise<TronBlock> {
  return callNode(pool, '/walletsolidity/getnowblock', {}, (json) => readBlock(json, false))
}

/** The canonical block at a height, with its transactions when asked; undefined above the head. */
export function getBlockByNum(
  pool: RpcPool,
  num: bigint,
  withTransactions = true,
): Promise<TronBlock | undefined> {
  return callNode(pool, '/wallet/getblockbynum', { num: Number(num) }, (json) =>
    isEmptyAnswer(json) ? undefined : readBlock(json, withTransactions),
  )
}

/**
 * Blocks `start`..`end - 1` with their transactions (at most 100), in order. Blocks above the node's head
 * are simply missing from the answer.
 */
export function getBlocksByLimitNext(pool: RpcPool, start: bigint, end: bigint): Promise<TronBlock[]> {
  return callNode(
    pool,
    '/wallet/getblockbylimitnext',
    { startNum: Number(start), endNum: Number(end) },
    (json) => {
      if (isEmptyAnswer(json)) return []
      const blocks = (json as { block?: unknown }).block
      if (!Array.isArray(blocks)) throw new MalformedAnswerError('block is not a list')
      return blocks.map((b) => readBlock(b)).sort((x, y) => (x.number < y.number ? -1 : 1))
    },
  )
}

/** The TransactionInfo of every transaction in the canonical block at `num` (none above the head). */
export function getTransactionInfoByBlockNum(pool: RpcPool, num: bigint): Promise<TronTransactionInfo[]> {
  return callNode(pool, '/wallet/gettransactioninfobyblocknum', { num: Number(num) }, (json) => {
    if (isEmptyAnswer(json)) return []
    if (!Array.isArray(json)) throw new MalformedAnswerError('the answer is not a list')
    return json.map(readTransactionInfo)
  })
}

/** A mined transaction by id; undefined when no block of the canonical chain holds it. */
export function getTransactionById(pool: RpcPool, txid: string): Promise<TronTransaction | undefined> {
  return callNode(pool, '/wallet/gettransactionbyid', { value: txid }, (json) => sameId(json, txid))
}

/** A transaction waiting in the node's pending pool; undefined when it is not there. */
export function getTransactionFromPending(pool: RpcPool, txid: string): Promise<TronTransaction | undefined> {
  return callNode(pool, '/wallet/gettransactionfrompending', { value: txid }, (json) => sameId(json, txid))
}

/** The execution result of a mined transaction; undefined while it is not in a block. */
export function getTransactionInfoById(
  pool: RpcPool,
  txid: string,
): Promise<TronTransactionInfo | undefined> {
  return callNode(pool, '/wallet/gettransactioninfobyid', { value: txid }, (json) => {
    if (isEmptyAnswer(json)) return undefined
    const info = readTransactionInfo(json)
    if (info.id !== txid) throw new MalformedAnswerError(`asked for ${txid}, got the info of ${info.id}`)
    return info
  })
}

function sameId(json: unknown, txid: string): TronTransaction | undefined {
  if (isEmptyAnswer(json)) return undefined
  const tx = readTransaction(json)
  if (tx.txID !== txid) throw new MalformedAnswerError(`asked for ${txid}, got ${tx.txID}`)
  return tx
}

function refused(a: RpcAttempt, path: string, error: string) {
  // The request was checked before it left, so the node's own state is at fault: another try or URL may do.
  return new RpcError(a.network, a.url, `${path} failed on the node`, true, { details: excerpt(error) })
}

function excerpt(text: string) {
  return text.length > 200 ? `${text.slice(0, 200)}… (${text.length} chars)` : text
}
