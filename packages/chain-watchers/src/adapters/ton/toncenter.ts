import { RpcError } from '../../errors.js'
import { expectOk, parseJson } from '../../rpc/http.js'
import type { RpcAttempt, RpcPool } from '../../rpc/pool.js'

/** A block id as toncenter writes it (`ton.blockIdExt`); hashes in base64. */
export interface ToncenterBlockId {
  workchain: number
  shard: string
  seqno: number
  root_hash: string
  file_hash: string
}

/** The fields of a `raw.transaction` the adapter reads; the rest it takes from the BOC in `data`. */
export interface ToncenterTransaction {
  utime: number
  /** The transaction cell, a base64 bag of cells. */
  data: string
  transaction_id: { lt: string; hash: string }
}

export interface GetTransactionsParameters {
  /** Any form toncenter reads; the adapter sends the raw one. */
  address: string
  /** 1–100. */
  limit: number
  /** Start at this transaction (included), newest first; the account's last one when absent. */
  from?: { lt: bigint; hash: string }
  /** Stop before the first transaction with an lt at or below this one. */
  toLt?: bigint
  /** Ask only liteservers with the full history (toncenter's `archival=true`). */
  archival?: boolean
}

type Params = Record<string, string | number | boolean | undefined>

/**
 * One toncenter API v2 call within an attempt: `GET /<method>?<params>`, answered `{ ok: true, result }`
 * or `{ ok: false, error, code }`. Non-2xx answers are judged by their status (429, 5xx retry; 416 and
 * 422 are about the request and fail fast); an `ok: false` on a 200 by its `code`.
 */
export async function toncenterCall(a: RpcAttempt, method: string, params: Params = {}): Promise<unknown> {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, String(value))
  const path = `/${method}${query.size > 0 ? `?${query}` : ''}`
  const body = parseJson(a, expectOk(a, await a.send(path)))
  if (typeof body !== 'object' || body === null) throw malformed(a, method, 'not an object')
  const reply = body as { ok?: unknown; result?: unknown; error?: unknown; code?: unknown }
  if (reply.ok === true && 'result' in reply) return reply.result
  if (reply.ok === false) {
    const code = typeof reply.code === 'number' ? reply.code : undefined
    const retryable = code === undefined || code === 429 || code >= 500
    throw new RpcError(
      a.network,
      a.url,
      `${method} failed: ${String(reply.error ?? 'no reason given')}`,
      retryable,
      {
        ...(code !== undefined ? { status: code } : {}),
      },
    )
  }
  throw malformed(a, method, 'neither ok nor an error')
}

/** `getTransactions`: one account's transactions, newest first, checked for shape (not yet parsed). */
export async function getTransactionsIn(
  a: RpcAttempt,
  { address, limit, from, toLt, archival }: GetTransactionsParameters,
): Promise<ToncenterTransaction[]> {
  const result = await toncenterCall(a, 'getTransactions', {
    address,
    limit,
    lt: from?.lt.toString(),
    // toncenter reads the hash in hex or base64; @ton/ton's client sends hex too.
    hash: from?.hash,
    to_lt: toLt !== undefined && toLt > 0n ? toLt.toString() : undefined,
    archival: archival ? true : undefined,
  })
  if (!Array.isArray(result)) throw malformed(a, 'getTransactions', 'result is not a list')
  return result.map((item, i) => {
    const t = item as Partial<ToncenterTransaction> | null
    if (
      typeof t?.utime !== 'number' ||
      typeof t.data !== 'string' ||
      typeof t.transaction_id?.lt !== 'string' ||
      !/^\d+$/.test(t.transaction_id.lt) ||
      typeof t.transaction_id.hash !== 'string'
    ) {
      throw malformed(a, 'getTransactions', `transaction ${i} lacks utime, data or transaction_id`)
    }
    return t as ToncenterTransaction
  })
}

/** `getMasterchainInfo`: the last masterchain block and the zerostate (`init`) the node's network began from. */
export function getMasterchainInfo(
  pool: RpcPool,
): Promise<{ last: ToncenterBlockId; init: ToncenterBlockId }> {
  return pool.request((a) => getMasterchainInfoIn(a))
}

export async function getMasterchainInfoIn(
  a: RpcAttempt,
): Promise<{ last: ToncenterBlockId; init: ToncenterBlockId }> {
  const result = (await toncenterCall(a, 'getMasterchainInfo')) as { last?: unknown; init?: unknown } | null
  return {
    last: blockId(a, 'getMasterchainInfo', result?.last),
    init: blockId(a, 'getMasterchainInfo', result?.init),
  }
}

/** `lookupBlock` of a masterchain block by seqno (one at or below the node's last block). */
export function lookupMasterchainBlock(pool: RpcPool, seqno: bigint): Promise<ToncenterBlockId> {
  return pool.request(async (a) => {
    const params = { workchain: -1, shard: MASTERCHAIN_SHARD, seqno: seqno.toString() }
    return blockId(a, 'lookupBlock', await toncenterCall(a, 'lookupBlock', params))
  })
}

/** The masterchain's only shard, as a signed 64-bit number. */
export const MASTERCHAIN_SHARD = '-9223372036854775808'

function blockId(a: RpcAttempt, method: string, value: unknown): ToncenterBlockId {
  const b = value as Partial<ToncenterBlockId> | null | undefined
  if (
    typeof b?.workchain !== 'number' ||
    typeof b.seqno !== 'number' ||
    !Number.isSafeInteger(b.seqno) ||
    typeof b.root_hash !== 'string' ||
    typeof b.file_hash !== 'string'
  ) {
    throw malformed(a, method, 'not a block id')
  }
  return { ...b, shard: String(b.shard) } as ToncenterBlockId
}

function malformed(a: RpcAttempt, method: string, why: string) {
  return new RpcError(a.network, a.url, `malformed answer to ${method}: ${why}`, true)
}
