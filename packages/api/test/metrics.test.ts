import { RpcError } from '@coinbook/chain-watchers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordRpcError } from '../src/observability/chain.js'
import { createTestApp, type Session, type TestApp } from './harness.js'

const token = 'metrics-token-0123456789'
let t: TestApp
let plain: TestApp
let owner: Session

beforeAll(async () => {
  t = await createTestApp({ env: { METRICS_TOKEN: token } })
  plain = await createTestApp()
  owner = await t.signup()
})
afterAll(async () => {
  await t.close()
  await plain.close()
})

async function scrape(app: TestApp, auth?: string) {
  const res = await app.app.request('/metrics', auth ? { headers: { authorization: auth } } : {})
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') }
}

describe('GET /metrics', () => {
  it('does not exist without METRICS_TOKEN, and wants the token when it is set', async () => {
    expect((await scrape(plain, `Bearer ${token}`)).status).toBe(404)
    expect((await scrape(t)).status).toBe(401)
    expect((await scrape(t, 'Bearer wrong-token-0123456789')).status).toBe(401)
    const ok = await scrape(t, `Bearer ${token}`)
    expect(ok.status).toBe(200)
    expect(ok.type).toContain('text/plain')
    expect(ok.text).toContain('coinbook_process_')
  })

  it('reports the depth of the email and webhook outboxes', async () => {
    // A message to a customer waits in the outbox (no SMTP in the tests).
    const customer = await t.request('POST', '/api/v1/customers', {
      as: owner,
      body: { name: 'Outbox', email: 'outbox@metrics.test' },
    })
    const sent = await t.request('POST', `/api/v1/customers/${customer.body.id}/messages`, {
      as: owner,
      body: { subject: 'Hello', text: 'Waiting in the outbox' },
    })
    expect(sent.status, JSON.stringify(sent.body)).toBeLessThan(300)
    const { text } = await scrape(t, `Bearer ${token}`)
    const email = Number(/coinbook_outbox_depth\{outbox="email"\} (\d+)/.exec(text)?.[1])
    expect(email).toBeGreaterThanOrEqual(1)
    expect(text).toMatch(/coinbook_outbox_depth\{outbox="webhooks"\} \d+/)
  })

  it('times requests by route pattern, never by raw path', async () => {
    const created = await t.request('POST', '/api/v1/customers', { as: owner, body: { name: 'Ada' } })
    await t.request('GET', `/api/v1/customers/${created.body.id}`, { as: owner })
    const { text } = await scrape(t, `Bearer ${token}`)
    expect(text).toMatch(
      /coinbook_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/customers\/:id",status="200"\} \d+/,
    )
    expect(text).not.toContain(created.body.id)
  })

  it('counts node errors by network and URL', async () => {
    recordRpcError(new RpcError('ethereum', 'https://node.example', 'timed out', true))
    const { text } = await scrape(t, `Bearer ${token}`)
    expect(text).toMatch(/coinbook_rpc_errors_total\{network="ethereum",url="https:\/\/node.example"\} \d+/)
  })
})
