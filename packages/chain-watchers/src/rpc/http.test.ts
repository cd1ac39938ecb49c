import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type FaultServer, startFaultServer } from '../../test/rpc/fault-server.js'
import { RpcError } from '../errors.js'
import { getBytes, getJson, getText, retryAfterMs } from './http.js'
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
  createRpcPool({
    network: 'bitcoin',
    urls: [`${server.url}/api/`],
    timeoutMs: 300,
    backoff: { initialMs: 10 },
  })

describe('rest helpers', () => {
  it('GETs paths below the configured URL as JSON, text and bytes', async () => {
    await expect(getJson(pool(), '/blocks/tip/height')).resolves.toEqual({ path: '/api/blocks/tip/height' })
    await expect(getText(pool(), '/tx/ab/hex')).resolves.toBe('{"path":"/api/tx/ab/hex"}')
    const bytes = await getBytes(pool(), '/block/cd/raw')
    expect(new TextDecoder().decode(bytes)).toBe('{"path":"/api/block/cd/raw"}')
  })

  it('fails fast on a 404, keeping the status for the adapter to read as "not found"', async () => {
    server.script({ kind: 'status', status: 404, body: 'Transaction not found' })
    const error = await getText(pool(), '/tx/ff').catch((e) => e)
    expect(error).toBeInstanceOf(RpcError)
    expect(error).toMatchObject({ status: 404, retryable: false, details: 'Transaction not found' })
    expect(server.requests).toHaveLength(1)
  })

  it('retries a 502 and a truncated JSON body', async () => {
    server.script({ kind: 'status', status: 502 }, { kind: 'truncated' })
    await expect(getJson(pool(), '/blocks/tip')).resolves.toEqual({ path: '/api/blocks/tip' })
    expect(server.requests).toHaveLength(3)
  })

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z')
    expect(retryAfterMs('3', now)).toBe(3_000)
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5_000)
    expect(retryAfterMs('soon', now)).toBeUndefined()
    expect(retryAfterMs(null, now)).toBeUndefined()
  })
})
