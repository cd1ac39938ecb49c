import { RpcError } from '../errors.js'
import { RpcRateLimitedError } from './errors.js'
import type { RpcAttempt, RpcPool, RpcResponse } from './pool.js'

/** GETs `path` below the URL and parses the JSON body (Esplora, Tron's HTTP API, toncenter). */
export function getJson<T = unknown>(pool: RpcPool, path: string): Promise<T> {
  return pool.request(async (a) => parseJson(a, expectOk(a, await a.send(path))) as T)
}

/** GETs `path` and returns the body as text (Esplora's raw hex, heights and hashes). */
export function getText(pool: RpcPool, path: string): Promise<string> {
  return pool.request(async (a) => decoder.decode(expectOk(a, await a.send(path)).body))
}

/** GETs `path` and returns the raw body (Esplora's `/block/:hash/raw`). */
export function getBytes(pool: RpcPool, path: string): Promise<Uint8Array> {
  return pool.request(async (a) => expectOk(a, await a.send(path)).body)
}

/** POSTs a JSON body to `path` and parses the JSON answer (Tron's `/wallet/*` calls). */
export function postJson<T = unknown>(pool: RpcPool, path: string, body: unknown): Promise<T> {
  return pool.request(async (a) => {
    const res = await a.send(path, jsonInit(body))
    return parseJson(a, expectOk(a, res)) as T
  })
}

/**
 * Throws for a non-2xx answer: 429 (with its Retry-After), 408, 5xx, and 401/403 (another URL may hold
 * valid credentials) are retryable; any other 4xx is about the request itself and fails fast.
 */
export function expectOk(a: RpcAttempt, res: RpcResponse): RpcResponse {
  const { status } = res
  if (status >= 200 && status < 300) return res
  if (status === 429)
    throw new RpcRateLimitedError(a.network, a.url, retryAfterMs(res.headers.get('retry-after')))
  const retryable = status >= 500 || status === 408 || status === 401 || status === 403
  const details = decoder.decode(res.body.subarray(0, 300)) || undefined
  throw new RpcError(a.network, a.url, `HTTP ${status}`, retryable, {
    status,
    ...(details ? { details } : {}),
  })
}

/** Parses a JSON body; a truncated or garbled one is retryable (a proxy cut it, the next try may not). */
export function parseJson(a: RpcAttempt, res: RpcResponse): unknown {
  const text = decoder.decode(res.body)
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new RpcError(a.network, a.url, 'invalid JSON in the answer', true, {
      status: res.status,
      details: text.length > 120 ? `${text.slice(0, 120)}… (${text.length} chars)` : text,
      cause: error,
    })
  }
}

export function jsonInit(body: unknown) {
  return { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
}

/** Retry-After in milliseconds, from delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000
  const date = Date.parse(header)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

const decoder = new TextDecoder()
