import http from 'node:http'
import https from 'node:https'
import type { LookupFunction } from 'node:net'
import type { ResolvedTarget } from './address-policy.js'

/** Delivery timeout: the whole request, connection to last byte read. */
export const DELIVERY_TIMEOUT_MS = 15_000
/** Bytes of a response body kept in the delivery log. */
const EXCERPT_BYTES = 1024

export interface SendResult {
  /** The HTTP status, null when none came (timeout, refused connection, DNS). */
  statusCode: number | null
  ok: boolean
  latencyMs: number
  excerpt: string | null
  error: string | null
}

// Keep-alive sockets: a busy endpoint reuses its connections (each was opened to a checked address).
const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 64 }),
  https: new https.Agent({ keepAlive: true, maxSockets: 64 }),
}

/**
 * POSTs one webhook to an already resolved and checked address (the connection is pinned to it, so a DNS
 * answer that changes between the check and the connect cannot redirect it). Redirects are not followed:
 * only a 2xx is a success.
 */
export function sendWebhook(
  target: ResolvedTarget,
  headers: Record<string, string>,
  body: string,
  timeoutMs = DELIVERY_TIMEOUT_MS,
): Promise<SendResult> {
  const started = performance.now()
  const latency = () => Math.round(performance.now() - started)
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }])
    else callback(null, target.address, target.family)
  }
  const isHttps = target.url.protocol === 'https:'
  return new Promise<SendResult>((resolve) => {
    let settled = false
    const finish = (r: Omit<SendResult, 'latencyMs' | 'ok'>) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      const ok = r.statusCode !== null && r.statusCode >= 200 && r.statusCode < 300
      resolve({ ...r, ok, latencyMs: latency() })
    }
    const req = (isHttps ? https : http).request(
      target.url,
      {
        method: 'POST',
        agent: isHttps ? agents.https : agents.http,
        lookup: pinned,
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      },
      (res) => {
        const chunks: Buffer[] = []
        let size = 0
        res.on('data', (chunk: Buffer) => {
          if (size < EXCERPT_BYTES) chunks.push(chunk)
          size += chunk.length
        })
        res.on('end', () => {
          const excerpt = Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8')
          const status = res.statusCode ?? null
          finish({
            statusCode: status,
            excerpt: excerpt || null,
            error:
              status !== null && status >= 300 && status < 400
                ? `Redirect to ${res.headers.location ?? '(no Location)'} not followed`
                : null,
          })
        })
        res.on('error', (err) =>
          finish({ statusCode: res.statusCode ?? null, excerpt: null, error: err.message }),
        )
      },
    )
    const timer = setTimeout(() => {
      req.destroy(new Error(`No complete response within ${timeoutMs / 1000} s`))
    }, timeoutMs)
    req.on('error', (err) => finish({ statusCode: null, excerpt: null, error: err.message }))
    req.end(body)
  })
}
