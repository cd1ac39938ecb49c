import { RpcError } from '../errors.js'
import type { NetworkId } from '../registry/types.js'

/** The node answered 429; `retryAfterMs` is its Retry-After header, when it sent one. */
export class RpcRateLimitedError extends RpcError {
  override name = 'RpcRateLimitedError'
  constructor(
    network: NetworkId,
    url: string,
    readonly retryAfterMs: number | undefined,
  ) {
    super(network, url, 'rate limited (HTTP 429)', true, {
      status: 429,
      ...(retryAfterMs !== undefined ? { details: `Retry-After: ${retryAfterMs} ms` } : {}),
    })
  }
}

// The same codes viem retries: limit exceeded, internal error, QuickNode's rate limit, an in-body 429.
const retryableCodes = new Set([-32005, -32603, -32007, 429])

/** The node answered with a JSON-RPC error object. Only overload codes are retryable; the rest fail fast. */
export class JsonRpcError extends RpcError {
  override name = 'JsonRpcError'
  constructor(
    network: NetworkId,
    url: string,
    readonly method: string,
    readonly rpcCode: number,
    readonly rpcMessage: string,
    readonly data?: unknown,
    status?: number,
  ) {
    super(network, url, `${method} failed: ${rpcMessage} (code ${rpcCode})`, retryableCodes.has(rpcCode), {
      ...(status !== undefined ? { status } : {}),
      ...(data !== undefined ? { details: JSON.stringify(data) } : {}),
    })
  }
}
