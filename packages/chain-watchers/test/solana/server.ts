import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { LocalLedger } from './ledger.js'
import { toJsonText } from './rpc-json.js'
import { methods, type NodeView, RpcFailure } from './rpc-methods.js'

/** A misbehaviour served once, in place of the answer to the next request whose method matches. */
export type Fault = { method?: string; onServe?: () => void } & (
  | { kind: 'status'; status: number; body?: string; headers?: Record<string, string> }
  /** The real answer with its body cut in half. */
  | { kind: 'truncate' }
  /** No answer for `ms` milliseconds, then the real one. */
  | { kind: 'delay'; ms: number }
  /** The connection is destroyed without an answer. */
  | { kind: 'reset' }
  /** A JSON-RPC error instead of the result (e.g. -32005 "Node is behind by 42 slots"). */
  | { kind: 'rpcError'; code: number; message: string }
  /** Another result than the real one (a buggy proxy or node). */
  | { kind: 'result'; result: unknown }
)

export interface RequestRecord {
  method: string
  params: unknown[]
  fault?: Fault['kind']
}

export interface SolanaNodeServer {
  url: string
  faults: Fault[]
  requests: RequestRecord[]
  /** How many blocks behind the ledger's tip this node is (0: in step). */
  view: NodeView
  close(): Promise<void>
}

interface Request {
  jsonrpc?: unknown
  id?: unknown
  method?: unknown
  params?: unknown
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = []
    req.on('data', (part: Buffer) => parts.push(part))
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')))
    req.on('error', reject)
  })
}

function answer(view: NodeView, req: Request, fault: Fault | undefined) {
  const id = req.id ?? null
  try {
    if (req.jsonrpc !== '2.0' || typeof req.method !== 'string')
      throw new RpcFailure(-32600, 'Invalid request')
    if (fault?.kind === 'rpcError') throw new RpcFailure(fault.code, fault.message)
    const method = methods[req.method]
    if (!method) throw new RpcFailure(-32601, 'Method not found')
    const params = req.params === undefined ? [] : req.params
    if (!Array.isArray(params))
      throw new RpcFailure(-32602, 'Invalid params: invalid type: map, expected a sequence')
    const result = fault?.kind === 'result' ? fault.result : method(view, params)
    return { jsonrpc: '2.0', result, id }
  } catch (error) {
    const failure =
      error instanceof RpcFailure ? error : new RpcFailure(-32603, `Internal error: ${String(error)}`)
    const e = {
      code: failure.code,
      message: failure.message,
      ...(failure.data !== undefined ? { data: failure.data } : {}),
    }
    return { jsonrpc: '2.0', error: e, id }
  }
}

/**
 * A local Solana RPC node on a free port, speaking agave's JSON-RPC over HTTP (POST only, batches, HTTP
 * 200 for JSON-RPC errors) over a LocalLedger, `behind` blocks behind its tip, with faults on cue.
 */
export async function startSolanaNode(
  ledger: LocalLedger,
  { behind = 0 }: { behind?: number } = {},
): Promise<SolanaNodeServer> {
  const faults: Fault[] = []
  const requests: RequestRecord[] = []
  const view: NodeView = { ledger, behind }

  const server: Server = createServer(async (req, res) => {
    if (req.method !== 'POST') {
      res.writeHead(405).end('Used HTTP Method is not allowed. POST or OPTIONS is required')
      return
    }
    const body = await readBody(req)
    let parsed: unknown
    try {
      parsed = JSON.parse(body)
    } catch {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end('{"jsonrpc":"2.0","error":{"code":-32700,"message":"Parse error"},"id":null}')
      return
    }
    const calls = (Array.isArray(parsed) ? parsed : [parsed]) as Request[]
    const names = calls.map((c) => String(c?.method))
    const at = faults.findIndex((f) => f.method === undefined || names.includes(f.method))
    const fault = at >= 0 ? faults.splice(at, 1)[0] : undefined
    for (const c of calls) {
      requests.push({
        method: String(c?.method),
        params: Array.isArray(c?.params) ? c.params : [],
        ...(fault ? { fault: fault.kind } : {}),
      })
    }
    fault?.onServe?.()
    if (fault?.kind === 'reset') {
      req.socket.destroy()
      return
    }
    if (fault?.kind === 'status') {
      res.writeHead(fault.status, { 'Content-Type': 'text/plain', ...fault.headers }).end(fault.body ?? '')
      return
    }
    if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms))
    const replies = calls.map((c) => answer(view, typeof c === 'object' && c !== null ? c : {}, fault))
    let text = toJsonText(Array.isArray(parsed) ? replies : replies[0])
    if (fault?.kind === 'truncate') text = text.slice(0, Math.floor(text.length / 2))
    if (res.destroyed) return
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) })
    res.end(text)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    faults,
    requests,
    view,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
