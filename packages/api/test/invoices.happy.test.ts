import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publicKeyAt } from '../../chain-watchers/src/derive/account-keys.fixture.js'
import { createCustomer } from './factories.js'
import { createTestApp, type Session, type TestApp } from './harness.js'
import { createInvoice, invoiceBody, sendInvoice } from './invoices.js'

// An account key no other test file uses: files share one PostgreSQL database, and an address is watched
// for one merchant only.
let t: TestApp
let owner: Session

beforeAll(async () => {
  t = await createTestApp({ env: { RATES_FIXED: 'USDT:USD=1,ETH:USD=4000,USDT:EUR=0.9,BTC:USD=100000' } })
  owner = await t.signup({ merchantName: 'Acme Hosting' })
  const wallet = await t.request('PUT', '/api/v1/wallets/ethereum', {
    as: owner,
    body: { xpub: publicKeyAt("m/44'/60'/18'") },
  })
  expect(wallet.status).toBe(200)
})
afterAll(() => t.close())

describe('creating invoices', () => {
  it('defaults currency, due date and coins from the customer, and totals exactly', async () => {
    t.clock.set('2026-03-10T12:00:00Z')
    const vat = await t.request('POST', '/api/v1/tax-rates', {
      as: owner,
      body: { name: 'VAT', percentage: '23' },
    })
    expect(vat.status).toBe(201)
    const customer = await createCustomer(t, owner, {
      preferredFiat: 'EUR',
      paymentTermsDays: 15,
      preferredCoins: [
        { asset: 'BTC', network: 'bitcoin' }, // no bitcoin wallet: left out
        { asset: 'USDT', network: 'ethereum' },
      ],
    })
    const res = await t.request('POST', '/api/v1/invoices', {
      as: owner,
      body: {
        customerId: customer.id,
        lines: [
          { description: 'Hosting', quantity: '3', unitAmount: '19.99', taxRateId: vat.body.id },
          { description: 'Setup', quantity: 1, unitAmount: '0.10' },
          { description: 'Metered', quantity: '0.5', unitAmount: '0.015' },
        ],
      },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body).toMatchObject({
      status: 'draft',
      currency: 'EUR',
      issueDate: '2026-03-10',
      dueDate: '2026-03-25',
      subtotal: '60.08',
      taxTotal: '13.79',
      total: '73.87',
      amountPaid: '0.00',
      amountDue: '73.87',
      payUrl: null,
      accepts: [{ asset: 'USDT', network: 'ethereum' }],
    })
    expect(res.body.number).toMatch(/^INV-\d{6}$/)
    expect(res.body.taxes).toEqual([
      { taxRateId: vat.body.id, name: 'VAT', percentage: '23', amount: '13.79' },
    ])
    expect(res.body.lines[2]).toMatchObject({ quantity: '0.5', unitAmount: '0.015', amount: '0.01' })
    expect(res.body.history).toEqual([
      { from: null, to: 'draft', reason: 'created', at: '2026-03-10T12:00:00.000Z' },
    ])
    t.clock.reset()
  })

  it('bills a tax-exempt customer without tax', async () => {
    const vat = await t.request('POST', '/api/v1/tax-rates', {
      as: owner,
      body: { name: 'VAT', percentage: '20' },
    })
    const customer = await createCustomer(t, owner)
    const billing = await t.request('PATCH', `/api/v1/customers/${customer.id}/billing`, {
      as: owner,
      body: { taxExempt: true },
    })
    expect(billing.body).toEqual({ taxExempt: true, autoSend: false, credit: [] })
    const inv = await createInvoice(t, owner, customer.id, {
      lines: [{ description: 'Consulting', quantity: '2', unitAmount: '50', taxRateId: vat.body.id }],
    })
    expect(inv).toMatchObject({
      currency: 'USD',
      subtotal: '100.00',
      taxTotal: '0.00',
      total: '100.00',
      taxes: [],
    })
    expect(inv.lines[0].taxName).toBeNull()
  })

  it('numbers invoices sequentially per merchant, never twice under concurrency, with the merchant’s prefix', async () => {
    const other = await t.signup()
    const settings = await t.request('PATCH', '/api/v1/invoice-settings', {
      as: other,
      body: { numberPrefix: 'ACME-' },
    })
    expect(settings.body).toMatchObject({ numberPrefix: 'ACME-', nextNumber: 1 })
    const customer = await createCustomer(t, other)
    const created = await Promise.all(
      Array.from({ length: 12 }, () =>
        t.request('POST', '/api/v1/invoices', { as: other, body: invoiceBody(customer.id) }),
      ),
    )
    expect(created.map((r) => r.status)).toEqual(Array(12).fill(201))
    const numbers = created.map((r) => r.body.number).sort()
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => `ACME-${String(i + 1).padStart(6, '0')}`))
  })
})

