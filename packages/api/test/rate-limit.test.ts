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
})
