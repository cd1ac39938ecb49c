import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publicKeyAt } from '../../chain-watchers/src/derive/account-keys.fixture.js'
import { createTestApp, type Session, type TestApp } from './harness.js'

// Payment links over HTTP: the merchant's API, the payer's public API, tenancy and bad input. Paying one
// on chain is test/payment-links.evm.test.ts.

let t: TestApp
let owner: Session
let other: Session
const ETH = { asset: 'ETH', network: 'ethereum' }

beforeAll(async () => {
  t = await createTestApp()
  owner = await t.signup({ merchantName: 'Link Shop' })
  other = await t.signup({ merchantName: 'Someone Else' })
  // Account keys no other test file uses: an address is watched for one merchant only.
  for (const [s, key] of [
    [owner, "m/44'/60'/71'"],
    [other, "m/44'/60'/72'"],
  ] as const) {
    const wallet = await t.request('PUT', '/api/v1/wallets/ethereum', {
      as: s,
      body: { xpub: publicKeyAt(key) },
    })
    expect(wallet.status, JSON.stringify(wallet.body)).toBe(200)
  }
})
afterAll(async () => {
  await t?.close()
})

async function createLink(body: Record<string, unknown> = {}, as = owner) {
  const res = await t.request('POST', '/api/v1/payment-links', {
    as,
    body: { title: 'Workshop ticket', amount: '25', currency: 'USD', accepts: [ETH], ...body },
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body
}

const pub = (path: string, opts: { body?: unknown } = {}) =>
  t.request(opts.body === undefined ? 'GET' : 'POST', `/api/v1/public${path}`, opts)

describe('payment links: the merchant’s side', () => {
  it('creates a link with its defaults, lists it, reads it and shows its public page', async () => {
    const link = await createLink({ description: 'One seat' })
    expect(link).toMatchObject({
      title: 'Workshop ticket',
      description: 'One seat',
      amount: '25.00',
      customAmount: false,
      currency: 'USD',
      accepts: [ETH],
      collect: ['name', 'email'],
      maxUses: null,
      uses: 0,
      expiresAt: null,
      disabledAt: null,
      status: 'active',
    })
    expect(link.url).toBe(`/l/${link.slug}`)
    expect(link.slug).toMatch(/^[A-Za-z0-9_-]{12}$/)

    const list = await t.request('GET', '/api/v1/payment-links', { as: owner })
    expect(list.status).toBe(200)
    expect(list.body.data.map((l: { id: string }) => l.id)).toContain(link.id)
    const one = await t.request('GET', `/api/v1/payment-links/${link.id}`, { as: owner })
    expect(one.body).toEqual(link)

    const page = await pub(`/payment-links/${link.slug}`)
    expect(page.status).toBe(200)
    expect(page.headers.get('cache-control')).toBe('no-store')
    expect(page.body).toEqual({
      merchantName: 'Link Shop',
      title: 'Workshop ticket',
      description: 'One seat',
      amount: '25.00',
      customAmount: false,
      currency: 'USD',
      accepts: [ETH],
      collect: ['name', 'email'],
    })
  })

  it('defaults the coins to every coin the merchant receives', async () => {
    const link = await createLink({ accepts: undefined })
    expect(link.accepts).toContainEqual(ETH)
  })

  it('disables a link (410 disabled on its page), enables it again, and records the events', async () => {
    const link = await createLink()
    const off = await t.request('PATCH', `/api/v1/payment-links/${link.id}`, {
      as: owner,
      body: { disabled: true },
    })
    expect(off.status).toBe(200)
    expect(off.body).toMatchObject({ status: 'disabled' })
    expect(off.body.disabledAt).not.toBeNull()
    const gone = await pub(`/payment-links/${link.slug}`)
    expect(gone.status).toBe(410)
    expect(gone.body).toMatchObject({ code: 'gone', reason: 'disabled' })
    const start = await pub(`/payment-links/${link.slug}/sessions`, {
      body: { name: 'A', email: 'a@x.test' },
    })
    expect(start.status).toBe(410)

    const filtered = await t.request('GET', '/api/v1/payment-links?status=disabled', { as: owner })
    expect(filtered.body.data.map((l: { id: string }) => l.id)).toContain(link.id)
    expect(filtered.body.data.every((l: { status: string }) => l.status === 'disabled')).toBe(true)

    const on = await t.request('PATCH', `/api/v1/payment-links/${link.id}`, {
      as: owner,
      body: { disabled: false },
    })
    expect(on.body).toMatchObject({ status: 'active', disabledAt: null })
    expect((await pub(`/payment-links/${link.slug}`)).status).toBe(200)

    const events = await t.request('GET', '/api/v1/events?limit=100', { as: owner })
    const types = events.body.data
      .filter((e: { data: { object?: { id?: string } } }) => e.data.object?.id === link.id)
      .map((e: { type: string }) => e.type)
    expect(types.sort()).toEqual(['payment_link.created', 'payment_link.updated', 'payment_link.updated'])
  })

  it('an expired link is 410 expired; an expiry can be lifted', async () => {
    const link = await createLink({ expiresAt: new Date(Date.now() + 60_000).toISOString() })
    t.clock.set(new Date(Date.now() + 120_000))
    try {
      const res = await pub(`/payment-links/${link.slug}`)
      expect(res.status).toBe(410)
      expect(res.body.reason).toBe('expired')
      const got = await t.request('GET', `/api/v1/payment-links/${link.id}`, { as: owner })
      expect(got.body.status).toBe('expired')
      const lifted = await t.request('PATCH', `/api/v1/payment-links/${link.id}`, {
        as: owner,
        body: { expiresAt: null },
      })
      expect(lifted.body).toMatchObject({ status: 'active', expiresAt: null })
    } finally {
      t.clock.reset()
    }
  })

  it('another merchant’s link is a 404 everywhere; viewers may read but not write', async () => {
    const link = await createLink()
    for (const [method, path, body] of [
      ['GET', `/api/v1/payment-links/${link.id}`, undefined],
      ['PATCH', `/api/v1/payment-links/${link.id}`, { disabled: true }],
      ['GET', `/api/v1/payment-links/${link.id}/uses`, undefined],
    ] as const) {
      const res = await t.request(method, path, { as: other, ...(body ? { body } : {}) })
      expect(res.status, `${method} ${path}`).toBe(404)
    }
    const theirs = await t.request('GET', '/api/v1/payment-links', { as: other })
    expect(theirs.body.data.map((l: { id: string }) => l.id)).not.toContain(link.id)

    const viewer = await t.apiKey(owner, 'viewer')
    expect((await t.request('GET', `/api/v1/payment-links/${link.id}`, { as: viewer })).status).toBe(200)
    const write = await t.request('PATCH', `/api/v1/payment-links/${link.id}`, {
      as: viewer,
      body: { disabled: true },
    })
    expect(write.status).toBe(403)
    const anonymous = await t.request('GET', '/api/v1/payment-links')
    expect(anonymous.status).toBe(401)
  })

  it('bad input is a 400 naming the field, never a 500', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ title: '' }, 'title'],
      [{ amount: '-5' }, 'amount'],
      [{ amount: '0' }, 'amount'],
      [{ amount: 12.5 }, 'amount'],
      [{ amount: '1.234' }, 'amount'],
      [{ amount: undefined }, 'amount'],
      [{ customAmount: true }, 'amount'],
      [{ currency: 'XXQ' }, 'currency'],
      [{ accepts: [{ asset: 'DOGE', network: 'ethereum' }] }, 'accepts.0.asset'],
      [{ accepts: [{ asset: 'SOL', network: 'ethereum' }] }, 'accepts.0'],
      [{ accepts: [{ asset: 'BTC', network: 'bitcoin' }] }, 'accepts.0'],
      [{ accepts: [] }, 'accepts'],
      [{ collect: ['name', 'shoeSize'] }, 'collect.1'],
      [{ collect: ['name', 'name'] }, 'collect'],
      [{ maxUses: 0 }, 'maxUses'],
      [{ maxUses: 1.5 }, 'maxUses'],
      [{ expiresAt: 'tomorrow' }, 'expiresAt'],
      [{ expiresAt: '2001-01-01T00:00:00Z' }, 'expiresAt'],
      [{ color: 'red' }, '(body)'],
    ]
    for (const [patch, path] of cases) {
      const res = await t.request('POST', '/api/v1/payment-links', {
        as: owner,
        body: { title: 'T', amount: '25', currency: 'USD', accepts: [ETH], ...patch },
      })
      expect(res.status, JSON.stringify(patch)).toBe(400)
      expect(
        res.body.errors.map((e: { path: string }) => e.path),
        JSON.stringify(res.body),
      ).toContain(path)
    }
    // JPY has no minor units.
    const yen = await t.request('POST', '/api/v1/payment-links', {
      as: owner,
      body: { title: 'T', amount: '100.5', currency: 'JPY', accepts: [ETH] },
    })
    expect(yen.status).toBe(400)
    const link = await createLink()
    for (const body of [
      {},
      { amount: '5' },
      { maxUses: -1 },
      { disabled: 'yes' },
      { expiresAt: '2001-01-01T00:00:00Z' },
    ]) {
      const res = await t.request('PATCH', `/api/v1/payment-links/${link.id}`, { as: owner, body })
      expect(res.status, JSON.stringify(body)).toBe(400)
    }
    const malformed = await t.request('POST', '/api/v1/payment-links', { as: owner, rawBody: '{"title":' })
    expect(malformed.status).toBe(400)
    expect((await t.request('GET', '/api/v1/payment-links/not-a-uuid', { as: owner })).status).toBe(400)
    expect((await t.request('GET', '/api/v1/payment-links?status=weird', { as: owner })).status).toBe(400)
  })
})