describe('status from what is applied', () => {
  it('goes open → partially_paid → paid with off-chain payments, and knows overdue', async () => {
    t.clock.set('2026-01-01T09:00:00Z')
    const customer = await createCustomer(t, owner)
    const inv = await createInvoice(t, owner, customer.id, { dueDate: '2026-01-15' })
    const sent = await sendInvoice(t, owner, inv.id)
    expect(sent.status).toBe('open')
    expect(sent.payUrl).toMatch(/^\/pay\/[A-Za-z0-9_-]{43}$/)
    t.clock.set('2026-01-20T09:00:00Z')
    const overdue = await t.request('GET', `/api/v1/invoices?overdue=true&customerId=${customer.id}`, {
      as: owner,
    })
    expect(overdue.body.data.map((i: { id: string }) => i.id)).toEqual([inv.id])
    expect(overdue.body.data[0].overdue).toBe(true)

    const part = await t.request('POST', `/api/v1/invoices/${inv.id}/payments`, {
      as: owner,
      body: { amount: '40', method: 'offchain', note: 'bank transfer' },
    })
    expect(part.status).toBe(200)
    expect(part.body).toMatchObject({ status: 'partially_paid', amountPaid: '40.00', amountDue: '60.00' })
    const rest = await t.request('POST', `/api/v1/invoices/${inv.id}/payments`, {
      as: owner,
      body: { amount: '60.00', method: 'offchain' },
    })
    expect(rest.body).toMatchObject({ status: 'paid', amountDue: '0.00', overdue: false, paidLate: false })
    expect(rest.body.history.map((h: { to: string }) => h.to)).toEqual([
      'draft',
      'open',
      'partially_paid',
      'paid',
    ])
    expect(rest.body.payments.map((p: { method: string; status: string }) => [p.method, p.status])).toEqual([
      ['offchain', 'recorded'],
      ['offchain', 'recorded'],
    ])
    const notOverdue = await t.request('GET', `/api/v1/invoices?overdue=true&customerId=${customer.id}`, {
      as: owner,
    })
    expect(notOverdue.body.data).toEqual([])
    t.clock.reset()
  })

  it('counts an invoice within the underpayment tolerance as paid', async () => {
    const m = await t.signup()
    await t.request('PATCH', '/api/v1/invoice-settings', {
      as: m,
      body: { underpaymentTolerancePercent: '1' },
    })
    const customer = await createCustomer(t, m)
    const inv = await createInvoice(t, m, customer.id)
    await sendInvoice(t, m, inv.id)
    const res = await t.request('POST', `/api/v1/invoices/${inv.id}/payments`, {
      as: m,
      body: { amount: '99.00', method: 'offchain' },
    })
    expect(res.body).toMatchObject({ status: 'paid', amountPaid: '99.00', amountDue: '0.00' })
  })

  it('turns an overpayment into credit that the next invoice in that currency uses', async () => {
    const customer = await createCustomer(t, owner)
    const first = await createInvoice(t, owner, customer.id)
    await sendInvoice(t, owner, first.id)
    const over = await t.request('POST', `/api/v1/invoices/${first.id}/payments`, {
      as: owner,
      body: { amount: '130', method: 'offchain' },
    })
    expect(over.body).toMatchObject({ status: 'overpaid', amountPaid: '130.00', amountDue: '0.00' })
    const billing = await t.request('GET', `/api/v1/customers/${customer.id}/billing`, { as: owner })
    expect(billing.body).toEqual({
      taxExempt: false,
      autoSend: false,
      credit: [{ currency: 'USD', amount: '30.00' }],
    })

    const eur = await createInvoice(t, owner, customer.id, { currency: 'EUR' })
    expect((await sendInvoice(t, owner, eur.id)).amountPaid).toBe('0.00')
    const second = await createInvoice(t, owner, customer.id)
    const sent = await sendInvoice(t, owner, second.id)
    expect(sent).toMatchObject({
      status: 'partially_paid',
      amountPaid: '30.00',
      amountDue: '70.00',
      creditApplied: '30.00',
    })
    expect(sent.payments[0]).toMatchObject({ method: 'credit', amount: '30.00', counts: true })
    const after = await t.request('GET', `/api/v1/customers/${customer.id}/billing`, { as: owner })
    expect(after.body.credit).toEqual([])
  })

  it('voids an unpaid invoice and gives what was paid on it back as credit', async () => {
    const customer = await createCustomer(t, owner)
    const inv = await createInvoice(t, owner, customer.id)
    await sendInvoice(t, owner, inv.id)
    await t.request('POST', `/api/v1/invoices/${inv.id}/payments`, {
      as: owner,
      body: { amount: '25', method: 'offchain' },
    })
    const voided = await t.request('POST', `/api/v1/invoices/${inv.id}/void`, { as: owner })
    expect(voided.body).toMatchObject({ status: 'void', amountDue: '0.00' })
    expect(voided.body.voidedAt).not.toBeNull()
    const billing = await t.request('GET', `/api/v1/customers/${customer.id}/billing`, { as: owner })
    expect(billing.body.credit).toEqual([{ currency: 'USD', amount: '25.00' }])
    const token = voided.body.payUrl.split('/').at(-1)
    const publicView = await t.request('GET', `/api/v1/public/checkout/${token}`)
    expect(publicView.status).toBe(404)
  })
})

