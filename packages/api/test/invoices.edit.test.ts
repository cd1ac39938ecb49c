import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publicKeyAt } from '../../chain-watchers/src/derive/account-keys.fixture.js'
import { createCustomer } from './factories.js'
import { createTestApp, type Session, type TestApp } from './harness.js'
import { createInvoice, sendInvoice } from './invoices.js'

// An account key no other test file uses: files share one PostgreSQL database.
let t: TestApp
let owner: Session
let customerId: string
let vat: string
let reduced: string

beforeAll(async () => {
  t = await createTestApp()
  owner = await t.signup({ merchantName: 'Acme' })
  const wallet = await t.request('PUT', '/api/v1/wallets/ethereum', {
    as: owner,
    body: { xpub: publicKeyAt("m/44'/60'/47'") },
  })
  expect(wallet.status).toBe(200)
  customerId = (await createCustomer(t, owner)).id
  const rate = async (name: string, percentage: string) => {
    const res = await t.request('POST', '/api/v1/tax-rates', { as: owner, body: { name, percentage } })
    expect(res.status).toBe(201)
    return res.body.id as string
  }
  vat = await rate('VAT', '23')
  reduced = await rate('VAT reduced', '6')
})
afterAll(() => t.close())

function expectProblem(res: { status: number; headers: Headers }, status: number) {
  expect(res.status).toBe(status)
  expect(res.headers.get('content-type')).toContain('application/problem+json')
}

const edit = (id: string, body: unknown, as: Session = owner) =>
  t.request('PATCH', `/api/v1/invoices/${id}`, { as, body })

describe('editing a draft invoice', () => {
  it('replaces lines, currency, due date, coins and memo, and prices it again exactly with the tax rates', async () => {
    t.clock.set('2026-04-01T09:00:00Z')
    const draft = await createInvoice(t, owner, customerId, { memo: 'first' })
    t.clock.set('2026-04-02T10:30:00Z')
    const res = await edit(draft.id, {
      currency: 'EUR',
      lines: [
        { description: 'Hosting', quantity: '3', unitAmount: '19.99', taxRateId: vat },
        { description: 'Books', quantity: '7', unitAmount: '3.33', taxRateId: reduced },
        { description: 'Support', quantity: '1', unitAmount: '0.015', taxRateId: vat },
        { description: 'Setup', quantity: '0.5', unitAmount: '0.10' },
      ],
      dueDate: '2026-05-15',
      accepts: [{ asset: 'USDT', network: 'ethereum' }],
      memo: 'Thanks!',
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    // Lines: 59.97 + 23.31 + 0.02 (0.015 rounds half up) + 0.05 = 83.35. VAT 23% of 59.99 = 13.7977 → 13.80;
    // 6% of 23.31 = 1.3986 → 1.40. Total 83.35 + 15.20 = 98.55.
    expect(res.body).toMatchObject({
      id: draft.id,
      number: draft.number,
      status: 'draft',
      currency: 'EUR',
      subtotal: '83.35',
      taxTotal: '15.20',
      total: '98.55',
      amountDue: '98.55',
      issueDate: '2026-04-01',
      dueDate: '2026-05-15',
      accepts: [{ asset: 'USDT', network: 'ethereum' }],
      memo: 'Thanks!',
    })
    expect(res.body.lines.map((l: { amount: string; position: number }) => [l.position, l.amount])).toEqual([
      [0, '59.97'],
      [1, '23.31'],
      [2, '0.02'],
      [3, '0.05'],
    ])
    expect(res.body.taxes).toEqual([
      { taxRateId: vat, name: 'VAT', percentage: '23', amount: '13.80' },
      { taxRateId: reduced, name: 'VAT reduced', percentage: '6', amount: '1.40' },
    ])
    expect(res.body.history).toEqual([
      { from: null, to: 'draft', reason: 'created', at: '2026-04-01T09:00:00.000Z' },
      { from: 'draft', to: 'draft', reason: 'edited', at: '2026-04-02T10:30:00.000Z' },
    ])
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('merchant_id', '=', owner.merchantId)
      .where('subject_id', '=', draft.id)
      .execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ action: 'invoice.updated', subject_type: 'invoice', actor_type: 'user' })
    expect(audit[0]?.actor_id).toBe(owner.userId)
    expect(audit[0]?.data).toMatchObject({
      before: { currency: 'USD', total: '100.00' },
      after: { currency: 'EUR', total: '98.55', dueDate: '2026-05-15' },
    })
    // What GET answers is what PATCH answered.
    const again = await t.request('GET', `/api/v1/invoices/${draft.id}`, { as: owner })
    expect(again.body).toEqual(res.body)
    t.clock.reset()
  })

  it('keeps what is not given; a null memo clears it; sending the edited draft bills the new total', async () => {
    const draft = await createInvoice(t, owner, customerId, {
      memo: 'keep me?',
      lines: [{ description: 'Hosting', quantity: '2', unitAmount: '10', taxRateId: vat }],
    })
    const res = await edit(draft.id, { dueDate: '2026-12-31', memo: null })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({
      currency: draft.currency,
      total: '24.60',
      dueDate: '2026-12-31',
      memo: null,
      accepts: draft.accepts,
    })
    expect(res.body.lines).toEqual(draft.lines)
    const lines = await edit(draft.id, {
      lines: [{ description: 'Hosting', quantity: '1', unitAmount: '10' }],
    })
    expect(lines.body).toMatchObject({ subtotal: '10.00', taxTotal: '0.00', total: '10.00', taxes: [] })
    const sent = await sendInvoice(t, owner, draft.id)
    expect(sent).toMatchObject({ status: 'open', total: '10.00', amountDue: '10.00' })
  })
})

