import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type Session, type TestApp } from './harness.js'
import { createInvoice } from './invoices.js'

// Walks the published OpenAPI document, so a route added later is covered without touching this file.
let t: TestApp
let ownerA: Session
let keyA: Session
let keyB: Session
let operations: { method: string; path: string; secured: boolean }[]
const ids: Record<string, string> = {}

beforeAll(async () => {
  t = await createTestApp()
  ownerA = await t.signup({ merchantName: 'Merchant A' })
  keyA = await t.apiKey(ownerA, 'owner')
  keyB = await t.apiKey(await t.signup({ merchantName: 'Merchant B' }), 'owner')
  // One of each of A's resources that a path can name.
  const customer = await t.request('POST', '/api/v1/customers', {
    as: ownerA,
    body: { name: 'Ada of A', email: 'ada@a.example' },
  })
  ids.customers = customer.body.id
  ids.invoices = (await createInvoice(t, ownerA, customer.body.id, { currency: 'USD' })).id
  const keys = await t.request('GET', '/api/v1/api-keys', { as: ownerA })
  ids['api-keys'] = keys.body.data[0].id
  ids.members = ownerA.userId
  const doc = (await (await t.app.request('/api/v1/openapi.json')).json()) as {
    paths: Record<string, Record<string, { security?: unknown[] }>>
  }
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method, path, secured: (op.security?.length ?? 0) > 0 })),
  )
})
afterAll(() => t.close())

function url(path: string): string {
  const resource = path.split('/')[1] ?? ''
  return `/api/v1${path
    .replace('{id}', ids[resource] ?? randomUUID())
    .replace('{network}', 'ethereum')
    .replace('{token}', 'x'.repeat(43))}`
}

const hasBody = (method: string) => ['post', 'put', 'patch'].includes(method)

describe('every route of the OpenAPI document', () => {
  it('lists the routes, and only sign-in, the pay link, payment links and the signed unsubscribe link are public', () => {
    expect(operations.length).toBeGreaterThan(40)
    const open = operations.filter((o) => !o.secured).map((o) => o.path)
    // The unsubscribe link carries its own signed token (a forged one is a 400: test/messages.api.test.ts).
    for (const path of open)
      expect(path).toMatch(
        /^\/(auth\/(signup|login|logout)|portal\/(login|session|logout)$|public\/checkout\/|public\/payment-links\/|public\/payment-link-sessions\/|public\/unsubscribe$)/,
      )
  })

  it('answers 401 problem+json to a caller without credentials', async () => {
    for (const op of operations.filter((o) => o.secured)) {
      const res = await t.request(
        op.method.toUpperCase(),
        url(op.path),
        hasBody(op.method) ? { body: {} } : {},
      )
      expect(res.status, `${op.method} ${op.path}`).toBe(401)
      expect(res.headers.get('content-type'), `${op.method} ${op.path}`).toContain('application/problem+json')
    }
  })

  it("never lets another merchant's key read or change A's customers, invoices, keys or members", async () => {
    for (const op of operations.filter((o) => o.secured && o.path.includes('{id}'))) {
      const res = await t.request(
        op.method.toUpperCase(),
        url(op.path),
        hasBody(op.method) ? { as: keyB, body: {} } : { as: keyB },
      )
      const label = `${op.method} ${op.path} as B`
      expect(res.status, label).toBeGreaterThanOrEqual(400)
      expect(res.status, label).toBeLessThan(500)
      expect(JSON.stringify(res.body ?? ''), label).not.toContain('Ada of A')
    }
    // Nothing of A's was touched: the customer, the invoice and A's key still answer.
    expect((await t.request('GET', `/api/v1/customers/${ids.customers}`, { as: keyA })).body.name).toBe(
      'Ada of A',
    )
    expect((await t.request('GET', `/api/v1/invoices/${ids.invoices}`, { as: keyA })).status).toBe(200)
  })

  it('never answers 5xx to a malformed id or an empty body, with or without a key', async () => {
    for (const op of operations.filter((o) => o.secured)) {
      const path = `/api/v1${op.path.replace('{id}', 'not-a-uuid').replace('{network}', 'dogecoin')}`
      const res = await t.request(
        op.method.toUpperCase(),
        path,
        hasBody(op.method) ? { as: keyB, body: {} } : { as: keyB },
      )
      expect(res.status, `${op.method} ${path}`).toBeLessThan(500)
    }
  })
})
