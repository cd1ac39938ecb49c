import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { TronTestChain } from './chain.js'
import { route, ServletError } from './routes.js'

/** Which requests a fault hits (a substring of the path), and a hook run when it is served. */
export interface FaultMatch {
  /** e.g. '/wallet/getblockbylimitnext'. */
  match?: string
  onServe?: () => void
}

/** A misbehaviour served once, in place of the next matching response. */
export type Fault = FaultMatch &
  (
    | { kind: 'status'; status: number; body?: string; headers?: Record<string, string> }
    /** The real JSON cut in half (a proxy dying mid-answer). */
    | { kind: 'truncate' }
    /** No answer for `ms`, then the real one. */
    | { kind: 'delay'; ms: number }
    /** The connection destroyed without an answer. */
    | { kind: 'reset' }
    /** java-tron's servlet failure: HTTP 200 with {"Error": message}. */
    | { kind: 'servletError'; message: string }
  )

export interface RequestRecord {
  method: string
  path: string
  params: Record<string, unknown>
  fault?: Fault['kind']
}

export interface TronNodeServer {
  /** The API base, e.g. http://127.0.0.1:PORT (paths /wallet/… and /walletsolidity/… below it). */
  url: string
  faults: Fault[]
  requests: RequestRecord[]
  close(): Promise<void>
}

/**
 * A local Tron full node on a free port: java-tron's HTTP API over a TronTestChain (GET with a query or
 * POST with a JSON body, like the real servlets), with injectable faults.
 */
export async function startTronNode(chain: TronTestChain): Promise<TronNodeServer> {
  const faults: Fault[] = []
  const requests: RequestRecord[] = []

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const method = req.method ?? 'GET'
    const raw = await readBody(req)
    let params: Record<string, unknown>
    let reply: unknown
    try {
      params = method === 'POST' && raw.trim() ? JSON.parse(raw) : Object.fromEntries(url.searchParams)
    } catch (error) {
      params = {}
      reply = { Error: `class com.alibaba.fastjson.JSONException : ${(error as Error).message}` }
    }
    const record: RequestRecord = { method, path: url.pathname, params }
    requests.push(record)

    const index = faults.findIndex((f) => f.match === undefined || record.path.includes(f.match))
    const fault = index >= 0 ? faults.splice(index, 1)[0] : undefined
    if (fault) {
      record.fault = fault.kind
      fault.onServe?.()
    }
    if (fault?.kind === 'reset') {
      req.socket.destroy()
      return
    }
    if (fault?.kind === 'status') {
      res.writeHead(fault.status, { 'Content-Type': 'text/plain', ...fault.headers }).end(fault.body ?? '')
      return
    }
    if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms))
    if (fault?.kind === 'servletError') reply = { Error: fault.message }

    if (reply === undefined) {
      try {
        reply = route(chain, url.pathname, params)
      } catch (error) {
        if (!(error instanceof ServletError)) throw error
        reply = { Error: error.message }
      }
    }
    if (reply === undefined) {
      // Jetty's answer for a path no servlet is mapped to.
      res.writeHead(404, { 'Content-Type': 'text/html' }).end('<h2>HTTP ERROR 404 Not Found</h2>')
      return
    }
    let body = Buffer.from(JSON.stringify(reply))
    if (fault?.kind === 'truncate') body = body.subarray(0, Math.floor(body.length / 2))
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length }).end(body)
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(error?.stack ?? error))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    faults,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = []
    req.on('data', (part: Buffer) => parts.push(part))
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')))
    req.on('error', reject)
  })
}
