import { RpcError } from '../../errors.js'
import { expectOk, jsonInit } from '../../rpc/http.js'
import type { RpcAttempt, RpcPool } from '../../rpc/pool.js'
import { parseLosslessJson } from './lossless-json.js'
import { MalformedAnswer } from './read.js'

/** The error codes of Solana's JSON-RPC server (agave's rpc-client-api `custom_error.rs`) that we act on. */
export const SolanaErrorCode = {
  BLOCK_CLEANED_UP: -32001,
  BLOCK_NOT_AVAILABLE: -32004,
  NODE_UNHEALTHY: -32005,
  SLOT_SKIPPED: -32007,
  LONG_TERM_STORAGE_SLOT_SKIPPED: -32009,
  KEY_EXCLUDED_FROM_SECONDARY_INDEX: -32010,
  TRANSACTION_HISTORY_NOT_AVAILABLE: -32011,
  BLOCK_STATUS_NOT_AVAILABLE_YET: -32014,
  UNSUPPORTED_TRANSACTION_VERSION: -32015,
  MIN_CONTEXT_SLOT_NOT_REACHED: -32016,
  INVALID_PARAMS: -32602,
  INTERNAL_ERROR: -32603,
} as const

// A node that is behind, unhealthy, lacks the history or the index, or is overloaded: another try or
// another URL may answer. A skipped slot or invalid params are answers, and fail fast.
const RETRYABLE = new Set<number>([
  SolanaErrorCode.BLOCK_CLEANED_UP,
  SolanaErrorCode.BLOCK_NOT_AVAILABLE,
  SolanaErrorCode.NODE_UNHEALTHY,
  SolanaErrorCode.KEY_EXCLUDED_FROM_SECONDARY_INDEX,
  SolanaErrorCode.TRANSACTION_HISTORY_NOT_AVAILABLE,
  SolanaErrorCode.BLOCK_STATUS_NOT_AVAILABLE_YET,
  SolanaErrorCode.MIN_CONTEXT_SLOT_NOT_REACHED,
  SolanaErrorCode.INTERNAL_ERROR,
  429,
])

/** A Solana node answered with a JSON-RPC error; `retryable` follows Solana's codes, not EVM's. */
export class SolanaRpcError extends RpcError {
  override name = 'SolanaRpcError'
  constructor(
    network: 'solana',
    url: string,
    readonly method: string,
    readonly rpcCode: number,
    readonly rpcMessage: string,
    readonly data?: unknown,
    status?: number,
  ) {
    super(network, url, `${method} failed: ${rpcMessage} (code ${rpcCode})`, RETRYABLE.has(rpcCode), {
      ...(status !== undefined ? { status } : {}),
      ...(data !== undefined && data !== null ? { details: stringify(data) } : {}),
    })
  }
}

/**
 * Calls one method within an attempt and reads its result with `read`, also within the attempt: an answer
 * cut short, garbled or of the wrong shape fails this try (retried, or the next URL asked) like a network
 * error. u64 values keep every digit (see lossless-json.ts).
 */
export async function callSolana<T>(
  a: RpcAttempt,
  method: string,
  params: readonly unknown[],
  read: (result: unknown) => T,
): Promise<T> {
  const res = await a.send('', jsonInit({ jsonrpc: '2.0', id: 1, method, params }))
  // A 429 is read by its status, which carries the Retry-After the pool honours.
  if (res.status === 429) expectOk(a, res)
  const text = new TextDecoder().decode(res.body)
  let reply: unknown
  try {
    reply = parseLosslessJson(text)
  } catch (cause) {
    // A proxy's HTML error page or an empty 502 says more by its status than by its body.
    expectOk(a, res)
    throw new RpcError(a.network, a.url, `invalid JSON in the answer to ${method}`, true, {
      status: res.status,
      details: text.length > 120 ? `${text.slice(0, 120)}… (${text.length} chars)` : text,
      cause,
    })
  }
  const error = (reply as { error?: { code?: unknown; message?: unknown; data?: unknown } } | null)?.error
  if (typeof error === 'object' && error !== null && typeof error.code === 'number') {
    const message = typeof error.message === 'string' ? error.message : 'no message'
    throw new SolanaRpcError('solana', a.url, method, error.code, message, error.data, res.status)
  }
  expectOk(a, res)
  if (typeof reply !== 'object' || reply === null || !('result' in reply)) {
    throw new RpcError(
      a.network,
      a.url,
      `malformed JSON-RPC answer to ${method}: neither result nor error`,
      true,
    )
  }
  try {
    return read(reply.result)
  } catch (cause) {
    if (!(cause instanceof MalformedAnswer)) throw cause
    throw new RpcError(a.network, a.url, `unexpected answer to ${method}`, true, {
      details: cause.message,
      cause,
    })
  }
}

/** Calls one method through the pool (timeouts, retries, failover), reading the result inside each try. */
export function solanaRequest<T>(
  pool: RpcPool,
  method: string,
  params: readonly unknown[],
  read: (result: unknown) => T,
): Promise<T> {
  return pool.request((a) => callSolana(a, method, params, read))
}

function stringify(value: unknown): string {
  return JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? v.toString() : v))
}
