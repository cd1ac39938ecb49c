import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** What the server does with one request. */
export type Fault =
  /** Answers normally: JSON-RPC calls get `result` (default: the method name); GETs get `{ path }`. */
  | { kind: 'ok'; result?: unknown }
  /** Waits, then answers normally. */
  | { kind: 'delay'; ms: number }
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  /** A complete 200 answer whose JSON is cut off. */
  | { kind: 'truncated' }
  /** Announces a longer body than it sends, then closes the connection mid-body. */
  | { kind: 'cut' }
  /** Destroys the connection without answering. */
  | { kind: 'reset' }
  | { kind: 'rpcError'; code: number; message: string; status?: number }

export interface FaultServer {
  url: string
  /** Faults for the next requests, in order; once used up, requests are answered normally. */
  script(...faults: Fault[]): void
  /** Requests seen so far (method, path, headers, parsed body). */
  requests: { method: string; path: string; headers: IncomingMessage['headers']; body: unknown }[]
  close(): Promise<void>
}

/** A tiny HTTP server that misbehaves on cue, to test retries, timeouts and failover. */
export async function startFaultServer(): Promise<FaultServer> {
  let queue: Fault[] = []
  const requests: FaultServer['requests'] = []
  const server = createServer(async (req, res) => {
    const raw = await readBody(req)
    const body = raw ? JSON.parse(raw) : undefined
    requests.push({ method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body })
    const fault = queue.shift() ?? { kind: 'ok' }
    if (fault.kind === 'delay') {
      await new Promise((r) => setTimeout(r, fault.ms))
      if (!res.destroyed) answer(res, req, body)
    } else if (fault.kind === 'ok') answer(res, req, body, fault.result)
    else if (fault.kind === 'status') {
      res.writeHead(fault.status, fault.headers).end(fault.body ?? '')
    } else if (fault.kind === 'truncated') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"jsonrpc":"2.0","id":1,"resu')
    } else if (fault.kind === 'cut') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '200' })
      res.write('{"jsonrpc":"2.0",')
      setTimeout(() => res.destroy(), 10)
    } else if (fault.kind === 'reset') {
      req.socket.resetAndDestroy()
    } else {
      const reply = {
        jsonrpc: '2.0',
        id: body?.id ?? null,
        error: { code: fault.code, message: fault.message },
      }
      res.writeHead(fault.status ?? 200, { 'content-type': 'application/json' }).end(JSON.stringify(reply))
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script(...faults) {
      queue = faults
    },
    close() {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}

function answer(res: ServerResponse, req: IncomingMessage, body: any, result?: unknown) {
  const reply = (call: any) => ({ jsonrpc: '2.0', id: call.id, result: result ?? call.method })
  const payload =
    req.method === 'GET' ? { path: req.url } : Array.isArray(body) ? body.map(reply) : reply(body ?? {})
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(payload))
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = ''
    req.setEncoding('utf8')
    req.on('data', (chunk) => {
      data += chunk
    })
    req.on('end', () => resolve(data))
    req.on('error', reject)
  })
}

/** A URL on which nothing listens (a port that was just free). */
export async function deadUrl(): Promise<string> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return `http://127.0.0.1:${port}`
}
