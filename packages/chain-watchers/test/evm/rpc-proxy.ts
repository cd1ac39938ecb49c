import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

type Call = { id: unknown; method: string; params: any[] }

export interface RpcProxyOptions {
  /** Before forwarding request n (1-based): answer with this status, a truncated body, or forward. */
  fault?: (n: number) => 'forward' | 'truncated' | number
  /** Replaces the node's answer to one call (also inside batches). */
  rewrite?: (call: Call, reply: any) => any
}

export interface RpcProxy {
  url: string
  /** Every call forwarded, batches flattened. */
  calls: Call[]
  close(): Promise<void>
}

/** A JSON-RPC proxy in front of anvil that injects HTTP faults or rewrites answers. */
export async function startRpcProxy(
  target: string,
  { fault, rewrite }: RpcProxyOptions = {},
): Promise<RpcProxy> {
  const calls: Call[] = []
  let n = 0
  const server = createServer(async (req, res) => {
    let body = ''
    for await (const chunk of req) body += chunk
    const action = fault?.(++n) ?? 'forward'
    if (action === 'truncated') return res.writeHead(200).end('[{"jsonrpc":"2.0","id":0,"re')
    if (typeof action === 'number') return res.writeHead(action).end()
    const parsed = JSON.parse(body)
    const list: Call[] = Array.isArray(parsed) ? parsed : [parsed]
    calls.push(...list)
    const upstream = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    })
    const reply = await upstream.json()
    const replies: any[] = Array.isArray(reply) ? reply : [reply]
    const rewritten = rewrite ? replies.map((r, i) => rewrite(list[i]!, r)) : replies
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify(Array.isArray(parsed) ? rewritten : rewritten[0]))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close() {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}
