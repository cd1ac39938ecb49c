import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type FaultServer, startFaultServer } from '../../test/rpc/fault-server.js'
import { JsonRpcError } from './errors.js'
import { createJsonRpcBatcher, jsonRpc, jsonRpcBatch } from './json-rpc.js'
import { createRpcPool } from './pool.js'

let server: FaultServer
beforeAll(async () => {
  server = await startFaultServer()
})
afterAll(() => server.close())
afterEach(() => {
  server.script()
  server.requests.length = 0
})

const pool = () =>
  createRpcPool({ network: 'bitcoin', urls: [server.url], timeoutMs: 300, backoff: { initialMs: 10 } })

describe('json-rpc', () => {
  it('reads a JSON-RPC error sent with HTTP 500 (Bitcoin Core) as that error, not as a 5xx', async () => {
    server.script({
      kind: 'rpcError',
      code: -5,
      message: 'No such mempool or blockchain transaction',
      status: 500,
    })
    const error = await jsonRpc(pool(), 'getrawtransaction', ['00']).catch((e) => e)
    expect(error).toBeInstanceOf(JsonRpcError)
    expect(error).toMatchObject({ rpcCode: -5, status: 500, retryable: false })
    expect(server.requests).toHaveLength(1)
  })

  it('sends a batch in one request and matches answers to calls', async () => {
    const outcomes = await jsonRpcBatch(pool(), [{ method: 'getblockcount' }, { method: 'getbestblockhash' }])
    expect(outcomes).toEqual([
      { ok: true, result: 'getblockcount' },
      { ok: true, result: 'getbestblockhash' },
    ])
    expect(server.requests).toHaveLength(1)
  })

  it('retries a whole batch whose answer is truncated', async () => {
    server.script({ kind: 'truncated' })
    const outcomes = await jsonRpcBatch(pool(), [{ method: 'a' }, { method: 'b' }])
    expect(outcomes.map((o) => o.ok)).toEqual([true, true])
    expect(server.requests).toHaveLength(2)
  })

  it('batches the calls made in the same tick, up to the batch size', async () => {
    const batcher = createJsonRpcBatcher(pool(), { maxSize: 3 })
    const results = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((m) => batcher.request(m)))
    expect(results).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(server.requests.map((r) => (Array.isArray(r.body) ? r.body.length : 1))).toEqual([3, 2])
  })

  it('rejects every call of a batch the node refuses as a whole', async () => {
    server.script({ kind: 'rpcError', code: -32600, message: 'batch requests are not supported' })
    const batcher = createJsonRpcBatcher(pool())
    const settled = await Promise.allSettled([batcher.request('a'), batcher.request('b')])
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected'])
    expect((settled[0] as PromiseRejectedResult).reason).toMatchObject({ rpcCode: -32600 })
  })
})
