import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Webhook } from 'standardwebhooks'

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders
  body: string
  json: { id: string; type: string; createdAt: string; data: Record<string, any> }
}

/**
 * A real HTTP receiver on 127.0.0.1: records every request and answers what `respond` says (200 by
 * default). `verify` checks a delivery the way a merchant would, with the standardwebhooks package.
 */
export async function startReceiver() {
  const received: ReceivedWebhook[] = []
  let respond: (n: number) => number = () => 200
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      received.push({ headers: req.headers, body, json: JSON.parse(body) })
      res.statusCode = respond(received.length)
      res.end(res.statusCode >= 400 ? 'receiver says no' : 'ok')
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return {
    url: (path = '/hooks') => `http://127.0.0.1:${port}${path}`,
    received,
    /** The status to answer the nth request (1-based) with. */
    respondWith(fn: (n: number) => number) {
      respond = fn
    },
    /** Throws unless the delivery verifies with this secret (signature and timestamp). */
    verify(hook: ReceivedWebhook, secret: string) {
      return new Webhook(secret).verify(hook.body, {
        'webhook-id': String(hook.headers['webhook-id']),
        'webhook-timestamp': String(hook.headers['webhook-timestamp']),
        'webhook-signature': String(hook.headers['webhook-signature']),
      })
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  }
}
