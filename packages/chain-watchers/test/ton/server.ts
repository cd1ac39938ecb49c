import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { TonTestChain } from './chain.js'
import { handleToncenter, type ToncenterReply } from './toncenter-routes.js'

/** A misbehaviour served once, in place of the next answer to `match` (a method name) or to any request. */
export type Fault = {
  match?: string
  onServe?: () => void
} & FaultKind

type FaultKind =
  /** An error status with toncenter's JSON error body (or `body` as given). */
  | { kind: 'status'; status: number; body?: string; headers?: Record<string, string> }
  /** The real answer with its body cut in half (a proxy dying mid-answer). */
  | { kind: 'truncate' }
  /** No answer for `ms` milliseconds, then the real one. */
  | { kind: 'delay'; ms: number }
  /** The connection is destroyed without an answer. */
  | { kind: 'reset' }
  /** `{ ok: true, result }` with the given result instead of the real one. */
  | { kind: 'result'; result: unknown }

export interface RequestRecord {
  /** The toncenter method, from the path or the JSON-RPC body. */
  method: string
  params: Record<string, unknown>
  via: 'rest' | 'jsonRPC'
  apiKey: string | undefined
  fault?: Fault['kind']
}

export interface ToncenterServerOptions {
  /** Requests without this key (X-API-Key header or api_key parameter) are refused with 401. */
  apiKey?: string
  /** How addresses are written in answers; true outside mainnet. Default true. */
  testOnly?: boolean
}

export interface ToncenterServer {
  /** The API base, e.g. http://127.0.0.1:PORT/api/v2 */
  url: string
  /** Faults served in order, each once, to the requests they match. */
  faults: Fault[]
  requests: RequestRecord[]
  close(): Promise<void>
}

const PREFIX = '/api/v2'

/**
 * A local toncenter API v2 for tests on a free port: the REST methods (`GET /api/v2/<method>?…`) and the
 * JSON-RPC endpoint (`POST /api/v2/jsonRPC`) over one TonTestChain, with injectable faults.
 */
export async function startToncenterServer(
  chain: TonTestChain,
  opts: ToncenterServerOptions = {},
): Promise<ToncenterServer> {
  const faults: Fault[] = []
  const requests: RequestRecord[] = []
  const json = { testOnly: opts.testOnly ?? true }

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const body = await readBody(req)
    if (!url.pathname.startsWith(`${PREFIX}/`))
      return send(res, { status: 404, body: { ok: false, error: 'Not Found', code: 404 } })
    const name = url.pathname.slice(PREFIX.length + 1)
    const rpc = name === 'jsonRPC' && req.method === 'POST' ? parseRpc(body) : undefined
    const method = rpc?.method ?? name
    const params: Record<string, unknown> = rpc?.params ?? Object.fromEntries(url.searchParams)
    const apiKey =
      header(req, 'x-api-key') ?? (typeof params.api_key === 'string' ? params.api_key : undefined)
    const record: RequestRecord = { method, params, via: rpc ? 'jsonRPC' : 'rest', apiKey }
    requests.push(record)

    const at = faults.findIndex((f) => f.match === undefined || f.match === method)
    const fault = at >= 0 ? faults.splice(at, 1)[0] : undefined
    if (fault) {
      record.fault = fault.kind
      fault.onServe?.()
    }
    if (fault?.kind === 'reset') return void req.socket.destroy()
    if (fault?.kind === 'status') {
      const error =
        fault.body ?? JSON.stringify({ ok: false, error: `HTTP ${fault.status}`, code: fault.status })
      res.writeHead(fault.status, { 'Content-Type': 'application/json', ...fault.headers })
      return void res.end(error)
    }
    if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms))

    let reply: ToncenterReply
    if (opts.apiKey !== undefined && apiKey !== opts.apiKey) {
      reply = { status: 401, body: { ok: false, error: 'API key does not exist', code: 401 } }
    } else if (name === 'jsonRPC' && !rpc) {
      reply = {
        status: 422,
        body: { ok: false, error: 'Validation error: not a JSON-RPC request', code: 422 },
      }
    } else if (fault?.kind === 'result') {
      reply = { status: 200, body: { ok: true, result: fault.result } }
    } else {
      reply = handleToncenter(chain, method, params, json)
    }
    if (rpc) reply = { ...reply, body: { ...reply.body, jsonrpc: '2.0', id: rpc.id } }
    send(res, reply, fault?.kind === 'truncate')
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      res.writeHead(500, { 'Content-Type': 'text/plain' })
      res.end(String(error?.stack ?? error))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}${PREFIX}`,
    faults,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}

function send(res: ServerResponse, reply: ToncenterReply, truncate = false) {
  let payload = Buffer.from(JSON.stringify(reply.body), 'utf8')
  if (truncate) payload = payload.subarray(0, Math.floor(payload.length / 2))
  res.writeHead(reply.status, { 'Content-Type': 'application/json', 'Content-Length': payload.length })
  res.end(payload)
}

function parseRpc(
  body: string,
): { id: unknown; method: string; params: Record<string, unknown> } | undefined {
  try {
    const r = JSON.parse(body) as { id?: unknown; method?: unknown; params?: unknown }
    if (typeof r.method !== 'string') return undefined
    const params =
      typeof r.params === 'object' && r.params !== null ? (r.params as Record<string, unknown>) : {}
    return { id: r.id ?? null, method: r.method, params }
  } catch {
    return undefined
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = []
    req.on('data', (part: Buffer) => parts.push(part))
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')))
    req.on('error', reject)
  })
}
