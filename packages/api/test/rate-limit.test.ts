import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from './harness.js'

let t: TestApp

beforeAll(async () => {
  t = await createTestApp({
    env: {
      RATE_LIMIT_AUTH_PER_MINUTE: '3',
      RATE_LIMIT_PUBLIC_PER_MINUTE: '5',
      RATE_LIMIT_PUBLIC_TOKEN_PER_MINUTE: '2',
      TRUST_PROXY: 'true',
    },
  })
})
afterAll(() => t.close())

const login = (ip: string) =>
  t.request('POST', '/api/v1/auth/login', {
    body: { email: 'nobody@example.com', password: 'not the password' },
    headers: { 'x-forwarded-for': `${ip}, 10.0.0.1` },
  })

const checkout = (token: string, ip: string) =>
  t.request('GET', `/api/v1/public/checkout/${token}`, { headers: { 'x-forwarded-for': ip } })

describe('rate limits', () => {
  it('stops a fourth log-in attempt a minute from one address, with Retry-After and a problem', async () => {
    for (let i = 0; i < 3; i++) expect((await login('203.0.113.7')).status).toBe(401)
    const limited = await login('203.0.113.7')
    expect(limited.status).toBe(429)
    expect(limited.headers.get('content-type')).toContain('application/problem+json')
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(limited.body.detail).toMatch(/try again in \d+ s/)
    // Another address is counted on its own.
    expect((await login('198.51.100.4')).status).toBe(401)
  })

  it('limits each pay link, wherever it is opened from, and each address across links', async () => {
    const token = 'a'.repeat(43)
    expect((await checkout(token, '192.0.2.1')).status).toBe(404)
    expect((await checkout(token, '192.0.2.2')).status).toBe(404)
    expect((await checkout(token, '192.0.2.3')).status).toBe(429)
    // Five requests a minute per address over every link.
    const ip = '192.0.2.50'
    const statuses = []
    for (let i = 0; i < 6; i++) statuses.push((await checkout(`${'b'.repeat(42)}${i}`, ip)).status)
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429])
  })

  it('limits each payment link by its slug and each payer session by its token, apart from pay links', async () => {
    const get = (path: string, ip: string) =>
      t.request('GET', `/api/v1/public/${path}`, { headers: { 'x-forwarded-for': ip } })
    const slug = 'popular-link'
    expect((await get(`payment-links/${slug}`, '192.0.2.101')).status).toBe(404)
    // Starting a session counts against the same slug.
    const start = await t.request('POST', `/api/v1/public/payment-links/${slug}/sessions`, {
      body: {},
      headers: { 'x-forwarded-for': '192.0.2.102' },
    })
    expect(start.status).not.toBe(429)
    const limited = await get(`payment-links/${slug}`, '192.0.2.103')
    expect(limited.status).toBe(429)
    expect(limited.headers.get('content-type')).toContain('application/problem+json')
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    // Another slug has its own count, and so does a pay link or a session token that happens to match.
    expect((await get('payment-links/another-link', '192.0.2.104')).status).toBe(404)
    expect((await get(`checkout/${slug}`, '192.0.2.105')).status).toBe(404)

    const token = 'c'.repeat(43)
    expect((await get(`payment-link-sessions/${token}`, '192.0.2.106')).status).toBe(404)
    const quote = await t.request('POST', `/api/v1/public/payment-link-sessions/${token}/quote`, {
      body: { asset: 'ETH', network: 'ethereum' },
      headers: { 'x-forwarded-for': '192.0.2.107' },
    })
    expect(quote.status).not.toBe(429)
    expect((await get(`payment-link-sessions/${token}`, '192.0.2.108')).status).toBe(429)
    expect((await get(`payment-link-sessions/${'d'.repeat(43)}`, '192.0.2.109')).status).toBe(404)
    expect((await get(`payment-links/${token}`, '192.0.2.110')).status).toBe(404)
  })
})
