import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCustomer, customersPath, listCustomers } from './factories.js'
import { createTestApp, type TestApp } from './harness.js'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

const fullProfile = {
  customId: 'CRM-0001',
  name: 'Ana Silva',
  email: 'Ana.Silva@Example.com',
  phone: '+351 912 345 678',
  company: 'Lisbon Bikes Lda',
  jobTitle: 'Buyer',
  billingAddress: { line1: 'Rua Augusta 1', city: 'Lisboa', postalCode: '1100-048', country: 'pt' },
  shippingAddress: { line1: 'Armazém 4', city: 'Porto', country: 'PT' },
  country: 'pt',
  timezone: 'Europe/Lisbon',
  status: 'inactive',
  type: 'business',
  taxId: '123456789',
  vatNumber: 'PT123456789',
  tags: ['vip', 'wholesale', 'vip'],
  tier: 'gold',
  notes: 'Prefers invoices in English.',
  customFields: { segment: 'retail', seats: 12, reseller: true, referrer: null },
  preferredFiat: 'eur',
  paymentTermsDays: 30,
  preferredCoins: [
    { asset: 'USDT', network: 'tron' },
    { asset: 'BTC', network: 'bitcoin' },
    { asset: 'USDC', network: 'solana' },
  ],
  paymentLimits: { perPaymentMax: '5000.00', monthlyMax: '20000' },
  registrationDate: '2025-03-14',
}

