import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { RegtestChain } from './chain.js'
import { handleCoreRpc } from './core-rpc.js'
import { handleEsplora, type Reply } from './esplora-routes.js'

/** Where a fault applies: the Esplora REST API, Core's JSON-RPC, or either. */
export type FaultTarget = 'esplora' | 'core' | 'any'

/** Which requests a fault hits: by API, and by a substring of the path or of the JSON-RPC method. */
export interface FaultMatch {
  target?: FaultTarget
  /** e.g. '/raw' or 'getblock'. */
  match?: string
  /** Called when the fault is served (e.g. to reorg the chain while a request waits). */
  onServe?: () => void
}

/** A misbehaviour served once, in place of the next matching response. */
export type Fault = FaultMatch &
  (
    | { kind: 'status'; status: number; body?: string; headers?: Record<string, string> }
    /** The real response with its body cut in half (a proxy dying mid-answer). */
    | { kind: 'truncate' }
    /** No answer for `ms` milliseconds, then the real one. */
    | { kind: 'delay'; ms: number }
    /** The connection is destroyed without a response. */
    | { kind: 'reset' }
  )

export interface RequestRecord {
  api: 'esplora' | 'core'
  method: string
  path: string
  /** The JSON-RPC method(s), for Core. */
  rpc?: string[]
  /** The fault served instead of the real answer, if any. */
  fault?: Fault['kind']
}

export interface NodeServerOptions {
  /** Basic-auth credentials Core's RPC requires (like rpcuser/rpcpassword); none by default. */
  auth?: { user: string; password: string }
  /** Path prefix of the Esplora API (Blockstream serves it under /api). */
  esploraPrefix?: string
  /** Core's version number to emulate (default: a current one); see CoreNodeOptions. */
  coreVersion?: number
}

export interface NodeServer {
  /** Base URL of the Esplora REST API, e.g. http://127.0.0.1:PORT/api */
  esploraUrl: string
  /** URL of Core's JSON-RPC endpoint, e.g. http://127.0.0.1:PORT/ */
  coreUrl: string
  /** Faults served in order, each once, to the requests they target. */
  faults: Fault[]
  /** Every request received, in order. */
  requests: RequestRecord[]
  close(): Promise<void>
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = []
    req.on('data', (part: Buffer) => parts.push(part))
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')))
    req.on('error', reject)
  })
}

function authorized(req: IncomingMessage, auth: NodeServerOptions['auth']): boolean {
  if (!auth) return true
  const header = req.headers.authorization
  if (!header?.startsWith('Basic ')) return false
  const [user, ...rest] = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8').split(':')
  return user === auth.user && rest.join(':') === auth.password
}

function rpcMethods(body: string): string[] | undefined {
  try {
    const parsed = JSON.parse(body) as unknown
    const reqs = Array.isArray(parsed) ? parsed : [parsed]
    return reqs.map((r) => String((r as { method?: unknown })?.method))
  } catch {
    return undefined
  }
}

/**
 * A local Bitcoin node for tests on a free port: Esplora's REST API under `esploraPrefix` and Bitcoin Core's
 * JSON-RPC at `/`, both serving the same RegtestChain, with injectable faults.
 */
export async function startNodeServer(
  chain: RegtestChain,
  opts: NodeServerOptions = {},
): Promise<NodeServer> {
  const prefix = opts.esploraPrefix ?? '/api'
  const faults: Fault[] = []
  const requests: RequestRecord[] = []

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const body = await readBody(req)
    const method = req.method ?? 'GET'
    const isEsplora = url.pathname === prefix || url.pathname.startsWith(`${prefix}/`)
    const api = isEsplora ? 'esplora' : 'core'
    const record: RequestRecord = { api, method, path: url.pathname }
    if (api === 'core') {
      const rpc = rpcMethods(body)
      if (rpc) record.rpc = rpc
    }
    requests.push(record)

    const faultIndex = faults.findIndex(
      (f) =>
        ((f.target ?? 'any') === 'any' || f.target === api) &&
        (f.match === undefined || record.path.includes(f.match) || (record.rpc ?? []).includes(f.match)),
    )
    const fault = faultIndex >= 0 ? faults.splice(faultIndex, 1)[0] : undefined
    if (fault) {
      record.fault = fault.kind
      fault.onServe?.()
    }
    if (fault?.kind === 'reset') {
      req.socket.destroy()
      return
    }
    if (fault?.kind === 'status') {
      res.writeHead(fault.status, { 'Content-Type': 'text/plain', ...fault.headers })
      res.end(fault.body ?? '')
      return
    }
    if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms))

    let reply: Reply
    if (isEsplora) {
      reply = handleEsplora(chain, method, url.pathname.slice(prefix.length) || '/', body)
    } else if (method !== 'POST') {
      reply = { status: 405, contentType: 'text/plain', body: 'JSONRPC server handles only POST requests' }
    } else if (!authorized(req, opts.auth)) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="jsonrpc"' })
      res.end()
      return
    } else {
      reply = handleCoreRpc(chain, body, opts.coreVersion !== undefined ? { version: opts.coreVersion } : {})
    }

    let payload = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : Buffer.from(reply.body)
    if (fault?.kind === 'truncate') payload = payload.subarray(0, Math.floor(payload.length / 2))
    res.writeHead(reply.status, { 'Content-Type': reply.contentType, 'Content-Length': payload.length })
    res.end(payload)
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      res.writeHead(500, { 'Content-Type': 'text/plain' })
      res.end(String(error?.stack ?? error))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const origin = `http://127.0.0.1:${port}`
  return {
    esploraUrl: `${origin}${prefix}`,
    coreUrl: `${origin}/`,
    faults,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}

/** A URL on which nothing listens: a node that is down. */
export async function deadUrl(path = '/'): Promise<string> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return `http://127.0.0.1:${port}${path}`
}
