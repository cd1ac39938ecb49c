import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCustomer } from './factories.js'
import { createTestApp, type Session, type TestApp } from './harness.js'
import { createPlan, getSubscription, periodInvoices, runBillingAt, subscribe } from './subscriptions.js'

// The default grace period (14 days).
let t: TestApp
let owner: Session

beforeAll(async () => {
  t = await createTestApp()
  owner = await t.signup({ merchantName: 'Acme Lifecycle' })
})
afterAll(() => t.close())

const post = (path: string, body?: unknown) =>
  t.request('POST', `/api/v1/subscriptions${path}`, { as: owner, body })

describe('subscription lifecycle', () => {
  it('trials first, then invoices the first period when the trial ends', async () => {
    t.clock.set('2026-05-01T09:00:00Z')
    const plan = await createPlan(t, owner, { trialDays: 14 })
    const customer = await createCustomer(t, owner)
    const sub = await subscribe(t, owner, { customerId: customer.id, planId: plan.id })
    expect(sub).toMatchObject({
      status: 'trialing',
      startDate: '2026-05-01',
      trialEnd: '2026-05-15',
      nextInvoiceDate: '2026-05-15',
      currentPeriodStart: null,
      invoices: [],
    })
    await runBillingAt(t, '2026-05-14T23:59:00Z', owner)
    expect((await getSubscription(t, owner, sub.id)).status).toBe('trialing')
    await runBillingAt(t, '2026-05-15T00:01:00Z', owner)
    const after = await getSubscription(t, owner, sub.id)
    expect(after).toMatchObject({
      status: 'active',
      currentPeriodStart: '2026-05-15',
      currentPeriodEnd: '2026-06-15',
    })
    expect(after.invoices).toHaveLength(1)
  })

  it('goes past_due when unpaid after the due date, back to active when paid, canceled after the grace period', async () => {
    t.clock.set('2026-06-01T09:00:00Z')
    const plan = await createPlan(t, owner)
    const customer = await createCustomer(t, owner)
    const sub = await subscribe(t, owner, { customerId: customer.id, planId: plan.id })
    expect(sub.invoices).toHaveLength(1)

    await runBillingAt(t, '2026-06-01T23:00:00Z', owner)
    expect((await getSubscription(t, owner, sub.id)).status).toBe('active')
    await runBillingAt(t, '2026-06-02T00:00:00Z', owner)
    expect((await getSubscription(t, owner, sub.id)).status).toBe('past_due')

    const first = sub.invoices[0].invoiceId
    await t.request('POST', `/api/v1/invoices/${first}/send`, { as: owner })
    const paid = await t.request('POST', `/api/v1/invoices/${first}/payments`, {
      as: owner,
      body: { amount: '10.00', method: 'offchain' },
    })
    expect(paid.body.status).toBe('paid')
    await runBillingAt(t, '2026-06-03T00:00:00Z', owner)
    expect((await getSubscription(t, owner, sub.id)).status).toBe('active')

    // July's invoice stays unpaid: past_due on the 2nd, still so on the 14th, canceled on the 15th.
    await runBillingAt(t, '2026-07-02T00:00:00Z', owner)
    expect((await getSubscription(t, owner, sub.id)).status).toBe('past_due')
    await runBillingAt(t, '2026-07-14T23:00:00Z', owner)
    expect((await getSubscription(t, owner, sub.id)).status).toBe('past_due')
    await runBillingAt(t, '2026-07-15T00:00:00Z', owner)
    const canceled = await getSubscription(t, owner, sub.id)
    expect(canceled).toMatchObject({ status: 'canceled', cancelReason: 'unpaid', nextInvoiceDate: null })

    await runBillingAt(t, '2026-09-01T00:00:00Z', owner)
    expect(await periodInvoices(t, [sub.id])).toHaveLength(2)
  })

  it('invoices nothing while paused and resumes on the original anchor', async () => {
    t.clock.set('2026-01-10T09:00:00Z')
    const plan = await createPlan(t, owner)
    // Net 60: the first invoice is not overdue during the test.
    const customer = await createCustomer(t, owner, { paymentTermsDays: 60 })
    const sub = await subscribe(t, owner, { customerId: customer.id, planId: plan.id })
    t.clock.set('2026-01-20T09:00:00Z')
    const paused = await post(`/${sub.id}/pause`)
    expect(paused.body).toMatchObject({
      status: 'paused',
      pausedAt: '2026-01-20T09:00:00.000Z',
      nextInvoiceDate: null,
    })
    expect((await post(`/${sub.id}/pause`)).status).toBe(200)

    await runBillingAt(t, '2026-02-15T00:00:00Z', owner)
    expect(await periodInvoices(t, [sub.id])).toHaveLength(1)
    const resumed = await post(`/${sub.id}/resume`)
    expect(resumed.body).toMatchObject({ status: 'active', pausedAt: null, nextInvoiceDate: '2026-03-10' })
    expect((await post(`/${sub.id}/resume`)).status).toBe(409)

    await runBillingAt(t, '2026-03-09T23:00:00Z', owner)
    expect(await periodInvoices(t, [sub.id])).toHaveLength(1)
    await runBillingAt(t, '2026-03-10T00:00:00Z', owner)
    expect((await periodInvoices(t, [sub.id])).map((r) => r.period_start)).toEqual([
      '2026-01-10',
      '2026-03-10',
    ])
  })

  it('cancels at period end without invoicing the next period, or at once', async () => {
    t.clock.set('2026-01-10T09:00:00Z')
    const plan = await createPlan(t, owner)
    // Net 60: the first invoice is not overdue during the test.
    const customer = await createCustomer(t, owner, { paymentTermsDays: 60 })
    const sub = await subscribe(t, owner, { customerId: customer.id, planId: plan.id })
    t.clock.set('2026-01-20T09:00:00Z')
    const scheduled = await post(`/${sub.id}/cancel`, { atPeriodEnd: true })
    expect(scheduled.body).toMatchObject({ status: 'active', cancelAt: '2026-02-10', nextInvoiceDate: null })

    await runBillingAt(t, '2026-02-09T12:00:00Z', owner)
    expect((await getSubscription(t, owner, sub.id)).status).toBe('active')
    await runBillingAt(t, '2026-02-10T00:00:00Z', owner)
    expect(await getSubscription(t, owner, sub.id)).toMatchObject({
      status: 'canceled',
      cancelReason: 'period_end',
    })
    expect(await periodInvoices(t, [sub.id])).toHaveLength(1)

    t.clock.set('2026-01-10T09:00:00Z')
    const now = await subscribe(t, owner, {
      customerId: customer.id,
      planId: plan.id,
      startDate: '2026-01-12',
    })
    const canceled = await post(`/${now.id}/cancel`)
    expect(canceled.body).toMatchObject({
      status: 'canceled',
      cancelReason: 'requested',
      canceledAt: '2026-01-10T09:00:00.000Z',
    })
    expect((await post(`/${now.id}/cancel`)).status).toBe(409)
    expect((await post(`/${now.id}/pause`)).status).toBe(409)
    await runBillingAt(t, '2026-03-01T00:00:00Z', owner)
    expect(await periodInvoices(t, [now.id])).toHaveLength(0)
  })

  it('lists subscriptions filtered by status and customer', async () => {
    t.clock.set('2026-04-01T09:00:00Z')
    const plan = await createPlan(t, owner, { trialDays: 7 })
    const customer = await createCustomer(t, owner)
    const a = await subscribe(t, owner, { customerId: customer.id, planId: plan.id })
    const b = await subscribe(t, owner, { customerId: customer.id, planId: plan.id })
    await post(`/${a.id}/pause`)
    const list = await t.request('GET', `/api/v1/subscriptions?customerId=${customer.id}&status=trialing`, {
      as: owner,
    })
    expect(list.status).toBe(200)
    expect(list.body.data.map((s: { id: string }) => s.id)).toEqual([b.id])
    const plans = await t.request('GET', '/api/v1/plans?limit=1', { as: owner })
    expect(plans.body.data).toHaveLength(1)
    expect(plans.body.nextCursor).toEqual(expect.any(String))
  })
})
