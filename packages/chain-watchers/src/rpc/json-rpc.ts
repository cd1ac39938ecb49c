import { RpcError } from '../errors.js'
import { JsonRpcError } from './errors.js'
import { expectOk, jsonInit, parseJson } from './http.js'
import type { RpcAttempt, RpcPool } from './pool.js'

export interface JsonRpcCall {
  method: string
  params?: readonly unknown[]
}

/** One answer of a batch: the result, or the JSON-RPC error the node gave for that call alone. */
export type JsonRpcOutcome = { ok: true; result: unknown } | { ok: false; error: JsonRpcError }

/** Calls one JSON-RPC method through the pool (EVM nodes, Bitcoin Core, Solana). */
export function jsonRpc<T = unknown>(
  pool: RpcPool,
  method: string,
  params: readonly unknown[] = [],
): Promise<T> {
  return pool.request((a) => callJsonRpc<T>(a, method, params))
}

/** Calls one method within an attempt, e.g. from a pool's `prepare` hook. */
export async function callJsonRpc<T = unknown>(
  a: RpcAttempt,
  method: string,
  params: readonly unknown[] = [],
): Promise<T> {
  const reply = await post(a, { jsonrpc: '2.0', id: 1, method, params })
  const outcome = readReply(a, reply, method)
  if (!outcome.ok) throw outcome.error
  return outcome.result as T
}

/**
 * Sends several calls in one HTTP request. The batch is retried as a whole on transport failures and on
 * a retryable error in any answer; other per-call errors are returned in place.
 */
export function jsonRpcBatch(pool: RpcPool, calls: readonly JsonRpcCall[]): Promise<JsonRpcOutcome[]> {
  return pool.request(async (a) => {
    const reply = await post(
      a,
      calls.map((c, id) => ({ jsonrpc: '2.0', id, method: c.method, params: c.params ?? [] })),
    )
    if (!Array.isArray(reply)) {
      // A node without batch support answers a single error object for the whole request.
      const outcome = readReply(a, reply, 'batch')
      throw outcome.ok ? malformed(a, 'batch', 'not an array') : outcome.error
    }
    const byId = new Map<unknown, unknown>(reply.map((r) => [(r as { id?: unknown } | null)?.id, r]))
    return calls.map((c, id) => {
      if (!byId.has(id)) throw malformed(a, c.method, `no answer for id ${id}`)
      const outcome = readReply(a, byId.get(id), c.method)
      if (!outcome.ok && outcome.error.retryable) throw outcome.error
      return outcome
    })
  })
}

export interface JsonRpcBatcher {
  request<T = unknown>(method: string, params?: readonly unknown[]): Promise<T>
}

/**
 * Collects the calls made in the same tick (up to `maxSize`) into one batch request: fetching a thousand
 * blocks costs ten HTTP round trips, not a thousand.
 */
export function createJsonRpcBatcher(
  pool: RpcPool,
  { maxSize = 100, waitMs = 0 }: { maxSize?: number; waitMs?: number } = {},
): JsonRpcBatcher {
  type Pending = JsonRpcCall & { resolve(v: unknown): void; reject(e: unknown): void }
  let queue: Pending[] = []
  let timer: ReturnType<typeof setTimeout> | undefined

  function flush() {
    clearTimeout(timer)
    timer = undefined
    const batch = queue
    queue = []
    if (batch.length === 1) {
      const [only] = batch as [Pending]
      jsonRpc(pool, only.method, only.params).then(only.resolve, only.reject)
      return
    }
    jsonRpcBatch(pool, batch).then(
      (outcomes) => {
        outcomes.forEach((o, i) => {
          const p = batch[i]!
          if (o.ok) p.resolve(o.result)
          else p.reject(o.error)
        })
      },
      (error) => {
        for (const p of batch) p.reject(error)
      },
    )
  }

  return {
    request<T>(method: string, params: readonly unknown[] = []) {
      return new Promise<T>((resolve, reject) => {
        queue.push({ method, params, resolve: resolve as (v: unknown) => void, reject })
        if (maxSize <= 1 || queue.length >= maxSize) flush()
        else timer ??= setTimeout(flush, waitMs)
      })
    },
  }
}

// A non-2xx answer may still carry a JSON-RPC error (Bitcoin Core answers 500 with one), which says more
// than the status; only when it does not is the status judged.
async function post(a: RpcAttempt, body: unknown): Promise<unknown> {
  const res = await a.send('', jsonInit(body))
  if (res.status >= 200 && res.status < 300) return parseJson(a, res)
  let parsed: unknown
  try {
    parsed = parseJson(a, res)
  } catch {
    expectOk(a, res)
  }
  if (isErrorReply(parsed)) return { ...parsed, status: res.status }
  expectOk(a, res)
  return parsed
}

function readReply(a: RpcAttempt, reply: unknown, method: string): JsonRpcOutcome {
  if (typeof reply !== 'object' || reply === null) throw malformed(a, method, 'not an object')
  const r = reply as { result?: unknown; status?: number }
  if (isErrorReply(r)) {
    const { code, message, data } = r.error
    return { ok: false, error: new JsonRpcError(a.network, a.url, method, code, message, data, r.status) }
  }
  if (!('result' in r)) throw malformed(a, method, 'neither result nor error')
  return { ok: true, result: r.result }
}

function isErrorReply<R>(r: R): r is R & { error: { code: number; message: string; data?: unknown } } {
  const e = (r as { error?: { code?: unknown; message?: unknown } } | null)?.error
  return typeof e === 'object' && e !== null && typeof e.code === 'number'
}

function malformed(a: RpcAttempt, method: string, why: string) {
  return new RpcError(a.network, a.url, `malformed JSON-RPC answer to ${method}: ${why}`, true)
}
