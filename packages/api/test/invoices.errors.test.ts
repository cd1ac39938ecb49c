import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publicKeyAt } from '../../chain-watchers/src/derive/account-keys.fixture.js'
import { attachAddress, pay } from './analytics.js'
import { createCustomer } from './factories.js'
import { createTestApp, type Session, type TestApp } from './harness.js'
import { createInvoice, invoiceBody, payToken, sendInvoice } from './invoices.js'

// An account key no other test file uses: files share one PostgreSQL database, and an address is watched
// for one merchant only.
let t: TestApp
let owner: Session
let intruder: Session
let customerId: string

beforeAll(async () => {
  t = await createTestApp({ env: { RATES_FIXED: 'USDT:USD=1,ETH:USD=4000' } })
  owner = await t.signup({ merchantName: 'Acme' })
  intruder = await t.signup({ merchantName: 'Intruder' })
  await t.request('PUT', '/api/v1/wallets/ethereum', {
    as: owner,
    body: { xpub: publicKeyAt("m/44'/60'/17'") },
  })
  customerId = (await createCustomer(t, owner)).id
})
afterAll(() => t.close())

function expectProblem(res: { status: number; headers: Headers; body: { code?: string } }, status: number) {
  expect(res.status, JSON.stringify(res.body)).toBe(status)
  expect(res.headers.get('content-type')).toContain('application/problem+json')
}

describe('bad input is a clear 4xx, never a 500', () => {
  it.each([
    [
      'a zero quantity',
      { lines: [{ description: 'x', quantity: '0', unitAmount: '1' }] },
      'lines.0.quantity',
    ],
    [
      'a negative quantity',
      { lines: [{ description: 'x', quantity: '-1', unitAmount: '1' }] },
      'lines.0.quantity',
    ],
    [
      'a negative price',
      { lines: [{ description: 'x', quantity: '1', unitAmount: '-5' }] },
      'lines.0.unitAmount',
    ],
    [
      'a float price',
      { lines: [{ description: 'x', quantity: '1', unitAmount: 10.5 }] },
      'lines.0.unitAmount',
    ],
    ['no lines', { lines: [] }, 'lines'],
    ['an unknown currency', { currency: 'XYZ' }, 'currency'],
    ['a coin that cannot be paid there', { accepts: [{ asset: 'SOL', network: 'ethereum' }] }, 'accepts.0'],
    [
      'a coin the merchant has no wallet for',
      { accepts: [{ asset: 'BTC', network: 'bitcoin' }] },
      'accepts.0',
    ],
    [
      'a tax rate of another merchant',
      {
        lines: [
          {
            description: 'x',
            quantity: '1',
            unitAmount: '1',
            taxRateId: '019a0000-0000-7000-8000-000000000000',
          },
        ],
      },
      'lines.0.taxRateId',
    ],
    ['a total of zero', { lines: [{ description: 'x', quantity: '1', unitAmount: '0' }] }, 'lines'],
    ['a malformed due date', { dueDate: '31/01/2026' }, 'dueDate'],
  ])('refuses %s, naming the field', async (_, overrides, path) => {
    const res = await t.request('POST', '/api/v1/invoices', {
      as: owner,
      body: invoiceBody(customerId, overrides),
    })
    expectProblem(res, 400)
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path)
  })

  it('answers a customer of another merchant with 404', async () => {
    const theirs = await createCustomer(t, intruder)
    const res = await t.request('POST', '/api/v1/invoices', { as: owner, body: invoiceBody(theirs.id) })
    expectProblem(res, 404)
  })

  it('refuses a tax rate above 100% and an off-chain payment of zero', async () => {
    const rate = await t.request('POST', '/api/v1/tax-rates', {
      as: owner,
      body: { name: 'Odd', percentage: '101' },
    })
    expectProblem(rate, 400)
    const inv = await createInvoice(t, owner, customerId)
    await sendInvoice(t, owner, inv.id)
    const zero = await t.request('POST', `/api/v1/invoices/${inv.id}/payments`, {
      as: owner,
      body: { amount: '0', method: 'offchain' },
    })
    expectProblem(zero, 400)
    const tooPrecise = await t.request('POST', `/api/v1/invoices/${inv.id}/payments`, {
      as: owner,
      body: { amount: '1.005', method: 'offchain' },
    })
    expectProblem(tooPrecise, 400)
    expect(tooPrecise.body.errors[0].path).toBe('amount')
  })
})