describe('creating and reading a customer', () => {
  it('stores every field of a full profile and reads it back the same, normalised', async () => {
    const owner = await t.signup()
    const created = await t.request('POST', customersPath(), { as: owner, body: fullProfile })
    expect(created.status).toBe(201)
    const c = created.body
    expect(c).toMatchObject({
      customId: 'CRM-0001',
      name: 'Ana Silva',
      email: 'ana.silva@example.com',
      country: 'PT',
      preferredFiat: 'EUR',
      tags: ['vip', 'wholesale'],
      billingAddress: { line1: 'Rua Augusta 1', city: 'Lisboa', postalCode: '1100-048', country: 'PT' },
      customFields: { segment: 'retail', seats: 12, reseller: true, referrer: null },
      preferredCoins: fullProfile.preferredCoins,
      paymentLimits: { perPaymentMax: '5000.00', monthlyMax: '20000' },
      registrationDate: '2025-03-14',
      status: 'inactive',
      type: 'business',
      tier: 'gold',
      source: 'manual',
      lifetimeValue: '0',
      paymentCount: 0,
      lastPaymentAt: null,
    })
    expect(new Date(c.createdAt).toISOString()).toBe(c.createdAt)

    const read = await t.request('GET', customersPath(c.id), { as: owner })
    expect(read.status).toBe(200)
    // The same customer, with their metrics (test/analytics.metrics.test.ts pins those) and avatar (none yet).
    const { metrics, avatar, ...customer } = read.body
    expect(avatar).toBeNull()
    expect(customer).toEqual(c)
    expect(metrics).toMatchObject({ lifetimeValue: '0', paymentCount: 0, successRate: null })
  })

  it('fills defaults for a customer created with only a name', async () => {
    const owner = await t.signup()
    const res = await t.request('POST', customersPath(), { as: owner, body: { name: 'Walk-in' } })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      email: null,
      status: 'active',
      type: 'individual',
      tags: [],
      customFields: {},
      preferredCoins: [],
      billingAddress: null,
    })
    expect(res.body.registrationDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it('creates one customer for a retried request with the same Idempotency-Key', async () => {
    const owner = await t.signup()
    const headers = { 'idempotency-key': 'create-ana-1' }
    const body = { name: 'Ana Retry', email: 'retry@example.com' }
    const first = await t.request('POST', customersPath(), { as: owner, headers, body })
    const retry = await t.request('POST', customersPath(), { as: owner, headers, body })
    expect(first.status).toBe(201)
    expect(retry.status).toBe(201)
    expect(retry.headers.get('idempotent-replayed')).toBe('true')
    expect(retry.body.id).toBe(first.body.id)
    expect((await listCustomers(t, owner)).body.data).toHaveLength(1)
  })

  it('records who created the customer in its activity log', async () => {
    const owner = await t.signup()
    const c = await createCustomer(t, owner)
    const audit = await t.request('GET', `${customersPath(c.id)}/audit`, { as: owner })
    expect(audit.status).toBe(200)
    expect(audit.body.data).toHaveLength(1)
    expect(audit.body.data[0]).toMatchObject({
      action: 'customer.created',
      actor: { type: 'user', id: owner.userId, name: owner.email },
    })
  })
})

describe('updating a customer', () => {
  it('changes only the fields sent, clears fields sent as null, and bumps updatedAt', async () => {
    const owner = await t.signup()
    const c = await createCustomer(t, owner, {
      phone: '+1 555 0100 200',
      company: 'Acme',
      tags: ['a'],
      tier: 'bronze',
    })
    await new Promise((r) => setTimeout(r, 5))
    const res = await t.request('PATCH', customersPath(c.id), {
      as: owner,
      body: {
        company: null,
        tier: 'platinum',
        tags: ['b', 'c'],
        billingAddress: { city: 'Lyon', country: 'fr' },
      },
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      name: c.name,
      email: c.email,
      phone: '+1 555 0100 200',
      company: null,
      tier: 'platinum',
      tags: ['b', 'c'],
      billingAddress: { city: 'Lyon', country: 'FR' },
    })
    expect(res.body.updatedAt > c.updatedAt).toBe(true)
    const {
      metrics: _,
      avatar: _avatar,
      ...read
    } = (await t.request('GET', customersPath(c.id), { as: owner })).body
    expect(read).toEqual(res.body)
  })

  it('replaces the preferred coins in the new order', async () => {
    const owner = await t.signup()
    const c = await createCustomer(t, owner, {
      preferredCoins: [
        { asset: 'BTC', network: 'bitcoin' },
        { asset: 'ETH', network: 'ethereum' },
      ],
    })
    const coins = [
      { asset: 'ETH', network: 'ethereum' },
      { asset: 'USDC', network: 'arbitrum' },
    ]
    const res = await t.request('PATCH', customersPath(c.id), { as: owner, body: { preferredCoins: coins } })
    expect(res.body.preferredCoins).toEqual(coins)
    const cleared = await t.request('PATCH', customersPath(c.id), { as: owner, body: { preferredCoins: [] } })
    expect(cleared.body.preferredCoins).toEqual([])
  })

  it('logs the changed fields with before and after values, and nothing for a no-op', async () => {
    const owner = await t.signup()
    const c = await createCustomer(t, owner, { status: 'active', tags: ['x'] })
    await t.request('PATCH', customersPath(c.id), {
      as: owner,
      body: { status: 'suspended', tags: ['x'], name: c.name },
    })
    const same = await t.request('PATCH', customersPath(c.id), { as: owner, body: { status: 'suspended' } })
    expect(same.status).toBe(200)
    const audit = await t.request('GET', `${customersPath(c.id)}/audit`, { as: owner })
    expect(audit.body.data.map((e: { action: string }) => e.action)).toEqual([
      'customer.updated',
      'customer.created',
    ])
    expect(audit.body.data[0].data).toEqual({
      fields: ['status'],
      changes: { status: { from: 'active', to: 'suspended' } },
    })
  })

  it('lets a customer take an email another customer gave up', async () => {
    const owner = await t.signup()
    const a = await createCustomer(t, owner, { email: 'shared@example.com' })
    const b = await createCustomer(t, owner)
    await t.request('PATCH', customersPath(a.id), { as: owner, body: { email: null } })
    const res = await t.request('PATCH', customersPath(b.id), {
      as: owner,
      body: { email: 'SHARED@example.com' },
    })
    expect(res.status).toBe(200)
    expect(res.body.email).toBe('shared@example.com')
  })
})

describe('deleting a customer', () => {
  it('removes it from reads and lists and frees its email and custom id', async () => {
    const owner = await t.signup()
    const c = await createCustomer(t, owner, { email: 'gone@example.com', customId: 'X-1' })
    expect((await t.request('DELETE', customersPath(c.id), { as: owner })).status).toBe(204)
    expect((await t.request('GET', customersPath(c.id), { as: owner })).status).toBe(404)
    expect((await t.request('DELETE', customersPath(c.id), { as: owner })).status).toBe(404)
    expect((await t.request('PATCH', customersPath(c.id), { as: owner, body: { name: 'x' } })).status).toBe(
      404,
    )
    expect((await listCustomers(t, owner)).body.data).toEqual([])
    const again = await t.request('POST', customersPath(), {
      as: owner,
      body: { name: 'Back again', email: 'Gone@Example.com', customId: 'X-1' },
    })
    expect(again.status).toBe(201)
    expect(again.body.id).not.toBe(c.id)
  })
})

describe('the activity log', () => {
  it('pages through a customer’s entries newest first', async () => {
    const owner = await t.signup()
    const key = await t.apiKey(owner, 'admin')
    const c = await createCustomer(t, owner)
    for (const tier of ['bronze', 'silver', 'gold']) {
      await t.request('PATCH', customersPath(c.id), { as: key, body: { tier } })
    }
    const first = await t.request('GET', `${customersPath(c.id)}/audit?limit=3`, { as: owner })
    expect(
      first.body.data.map((e: { data: { changes?: { tier: { to: string } } } }) => e.data.changes?.tier.to),
    ).toEqual(['gold', 'silver', 'bronze'])
    expect(first.body.data[0].actor).toMatchObject({ type: 'api_key', name: 'test admin' })
    const second = await t.request(
      'GET',
      `${customersPath(c.id)}/audit?limit=3&cursor=${first.body.nextCursor}`,
      {
        as: owner,
      },
    )
    expect(second.body.data.map((e: { action: string }) => e.action)).toEqual(['customer.created'])
    expect(second.body.nextCursor).toBeNull()
  })
})

describe('the API document', () => {
  it('describes every customer route', async () => {
    const doc = await t.request('GET', '/api/v1/openapi.json')
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/customers',
        '/customers/{id}',
        '/customers/duplicates',
        '/customers/{id}/merge',
        '/customers/{id}/audit',
      ]),
    )
    expect(doc.body.paths['/customers'].post.requestBody.required).toBe(true)
    expect(doc.body.paths['/customers/{id}'].delete.responses).toHaveProperty('204')
  })
})