describe('what cannot be edited', () => {
  it('an open or void invoice is a 409 problem that says why, and stays as it was', async () => {
    const open = await sendInvoice(t, owner, (await createInvoice(t, owner, customerId)).id)
    const res = await edit(open.id, { memo: 'too late' })
    expectProblem(res, 409)
    expect(res.body.code).toBe('conflict')
    expect(res.body.detail).toBe(
      `Only a draft can be edited; ${open.number} is open. Void it and create another`,
    )
    const after = await t.request('GET', `/api/v1/invoices/${open.id}`, { as: owner })
    expect(after.body.memo).toBeNull()
    expect(after.body.history).toHaveLength(2)

    const draft = await createInvoice(t, owner, customerId)
    await t.request('POST', `/api/v1/invoices/${draft.id}/void`, { as: owner })
    expectProblem(await edit(draft.id, { memo: 'x' }), 409)
  })

  it('a draft installment of a plan is a 409: its lines are the plan’s split', async () => {
    t.clock.set('2026-04-01T09:00:00Z')
    const first = await createInvoice(t, owner, customerId, {
      installments: { count: 2, interval: 'month', firstDueDate: '2026-06-01' },
    })
    t.clock.reset()
    const res = await edit(first.id, { lines: [{ description: 'x', quantity: '1', unitAmount: '1' }] })
    expectProblem(res, 409)
    expect(res.body.detail).toContain('installment')
  })

  it('another merchant’s draft is a 404, and it is not touched', async () => {
    const other = await t.signup({ merchantName: 'Other' })
    const theirs = await createInvoice(t, other, (await createCustomer(t, other)).id)
    const res = await edit(theirs.id, { memo: 'mine now' })
    expectProblem(res, 404)
    const after = await t.request('GET', `/api/v1/invoices/${theirs.id}`, { as: other })
    expect(after.body.memo).toBeNull()
    expect(after.body.history).toHaveLength(1)
  })

  it('a viewer may not edit: 403', async () => {
    const draft = await createInvoice(t, owner, customerId)
    const viewer = await t.apiKey(owner, 'viewer')
    expectProblem(await edit(draft.id, { memo: 'x' }, viewer), 403)
    expect((await t.request('GET', `/api/v1/invoices/${draft.id}`, { as: viewer })).body.memo).toBeNull()
  })
})

describe('bad input is a 400 naming the field, never a 500', () => {
  it.each([
    [
      'a zero quantity on the second line',
      {
        lines: [
          { description: 'ok', quantity: '1', unitAmount: '1' },
          { description: 'bad', quantity: '0', unitAmount: '1' },
        ],
      },
      'lines.1.quantity',
    ],
    [
      'a line without a description',
      { lines: [{ description: ' ', quantity: '1', unitAmount: '1' }] },
      'lines.0.description',
    ],
    [
      'a float price',
      { lines: [{ description: 'x', quantity: '1', unitAmount: 10.5 }] },
      'lines.0.unitAmount',
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
    ['no lines', { lines: [] }, 'lines'],
    ['a total of zero', { lines: [{ description: 'x', quantity: '1', unitAmount: '0' }] }, 'lines'],
    ['an unknown currency', { currency: 'XYZ' }, 'currency'],
    [
      'a coin the merchant has no wallet for',
      { accepts: [{ asset: 'BTC', network: 'bitcoin' }] },
      'accepts.0',
    ],
    ['a malformed due date', { dueDate: '31/01/2026' }, 'dueDate'],
    // Unknown keys are refused as the body's: the customer is not editable.
    ['the customer (not editable)', { customerId }, '(body)'],
  ])('refuses %s', async (_, body, path) => {
    const draft = await createInvoice(t, owner, customerId)
    const res = await edit(draft.id, body)
    expectProblem(res, 400)
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path)
    const after = await t.request('GET', `/api/v1/invoices/${draft.id}`, { as: owner })
    expect(after.body.total).toBe('100.00')
    expect(after.body.history).toHaveLength(1)
  })

  it('an empty body changes nothing and says so', async () => {
    const draft = await createInvoice(t, owner, customerId)
    const res = await edit(draft.id, {})
    expectProblem(res, 400)
    expect(JSON.stringify(res.body.errors)).toContain('must change at least one of')
  })

  it('an unknown invoice id is a 404', async () => {
    expectProblem(await edit('019a0000-0000-7000-8000-0000000000ff', { memo: 'x' }), 404)
  })
})