describe('quotes are refused with a reason', () => {
  it('on a draft, a paid and a void invoice', async () => {
    const draft = await createInvoice(t, owner, customerId)
    const onDraft = await t.request('POST', `/api/v1/invoices/${draft.id}/quotes`, {
      as: owner,
      body: { asset: 'USDT', network: 'ethereum' },
    })
    expectProblem(onDraft, 409)
    expect(onDraft.body.detail).toMatch(/Send the invoice/)

    await sendInvoice(t, owner, draft.id)
    await t.request('POST', `/api/v1/invoices/${draft.id}/payments`, {
      as: owner,
      body: { amount: '100', method: 'offchain' },
    })
    const onPaid = await t.request('POST', `/api/v1/invoices/${draft.id}/quotes`, {
      as: owner,
      body: { asset: 'USDT', network: 'ethereum' },
    })
    expectProblem(onPaid, 409)
    expect(onPaid.body.detail).toMatch(/paid/)
    const voidPaid = await t.request('POST', `/api/v1/invoices/${draft.id}/void`, { as: owner })
    expectProblem(voidPaid, 409)

    const other = await createInvoice(t, owner, customerId)
    await sendInvoice(t, owner, other.id)
    await t.request('POST', `/api/v1/invoices/${other.id}/void`, { as: owner })
    const onVoid = await t.request('POST', `/api/v1/invoices/${other.id}/quotes`, {
      as: owner,
      body: { asset: 'USDT', network: 'ethereum' },
    })
    expectProblem(onVoid, 409)
    const payVoid = await t.request('POST', `/api/v1/invoices/${other.id}/payments`, {
      as: owner,
      body: { amount: '1', method: 'offchain' },
    })
    expectProblem(payVoid, 409)
  })

  it('for a coin the invoice does not accept, one with no rate, and above the customer’s limit', async () => {
    const inv = await createInvoice(t, owner, customerId, {
      accepts: [{ asset: 'USDT', network: 'ethereum' }],
    })
    await sendInvoice(t, owner, inv.id)
    const notAccepted = await t.request('POST', `/api/v1/invoices/${inv.id}/quotes`, {
      as: owner,
      body: { asset: 'ETH', network: 'ethereum' },
    })
    expectProblem(notAccepted, 400)
    expect(notAccepted.body.errors[0]).toMatchObject({ path: 'asset' })
    const impossible = await t.request('POST', `/api/v1/invoices/${inv.id}/quotes`, {
      as: owner,
      body: { asset: 'SOL', network: 'ethereum' },
    })
    expectProblem(impossible, 400)

    const inJpy = await createInvoice(t, owner, customerId, { currency: 'JPY' })
    await sendInvoice(t, owner, inJpy.id)
    const noRate = await t.request('POST', `/api/v1/invoices/${inJpy.id}/quotes`, {
      as: owner,
      body: { asset: 'USDT', network: 'ethereum' },
    })
    expectProblem(noRate, 503)
    expect(noRate.body.code).toBe('rate_unavailable')

    const limited = await createCustomer(t, owner, { paymentLimits: { perPaymentMax: '50' } })
    const big = await createInvoice(t, owner, limited.id)
    await sendInvoice(t, owner, big.id)
    const overLimit = await t.request('POST', `/api/v1/invoices/${big.id}/quotes`, {
      as: owner,
      body: { asset: 'USDT', network: 'ethereum' },
    })
    expectProblem(overLimit, 409)
    expect(overLimit.body).toMatchObject({ limit: 'perPaymentMax', max: '50.00', currency: 'USD' })
    expect(overLimit.body.detail).toMatch(/limit of 50.00 USD/)
  })

  it("a quote that would take the customer's payments this month (their timezone) above the monthly limit is refused", async () => {
    const limited = await createCustomer(t, owner, {
      timezone: 'Asia/Tokyo',
      paymentLimits: { monthlyMax: '150' },
    })
    const address = await attachAddress(t, owner, limited.id)
    // 01:00 on 1 December in Tokyo counts for December; 23:00 on 30 November there does not.
    await pay(t, address, { asset: 'USDT', amount: 100_000_000n, at: '2026-12-03T10:00:00Z' })
    await pay(t, address, { asset: 'USDT', amount: 30_000_000n, at: '2026-11-30T16:00:00Z' })
    await pay(t, address, { asset: 'USDT', amount: 500_000_000n, at: '2026-11-30T14:00:00Z' })
    await pay(t, address, {
      asset: 'USDT',
      amount: 70_000_000n,
      at: '2026-12-04T10:00:00Z',
      status: 'failed',
    })
    t.clock.set(new Date('2026-12-15T00:00:00Z'))
    try {
      const quote = async (total: string) => {
        const inv = await createInvoice(t, owner, limited.id, {
          lines: [{ description: 'Work', quantity: '1', unitAmount: total }],
          accepts: [{ asset: 'ETH', network: 'ethereum' }],
        })
        await sendInvoice(t, owner, inv.id)
        return t.request('POST', `/api/v1/invoices/${inv.id}/quotes`, {
          as: owner,
          body: { asset: 'ETH', network: 'ethereum' },
        })
      }
      const over = await quote('40')
      expectProblem(over, 409)
      expect(over.body).toMatchObject({
        limit: 'monthlyMax',
        max: '150.00',
        paidThisMonth: '130.00',
        remaining: '20.00',
        currency: 'USD',
      })
      expect(over.body.detail).toMatch(
        /monthly limit of 150.00 USD: 130.00 USD paid this month, 20.00 USD left/,
      )
      const within = await quote('20')
      expect(within.status, JSON.stringify(within.body)).toBe(201)
      expect(within.body).toMatchObject({ fiatAmount: '20.00', currency: 'USD' })
    } finally {
      t.clock.reset()
    }
  })
})

