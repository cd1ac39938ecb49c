import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CoinGeckoRateProvider } from './coingecko.js'

let server: Server
let base: string
const hits: string[] = []
let mode: 'ok' | 'error' | 'garbage' = 'ok'

beforeAll(async () => {
  // A local stand-in that answers with CoinGecko's documented response shapes.
  server = createServer((req, res) => {
    hits.push(req.url ?? '')
    if (mode === 'error') return res.writeHead(429).end('{"status":{"error_code":429}}')
    if (mode === 'garbage') return res.writeHead(200, { 'content-type': 'application/json' }).end('{"bitc')
    const url = new URL(req.url ?? '/', 'http://x')
    res.writeHead(200, { 'content-type': 'application/json' })
    if (url.pathname === '/api/v3/simple/price') return res.end('{"bitcoin":{"usd":67187.3358}}')
    if (url.pathname === '/api/v3/coins/ethereum/history') {
      return res.end(JSON.stringify({ id: 'ethereum', market_data: { current_price: { eur: 3120.5 } } }))
    }
    res.end('{}')
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v3`
})
afterAll(() => new Promise<void>((r) => server.close(() => r())))

describe('CoinGecko rate provider', () => {
  it('reads the current price and reuses it until it expires', async () => {
    mode = 'ok'
    const p = new CoinGeckoRateProvider({ baseUrl: base, ttlMs: 60_000 })
    const before = hits.length
    const a = await p.getRate({ asset: 'BTC', fiat: 'USD', at: new Date() })
    const b = await p.getRate({ asset: 'BTC', fiat: 'USD', at: new Date() })
    expect(a.rate).toBe('67187.3358')
    expect(b.rate).toBe('67187.3358')
    expect(hits.length - before).toBe(1)
    expect(hits.at(-1)).toBe('/api/v3/simple/price?ids=bitcoin&vs_currencies=usd')
  })

  it('uses the daily historical price for an old payment', async () => {
    mode = 'ok'
    const p = new CoinGeckoRateProvider({ baseUrl: base })
    const r = await p.getRate({ asset: 'ETH', fiat: 'EUR', at: new Date('2026-03-04T12:00:00Z') })
    expect(r.rate).toBe('3120.5')
    expect(hits.at(-1)).toBe('/api/v3/coins/ethereum/history?date=04-03-2026&localization=false')
  })

  it('says the rate is unavailable on an HTTP error, a broken body or a missing pair', async () => {
    const p = new CoinGeckoRateProvider({ baseUrl: base, ttlMs: 0 })
    mode = 'error'
    await expect(p.getRate({ asset: 'BTC', fiat: 'USD', at: new Date() })).rejects.toThrow(/HTTP 429/)
    mode = 'garbage'
    await expect(p.getRate({ asset: 'BTC', fiat: 'USD', at: new Date() })).rejects.toThrow(/not JSON/)
    mode = 'ok'
    await expect(p.getRate({ asset: 'BTC', fiat: 'JPY', at: new Date() })).rejects.toThrow(/no price/)
  })

  it('says the rate is unavailable when the API cannot be reached', async () => {
    const p = new CoinGeckoRateProvider({ baseUrl: 'http://127.0.0.1:1/api/v3', timeoutMs: 500 })
    await expect(p.getRate({ asset: 'BTC', fiat: 'USD', at: new Date() })).rejects.toThrow(/did not answer/)
  })
})
