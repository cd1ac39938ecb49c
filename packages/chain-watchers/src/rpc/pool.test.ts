import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { deadUrl, type FaultServer, startFaultServer } from '../../test/rpc/fault-server.js'
import { ChainError, RpcError, RpcUnavailableError } from '../errors.js'
import { JsonRpcError, RpcRateLimitedError } from './errors.js'
import { jsonRpc } from './json-rpc.js'
import { createRpcPool, type RpcPoolOptions } from './pool.js'

let a: FaultServer
let b: FaultServer

beforeAll(async () => {
  a = await startFaultServer()
  b = await startFaultServer()
})
afterAll(async () => {
  await a.close()
  await b.close()
})
afterEach(() => {
  for (const s of [a, b]) {
    s.script()
    s.requests.length = 0
  }
})

const fast = { network: 'ethereum', timeoutMs: 300, backoff: { initialMs: 10, maxMs: 40 } } as const
const pool = (urls: string[], extra: Partial<RpcPoolOptions> = {}) =>
  createRpcPool({ ...fast, urls, ...extra })

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a rejection')
}

describe('rpc pool: retries', () => {
  it('retries a 500 on the same URL and returns the answer', async () => {
    a.script({ kind: 'status', status: 500 })
    await expect(jsonRpc(pool([a.url]), 'eth_blockNumber')).resolves.toBe('eth_blockNumber')
    expect(a.requests).toHaveLength(2)
  })

  it('retries a truncated JSON answer, a body cut short and a reset connection', async () => {
    a.script({ kind: 'truncated' }, { kind: 'cut' }, { kind: 'reset' })
    await expect(jsonRpc(pool([a.url], { retries: 3 }), 'eth_chainId')).resolves.toBe('eth_chainId')
    expect(a.requests).toHaveLength(4)
  })

  it('waits for the Retry-After of a 429 before trying again', async () => {
    a.script({ kind: 'status', status: 429, headers: { 'retry-after': '1' } })
    const started = Date.now()
    await expect(jsonRpc(pool([a.url]), 'eth_chainId')).resolves.toBe('eth_chainId')
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
    expect(a.requests).toHaveLength(2)
  })

  it('retries a JSON-RPC "limit exceeded" error but fails fast on invalid params', async () => {
    a.script({ kind: 'rpcError', code: -32005, message: 'limit exceeded' })
    await expect(jsonRpc(pool([a.url]), 'eth_getLogs')).resolves.toBe('eth_getLogs')

    a.script({ kind: 'rpcError', code: -32602, message: 'invalid argument 0' })
    const error = await rejection(jsonRpc(pool([a.url, b.url]), 'eth_getLogs'))
    expect(error).toBeInstanceOf(JsonRpcError)
    expect(error).toMatchObject({ rpcCode: -32602, retryable: false, url: a.url, method: 'eth_getLogs' })
    expect(b.requests).toHaveLength(0)
  })

  it('fails fast on a 4xx other than 429, naming the network, URL and status', async () => {
    a.script({ kind: 'status', status: 400, body: 'bad request' })
    const error = await rejection(jsonRpc(pool([a.url, b.url]), 'eth_chainId'))
    expect(error).toBeInstanceOf(RpcError)
    expect(error).toMatchObject({ network: 'ethereum', url: a.url, status: 400, retryable: false })
    expect((error as RpcError).shortMessage).toContain('HTTP 400')
    expect(a.requests).toHaveLength(1)
    expect(b.requests).toHaveLength(0)
  })
})

