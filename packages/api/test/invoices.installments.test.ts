import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { splitAmount } from '../src/modules/invoices/services/create-installments.js'
import { createCustomer } from './factories.js'
import { createTestApp, type Session, type TestApp } from './harness.js'
import { invoiceBody } from './invoices.js'

let t: TestApp
let owner: Session
let intruder: Session

beforeAll(async () => {
  t = await createTestApp()
  owner = await t.signup({ merchantName: 'Acme Installments' })
  intruder = await t.signup({ merchantName: 'Intruder' })
})
afterAll(() => t.close())

const create = (as: Session, body: unknown) => t.request('POST', '/api/v1/invoices', { as, body })

describe('installments', () => {
  it('splits exactly, the remainder on the last', () => {
    expect(splitAmount(10000n, 3)).toEqual([3333n, 3333n, 3334n])
    expect(splitAmount(5n, 2)).toEqual([2n, 3n])
    expect(splitAmount(9000n, 3)).toEqual([3000n, 3000n, 3000n])
  })

  it('splits 100.00 into 33.33, 33.33, 33.34 due monthly, as drafts grouped in a plan', async () => {
    t.clock.set('2026-01-15T10:00:00Z')
    const customer = await createCustomer(t, owner, { preferredFiat: 'USD' })
    const res = await create(
      owner,
      invoiceBody(customer.id, { installments: { count: 3, interval: 'month', firstDueDate: '2026-01-31' } }),
    )
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body).toMatchObject({
      status: 'draft',
      total: '33.33',
      dueDate: '2026-01-31',
      installment: { index: 1, count: 3, paidCount: 0 },
      lines: [{ description: 'Installment 1 of 3: Monthly plan', amount: '33.33' }],
    })
    const plan = await t.request('GET', `/api/v1/installment-plans/${res.body.installment.planId}`, {
      as: owner,
    })
    expect(plan.status).toBe(200)
    expect(plan.body).toMatchObject({
      customerId: customer.id,
      currency: 'USD',
      total: '100.00',
      count: 3,
      paidCount: 0,
      amountDue: '100.00',
    })
    expect(
      plan.body.installments.map((i: { total: string; dueDate: string; status: string }) => [
        i.total,
        i.dueDate,
        i.status,
      ]),
    ).toEqual([
      ['33.33', '2026-01-31', 'draft'],
      ['33.33', '2026-02-28', 'draft'],
      ['33.34', '2026-03-31', 'draft'],
    ])
    const numbers = plan.body.installments.map((i: { number: string }) => Number(i.number.slice(4)))
    expect(numbers).toEqual([numbers[0], numbers[0] + 1, numbers[0] + 2])

    // Paying the second shows "1 of 3 paid" on the plan and on each invoice.
    const second = plan.body.installments[1].invoiceId
    await t.request('POST', `/api/v1/invoices/${second}/send`, { as: owner })
    await t.request('POST', `/api/v1/invoices/${second}/payments`, {
      as: owner,
      body: { amount: '33.33', method: 'offchain' },
    })
    const after = await t.request('GET', `/api/v1/installment-plans/${res.body.installment.planId}`, {
      as: owner,
    })
    expect(after.body).toMatchObject({ paidCount: 1, amountPaid: '33.33', amountDue: '66.67' })
    const first = await t.request('GET', `/api/v1/invoices/${res.body.id}`, { as: owner })
    expect(first.body.installment).toMatchObject({ index: 1, count: 3, paidCount: 1 })
    t.clock.reset()
  })

  it('issues installments sent when the customer auto-sends, weekly, taxes kept on the plan', async () => {
    t.clock.set('2026-02-01T10:00:00Z')
    const vat = await t.request('POST', '/api/v1/tax-rates', {
      as: owner,
      body: { name: 'VAT', percentage: '23' },
    })
    const customer = await createCustomer(t, owner, { preferredFiat: 'EUR' })
    await t.request('PATCH', `/api/v1/customers/${customer.id}/billing`, {
      as: owner,
      body: { autoSend: true },
    })
    const res = await create(owner, {
      customerId: customer.id,
      lines: [{ description: 'Laptop', quantity: '1', unitAmount: '1000.00', taxRateId: vat.body.id }],
      installments: { count: 4, interval: 'week', firstDueDate: '2026-02-01' },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body).toMatchObject({ status: 'open', total: '307.50', currency: 'EUR' })
    expect(res.body.payUrl).toMatch(/\/pay\//)
    const plan = await t.request('GET', `/api/v1/installment-plans/${res.body.installment.planId}`, {
      as: owner,
    })
    expect(plan.body).toMatchObject({ subtotal: '1000.00', taxTotal: '230.00', total: '1230.00' })
    expect(
      plan.body.installments.map((i: { dueDate: string; status: string }) => [i.dueDate, i.status]),
    ).toEqual([
      ['2026-02-01', 'open'],
      ['2026-02-08', 'open'],
      ['2026-02-15', 'open'],
      ['2026-02-22', 'open'],
    ])
    t.clock.reset()
  })

  it('refuses bad installments with a clear 400', async () => {
    t.clock.set('2026-03-10T12:00:00Z')
    const customer = await createCustomer(t, owner)
    const cases: [Record<string, unknown>, string][] = [
      [{ installments: { count: 1, interval: 'month', firstDueDate: '2026-04-01' } }, 'installments.count'],
      [{ installments: { count: 2.5, interval: 'month', firstDueDate: '2026-04-01' } }, 'installments.count'],
      [{ installments: { count: 3, interval: 'day', firstDueDate: '2026-04-01' } }, 'installments.interval'],
      [
        { installments: { count: 3, interval: 'month', firstDueDate: '2026-02-31' } },
        'installments.firstDueDate',
      ],
      [
        { installments: { count: 3, interval: 'month', firstDueDate: '2026-03-09' } },
        'installments.firstDueDate',
      ],
      [{ installments: { count: 3, interval: 'month' } }, 'installments.firstDueDate'],
      [
        { dueDate: '2026-04-01', installments: { count: 3, interval: 'month', firstDueDate: '2026-04-01' } },
        'dueDate',
      ],
      [
        {
          lines: [{ description: 'Gum', quantity: '1', unitAmount: '0.02' }],
          installments: { count: 3, interval: 'week', firstDueDate: '2026-04-01' },
        },
        'installments.count',
      ],
    ]
    for (const [override, path] of cases) {
      const res = await create(owner, invoiceBody(customer.id, override))
      expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(400)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path)
    }
    t.clock.reset()
  })

  it("another merchant's installment plan is a 404", async () => {
    const customer = await createCustomer(t, owner)
    const res = await create(
      owner,
      invoiceBody(customer.id, { installments: { count: 2, interval: 'month', firstDueDate: '2099-01-31' } }),
    )
    const planId = res.body.installment.planId
    const other = await t.request('GET', `/api/v1/installment-plans/${planId}`, { as: intruder })
    expect(other.status).toBe(404)
    expect((await t.request('GET', `/api/v1/installment-plans/${planId}`, { as: owner })).status).toBe(200)
  })
})