describe('payment links: the payer’s side', () => {
  it('asks for what the link collects, then quotes the coin picked with its address, URI and QR', async () => {
    const link = await createLink({ collect: ['name', 'email', 'phone', 'billingAddress'] })
    const res = await pub(`/payment-links/${link.slug}/sessions`, {
      body: {
        name: 'Ada Payer',
        email: 'Ada@Example.test',
        phone: '+351 912 345 678',
        billingAddress: { line1: 'Rua 1', city: 'Lisboa', country: 'PT' },
      },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body).toMatchObject({
      merchantName: 'Link Shop',
      title: 'Workshop ticket',
      amount: '25.00',
      currency: 'USD',
      status: 'awaiting_payment',
      quote: null,
      payments: [],
    })
    const token = res.body.token
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)

    const quote = await pub(`/payment-link-sessions/${token}/quote`, { body: ETH })
    expect(quote.status, JSON.stringify(quote.body)).toBe(201)
    // 25 USD at 4000 USD per ETH.
    expect(quote.body).toMatchObject({
      ...ETH,
      amount: '0.00625',
      fiatAmount: '25.00',
      rate: '4000',
      expired: false,
    })
    expect(quote.body.address).toMatch(/^0x[0-9a-fA-F]{40}$/)
    expect(quote.body.uri).toContain(`ethereum:${quote.body.address}`)
    expect(quote.body.qrSvg).toContain('<svg')
    // The same coin again: the same quote, not another address.
    const again = await pub(`/payment-link-sessions/${token}/quote`, { body: ETH })
    expect(again.body.id).toBe(quote.body.id)

    const state = await pub(`/payment-link-sessions/${token}`)
    expect(state.status).toBe(200)
    expect(state.body).toMatchObject({ status: 'awaiting_payment', quote: { id: quote.body.id } })

    // The target has no customer: nothing shows in the merchant's customers until a payment arrives.
    const customers = await t.request('GET', '/api/v1/customers?q=ada', { as: owner })
    expect(customers.body.data).toEqual([])
    const uses = await t.request('GET', `/api/v1/payment-links/${link.id}/uses`, { as: owner })
    expect(uses.body).toEqual({ data: [] })
  })

  it('a custom-amount link takes the payer’s amount', async () => {
    const link = await createLink({ amount: undefined, customAmount: true, collect: ['email'] })
    expect(link).toMatchObject({ amount: null, customAmount: true })
    const res = await pub(`/payment-links/${link.slug}/sessions`, {
      body: { email: 'x@y.test', amount: '40' },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body.amount).toBe('40.00')
    const quote = await pub(`/payment-link-sessions/${res.body.token}/quote`, { body: ETH })
    expect(quote.body.amount).toBe('0.01')
  })

  it('bad input on the public side: a clear 4xx, never a 500', async () => {
    const link = await createLink({ collect: ['name', 'email'] })
    const fixed = `/payment-links/${link.slug}/sessions`
    const cases: [unknown, string][] = [
      [{}, 'name'],
      [{ name: 'A' }, 'email'],
      [{ name: 'A', email: 'not-an-email' }, 'email'],
      [{ name: '', email: 'a@b.test' }, 'name'],
      [{ name: 'A', email: 'a@b.test', phone: '+351 912 345 678' }, 'phone'],
      [{ name: 'A', email: 'a@b.test', amount: '10' }, 'amount'],
      [{ name: 'A', email: 'a@b.test', hacker: true }, '(body)'],
      [{ name: 'A', email: 'a@b.test', billingAddress: 'Lisbon' }, 'billingAddress'],
      [{ name: 42, email: 'a@b.test' }, 'name'],
    ]
    for (const [body, path] of cases) {
      const res = await pub(fixed, { body })
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(
        res.body.errors.map((e: { path: string }) => e.path),
        JSON.stringify(res.body),
      ).toContain(path)
    }
    const custom = await createLink({ amount: undefined, customAmount: true, collect: [] })
    for (const amount of [undefined, '0', '-1', 'abc', '1.001', 5]) {
      const res = await pub(`/payment-links/${custom.slug}/sessions`, {
        body: amount === undefined ? {} : { amount },
      })
      expect(res.status, String(amount)).toBe(400)
    }
    for (const slug of ['nope', 'x'.repeat(200), '%00', '..%2F..']) {
      const res = await pub(`/payment-links/${slug}`)
      expect(res.status, slug).toBe(404)
    }
    expect((await pub('/payment-link-sessions/short')).status).toBe(404)
    expect((await pub(`/payment-link-sessions/${'A'.repeat(43)}`)).status).toBe(404)

    const started = await pub(fixed, { body: { name: 'A', email: 'a@b.test' } })
    const token = started.body.token
    for (const body of [
      {},
      { asset: 'ETH' },
      { asset: 'BTC', network: 'bitcoin' },
      { asset: 'SOL', network: 'ethereum' },
    ]) {
      const res = await pub(`/payment-link-sessions/${token}/quote`, { body })
      expect(res.status, JSON.stringify(body)).toBe(400)
    }
    const raw = await t.request('POST', `/api/v1/public/payment-links/${link.slug}/sessions`, {
      rawBody: 'nope',
    })
    expect(raw.status).toBe(400)
  })

  it('a link used up by its payers is 410 used_up', async () => {
    const link = await createLink({ maxUses: 1, collect: [] })
    const started = await pub(`/payment-links/${link.slug}/sessions`, { body: {} })
    expect(started.status).toBe(201)
    // A payment seen on the session marks the use (what the watchers do; see the anvil test).
    await t.db
      .updateTable('payment_link_sessions')
      .set({ paid_at: new Date() })
      .where('token', '=', started.body.token)
      .execute()
    const res = await pub(`/payment-links/${link.slug}`)
    expect(res.status).toBe(410)
    expect(res.body.reason).toBe('used_up')
    const got = await t.request('GET', `/api/v1/payment-links/${link.id}`, { as: owner })
    expect(got.body).toMatchObject({ uses: 1, status: 'used_up' })
  })
})