describe('listing invoices', () => {
  it('filters by status, customer, q and dates and pages with a cursor', async () => {
    const m = await t.signup()
    const alice = await createCustomer(t, m, { name: 'Alice Liddell' })
    const bob = await createCustomer(t, m, { name: 'Bob Builder' })
    t.clock.set('2026-02-01T10:00:00Z')
    const a1 = await createInvoice(t, m, alice.id)
    t.clock.set('2026-02-10T10:00:00Z')
    const a2 = await createInvoice(t, m, alice.id)
    const b1 = await createInvoice(t, m, bob.id)
    await sendInvoice(t, m, b1.id)
    t.clock.reset()

    const list = (qs: string) => t.request('GET', `/api/v1/invoices?${qs}`, { as: m })
    const ids = (r: { body: { data: { id: string }[] } }) => r.body.data.map((i) => i.id)
    expect(ids(await list(''))).toEqual([b1.id, a2.id, a1.id])
    expect(ids(await list('status=open'))).toEqual([b1.id])
    expect(ids(await list(`customerId=${alice.id}`))).toEqual([a2.id, a1.id])
    expect(ids(await list('q=liddell'))).toEqual([a2.id, a1.id])
    expect(ids(await list(`q=${b1.number}`))).toEqual([b1.id])
    expect(ids(await list('from=2026-02-05'))).toEqual([b1.id, a2.id])
    expect(ids(await list('to=2026-02-05'))).toEqual([a1.id])
    const page1 = await list('limit=2')
    expect(ids(page1)).toEqual([b1.id, a2.id])
    expect(ids(await list(`limit=2&cursor=${page1.body.nextCursor}`))).toEqual([a1.id])
    expect(page1.body.data[0]).toMatchObject({ customerName: 'Bob Builder', total: '100.00' })
  })
})