describe('rpc pool: failover', () => {
  it('moves to the next URL when the first times out', async () => {
    a.script({ kind: 'delay', ms: 1_000 })
    const started = Date.now()
    await expect(jsonRpc(pool([a.url, b.url]), 'eth_chainId')).resolves.toBe('eth_chainId')
    expect(Date.now() - started).toBeLessThan(900)
    expect(b.requests).toHaveLength(1)
  })

  it('tells onError of every failed attempt with its URL, the last one too', async () => {
    a.script({ kind: 'status', status: 500 })
    const seen: RpcError[] = []
    const dead = await deadUrl()
    await expect(jsonRpc(pool([dead, a.url], { onError: (e) => seen.push(e) }), 'eth_chainId')).resolves.toBe(
      'eth_chainId',
    )
    expect(seen.map((e) => e.url)).toEqual([dead, a.url, dead])
    expect(seen.every((e) => e instanceof RpcError)).toBe(true)
    b.script({ kind: 'status', status: 400 })
    seen.length = 0
    await rejection(jsonRpc(pool([b.url], { onError: (e) => seen.push(e) }), 'eth_chainId'))
    expect(seen.map((e) => e.url)).toEqual([b.url])
  })

  it('moves to the next URL when nothing listens on the first', async () => {
    await expect(jsonRpc(pool([await deadUrl(), b.url]), 'eth_chainId')).resolves.toBe('eth_chainId')
  })

  it('skips a URL that asks to wait longer than the cap instead of waiting', async () => {
    a.script({ kind: 'status', status: 429, headers: { 'retry-after': '120' } })
    const p = pool([a.url, b.url], { maxRetryAfterMs: 2_000 })
    const started = Date.now()
    await expect(jsonRpc(p, 'eth_chainId')).resolves.toBe('eth_chainId')
    // The next call does not knock on the rate-limited URL again.
    await expect(jsonRpc(p, 'eth_chainId')).resolves.toBe('eth_chainId')
    expect(Date.now() - started).toBeLessThan(1_000)
    expect(a.requests).toHaveLength(1)
    expect(b.requests).toHaveLength(2)
  })

  it('puts a URL that just failed behind the healthy ones', async () => {
    a.script({ kind: 'status', status: 503 })
    const p = pool([a.url, b.url])
    await jsonRpc(p, 'eth_chainId')
    await jsonRpc(p, 'eth_chainId')
    expect(a.requests).toHaveLength(1)
    expect(b.requests).toHaveLength(2)
  })

  it('raises RpcUnavailableError with each URL`s last error when every round fails', async () => {
    const down = { kind: 'status', status: 503 } as const
    a.script(down, down, down)
    b.script({ kind: 'delay', ms: 1_000 }, down, down)
    const error = await rejection(jsonRpc(pool([a.url, b.url]), 'eth_chainId'))
    expect(error).toBeInstanceOf(RpcUnavailableError)
    const { errors, network } = error as RpcUnavailableError
    expect(network).toBe('ethereum')
    expect(errors.map((e) => [e.url, e.status, e.retryable])).toEqual([
      [a.url, 503, true],
      [b.url, 503, true],
    ])
    expect(a.requests).toHaveLength(3)
    expect(b.requests).toHaveLength(3)
  })

  it('reports a timeout as a retryable RpcError', async () => {
    a.script({ kind: 'delay', ms: 1_000 })
    const error = await rejection(jsonRpc(pool([a.url], { retries: 0 }), 'eth_chainId'))
    const [only] = (error as RpcUnavailableError).errors
    expect(only).toMatchObject({ url: a.url, retryable: true, status: undefined })
    expect(only?.shortMessage).toContain('timed out after 300 ms')
  })

  it('reports a 429 as RpcRateLimitedError with its Retry-After', async () => {
    a.script({ kind: 'status', status: 429, headers: { 'retry-after': '60' } })
    const error = await rejection(jsonRpc(pool([a.url], { retries: 0 }), 'eth_chainId'))
    const [only] = (error as RpcUnavailableError).errors
    expect(only).toBeInstanceOf(RpcRateLimitedError)
    expect(only).toMatchObject({ status: 429, retryAfterMs: 60_000, retryable: true })
  })
})

describe('rpc pool: endpoints', () => {
  it('runs the prepare hook once per URL, and a ChainError from it is final', async () => {
    const seen: string[] = []
    const p = pool([a.url], {
      prepare: async (attempt) => {
        seen.push(attempt.url)
      },
    })
    await Promise.all([jsonRpc(p, 'eth_chainId'), jsonRpc(p, 'eth_blockNumber')])
    await jsonRpc(p, 'eth_chainId')
    expect(seen).toEqual([a.url])

    const refusing = pool([a.url, b.url], {
      prepare: async () => {
        throw new ChainError('wrong chain')
      },
    })
    await expect(jsonRpc(refusing, 'eth_chainId')).rejects.toThrow('wrong chain')
    expect(b.requests).toHaveLength(0)
  })

  it('sends URL credentials as basic auth and never shows them in errors', async () => {
    const withAuth = a.url.replace('http://', 'http://user:s%3Acret@')
    a.script({ kind: 'status', status: 404 })
    const error = await rejection(jsonRpc(pool([withAuth]), 'getblockcount'))
    expect(a.requests[0]?.headers.authorization).toBe(`Basic ${btoa('user:s:cret')}`)
    expect((error as RpcError).url).toBe(a.url)
    expect(String((error as Error).message)).not.toContain('cret')
  })
})
