import { ChainError, RpcError, RpcUnavailableError } from '../errors.js'
import type { NetworkId } from '../registry/types.js'
import { RpcRateLimitedError } from './errors.js'

export interface RpcPoolOptions {
  network: NetworkId
  /** Tried in order; one that just failed moves behind the healthy ones for `cooldownMs`. */
  urls: readonly string[]
  /** Per attempt, body included. Default 10 s. */
  timeoutMs?: number
  /** Extra rounds over all URLs after the first one fails. Default 2. */
  retries?: number
  /** Exponential backoff between rounds, with jitter. Default 250 ms doubling up to 5 s. */
  backoff?: { initialMs?: number; maxMs?: number }
  /** The longest Retry-After honoured; a URL asking for more is skipped instead. Default 10 s. */
  maxRetryAfterMs?: number
  /** How long a failed URL stays behind the others. Default 30 s. */
  cooldownMs?: number
  headers?: Record<string, string>
  /** Runs once per URL before its first request (e.g. a chain id check); a ChainError it throws is final. */
  prepare?: (attempt: RpcAttempt) => Promise<void>
  /** Told of every failed attempt (its URL is on the error), retried or not: for metrics and logs. */
  onError?: (error: RpcError) => void
}

/** An HTTP answer read in full, so that a body cut short fails inside the attempt (and is retried). */
export interface RpcResponse {
  status: number
  headers: Headers
  body: Uint8Array
}

/** One try against one URL, under the attempt's timeout. */
export interface RpcAttempt {
  readonly network: NetworkId
  /** The URL without credentials, as errors show it. */
  readonly url: string
  /** `path` is appended to the URL; network failures and timeouts become retryable RpcErrors. */
  send(
    path: string,
    init?: { method?: string; headers?: Record<string, string>; body?: string },
  ): Promise<RpcResponse>
}

export interface RpcPool {
  readonly network: NetworkId
  readonly urls: readonly string[]
  /**
   * Runs `run` against the URLs until one succeeds: retryable RpcErrors fail over to the next URL and,
   * after a round over all of them, wait and start again; anything else is thrown at once.
   * Throws RpcUnavailableError when every round failed.
   */
  request<T>(run: (attempt: RpcAttempt) => Promise<T>): Promise<T>
}

interface Endpoint {
  url: string
  base: string
  headers: Record<string, string>
  prepared: boolean
  preparing: Promise<void> | undefined
  coolUntil: number
  notBefore: number
  lastError: RpcError | undefined
}

/** A set of URLs for one network with timeouts, retries with backoff and failover. */
export function createRpcPool(options: RpcPoolOptions): RpcPool {
  const {
    network,
    timeoutMs = 10_000,
    retries = 2,
    maxRetryAfterMs = 10_000,
    cooldownMs = 30_000,
    prepare,
  } = options
  const { initialMs = 250, maxMs = 5_000 } = options.backoff ?? {}
  if (options.urls.length === 0) throw new ChainError(`No RPC URL configured for ${network}`)
  const endpoints = options.urls.map((u) => toEndpoint(u, options.headers))

  async function attempt<T>(endpoint: Endpoint, run: (a: RpcAttempt) => Promise<T>): Promise<T> {
    const signal = AbortSignal.timeout(timeoutMs)
    const a: RpcAttempt = {
      network,
      url: endpoint.url,
      async send(path, init = {}) {
        try {
          const res = await fetch(endpoint.base + path, {
            ...init,
            headers: { ...endpoint.headers, ...init.headers },
            signal,
          })
          return { status: res.status, headers: res.headers, body: new Uint8Array(await res.arrayBuffer()) }
        } catch (error) {
          if (signal.aborted) {
            throw new RpcError(network, endpoint.url, `timed out after ${timeoutMs} ms`, true, {
              cause: error,
            })
          }
          throw new RpcError(network, endpoint.url, `request failed (${describe(error)})`, true, {
            cause: error,
          })
        }
      },
    }
    if (prepare && !endpoint.prepared) {
      // Concurrent first requests share one check; a failed check is forgotten so the next try repeats it.
      endpoint.preparing ??= prepare(a).then(
        () => {
          endpoint.prepared = true
        },
        (error) => {
          endpoint.preparing = undefined
          throw error
        },
      )
      await endpoint.preparing
    }
    return run(a)
  }

  function ordered(now: number): Endpoint[] {
    const healthy = endpoints.filter((e) => e.coolUntil <= now)
    return [...healthy, ...endpoints.filter((e) => e.coolUntil > now)]
  }

  return {
    network,
    urls: endpoints.map((e) => e.url),
    async request(run) {
      const failures = new Map<string, RpcError>()
      for (let round = 0; round <= retries; round++) {
        if (round > 0) await sleep(backoffDelay(round, initialMs, maxMs))
        for (const endpoint of ordered(Date.now())) {
          const wait = endpoint.notBefore - Date.now()
          if (wait > maxRetryAfterMs && endpoint.lastError) {
            failures.set(endpoint.url, endpoint.lastError)
            continue
          }
          if (wait > 0) await sleep(wait)
          try {
            const result = await attempt(endpoint, run)
            endpoint.coolUntil = 0
            endpoint.lastError = undefined
            return result
          } catch (error) {
            if (error instanceof RpcError) options.onError?.(error)
            if (!(error instanceof RpcError) || !error.retryable) throw error
            failures.set(endpoint.url, error)
            endpoint.lastError = error
            endpoint.coolUntil = Date.now() + cooldownMs
            if (error instanceof RpcRateLimitedError && error.retryAfterMs !== undefined) {
              endpoint.notBefore = Date.now() + error.retryAfterMs
            }
          }
        }
      }
      throw new RpcUnavailableError(network, [...failures.values()])
    },
  }
}

/** Full jitter over the upper half: round 1 waits 0.5–1 × initial, doubling up to `maxMs`. */
export function backoffDelay(round: number, initialMs: number, maxMs: number): number {
  const ceiling = Math.min(maxMs, initialMs * 2 ** (round - 1))
  return ceiling / 2 + (Math.random() * ceiling) / 2
}

// fetch refuses URLs with credentials (Bitcoin Core's user:pass@host), so they move into a header.
function toEndpoint(raw: string, headers: Record<string, string> = {}): Endpoint {
  const u = new URL(raw)
  const auth: Record<string, string> = {}
  if (u.username || u.password) {
    auth.authorization = `Basic ${btoa(`${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`)}`
  }
  u.username = ''
  u.password = ''
  const base = u.toString().replace(/\/$/, '')
  return {
    url: base,
    base,
    headers: { ...headers, ...auth },
    prepared: false,
    preparing: undefined,
    coolUntil: 0,
    notBefore: 0,
    lastError: undefined,
  }
}

function describe(error: unknown): string {
  const cause =
    error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