describe('tenancy', () => {
  it('another merchant can neither read nor act on an invoice', async () => {
    const inv = await createInvoice(t, owner, customerId)
    for (const [method, path, body] of [
      ['GET', `/api/v1/invoices/${inv.id}`, undefined],
      ['POST', `/api/v1/invoices/${inv.id}/send`, undefined],
      ['POST', `/api/v1/invoices/${inv.id}/void`, undefined],
      ['POST', `/api/v1/invoices/${inv.id}/payments`, { amount: '1', method: 'offchain' }],
      ['POST', `/api/v1/invoices/${inv.id}/quotes`, { asset: 'USDT', network: 'ethereum' }],
      ['GET', `/api/v1/customers/${customerId}/billing`, undefined],
      ['POST', `/api/v1/customers/${customerId}/charge`, { amount: '5', currency: 'USD', description: 'x' }],
    ] as const) {
      const res = await t.request(method, path, { as: intruder, ...(body ? { body } : {}) })
      expectProblem(res, 404)
    }
    const list = await t.request('GET', '/api/v1/invoices', { as: intruder })
    expect(list.body.data).toEqual([])
    const after = await t.request('GET', `/api/v1/invoices/${inv.id}`, { as: owner })
    expect(after.body.status).toBe('draft')
  })

  it('the public checkout shows the invoice and nothing else, with strict headers', async () => {
    const customer = await createCustomer(t, owner, {
      name: 'Private Person',
      email: 'private@example.com',
      preferredCoins: [{ asset: 'ETH', network: 'ethereum' }],
    })
    const inv = await createInvoice(t, owner, customer.id, {
      accepts: [
        { asset: 'USDT', network: 'ethereum' },
        { asset: 'ETH', network: 'ethereum' },
      ],
    })
    const sent = await sendInvoice(t, owner, inv.id)
    const token = payToken(sent)
    const res = await t.request('GET', `/api/v1/public/checkout/${token}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.body).toMatchObject({
      merchantName: 'Acme',
      number: inv.number,
      status: 'open',
      total: '100.00',
      amountDue: '100.00',
      accepts: [
        { asset: 'ETH', network: 'ethereum', preferred: true },
        { asset: 'USDT', network: 'ethereum', preferred: false },
      ],
      quotes: [],
    })
    const text = JSON.stringify(res.body)
    for (const secret of ['Private Person', 'private@example.com', customer.id, inv.id, owner.merchantId]) {
      expect(text).not.toContain(secret)
    }

    const quote = await t.request('POST', `/api/v1/public/checkout/${token}/quote`, {
      body: { asset: 'ETH', network: 'ethereum' },
    })
    expect(quote.status, JSON.stringify(quote.body)).toBe(201)
    expect(quote.body).toMatchObject({ asset: 'ETH', amount: '0.025', fiatAmount: '100.00', rate: '4000' })
    expect(quote.body.qrSvg).toMatch(/^<svg/)
    // Asking again while the lock holds gives the same quote: no address is spent per click.
    const again = await t.request('POST', `/api/v1/public/checkout/${token}/quote`, {
      body: { asset: 'ETH', network: 'ethereum' },
    })
    expect(again.body.address).toBe(quote.body.address)
    const withQuote = await t.request('GET', `/api/v1/public/checkout/${token}`)
    expect(withQuote.body.quotes).toHaveLength(1)

    for (const bad of ['nope', `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, 'A'.repeat(43)]) {
      const res404 = await t.request('GET', `/api/v1/public/checkout/${bad}`)
      expectProblem(res404, 404)
      expect(res404.headers.get('referrer-policy')).toBe('no-referrer')
      expect(res404.headers.get('cache-control')).toBe('no-store')
    }
    const wrongCoin = await t.request('POST', `/api/v1/public/checkout/${token}/quote`, {
      body: { asset: 'BTC', network: 'bitcoin' },
    })
    expectProblem(wrongCoin, 400)
  })
})
