import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { billingIssueJob } from '../src/jobs/definitions/billing-issue.js'
import { createCustomer } from './factories.js'
import { createTestApp, type Session, type TestApp } from './harness.js'
import { createPlan, getSubscription, periodInvoices, runBillingAt, subscribe } from './subscriptions.js'

// A grace period long enough that catching up months of unpaid invoices does not cancel mid-test.
const env = { SUBSCRIPTION_GRACE_DAYS: '365' }
let t: TestApp
let owner: Session

beforeAll(async () => {
  t = await createTestApp({ env })
  owner = await t.signup({ merchantName: 'Acme Billing' })
})
afterAll(() => t.close())

/** This file's merchant only: other files' runs share the PostgreSQL database with their own clocks. */
const scope = () => ({ merchantId: owner.merchantId })

describe('the billing run', () => {
  it('issues exactly one invoice per period with two runs in parallel, catching up missed periods', async () => {
    t.clock.set('2026-01-30T10:00:00Z')
    const plan = await createPlan(t, owner)
    const subs = []
    for (let i = 0; i < 12; i++) {
      const customer = await createCustomer(t, owner)
      subs.push(
        await subscribe(t, owner, { customerId: customer.id, planId: plan.id, startDate: '2026-01-31' }),
      )
    }
    expect(subs[0]).toMatchObject({ status: 'active', nextInvoiceDate: '2026-01-31', invoices: [] })
    const ids = subs.map((s) => s.id)

    // No run between Jan 31 and Mar 31: one run catches up all three periods, twice at once.
    t.clock.set('2026-03-31T00:00:30Z')
    await Promise.all([billingIssueJob.handler(scope(), t.core), billingIssueJob.handler(scope(), t.core)])
    await Promise.all([billingIssueJob.handler(scope(), t.core), billingIssueJob.handler(scope(), t.core)])

    const issued = await periodInvoices(t, ids)
    expect(issued).toHaveLength(3 * ids.length)
    for (const id of ids) {
      expect(issued.filter((r) => r.subscription_id === id).map((r) => r.period_start)).toEqual([
        '2026-01-31',
        '2026-02-28',
        '2026-03-31',
      ])
    }
    expect(new Set(issued.map((r) => r.number)).size).toBe(issued.length)

    const sub = await getSubscription(t, owner, ids[0])
    expect(sub).toMatchObject({
      currentPeriodStart: '2026-03-31',
      currentPeriodEnd: '2026-04-30',
      nextInvoiceDate: '2026-04-30',
    })
    expect(
      sub.invoices.map((i: { periodStart: string; periodEnd: string }) => [i.periodStart, i.periodEnd]),
    ).toEqual([
      ['2026-03-31', '2026-04-30'],
      ['2026-02-28', '2026-03-31'],
      ['2026-01-31', '2026-02-28'],
    ])
    const invoice = await t.request('GET', `/api/v1/invoices/${sub.invoices[2].invoiceId}`, { as: owner })
    expect(invoice.body).toMatchObject({
      status: 'draft',
      total: '10.00',
      issueDate: '2026-01-31',
      dueDate: '2026-01-31',
      lines: [{ description: 'Pro (2026-01-31 to 2026-02-27)', quantity: '1', amount: '10.00' }],
    })

    // The day before the next period nothing is due; on its day one more invoice each.
    await runBillingAt(t, '2026-04-29T23:59:59Z', owner)
    expect(await periodInvoices(t, ids)).toHaveLength(3 * ids.length)
    await runBillingAt(t, '2026-04-30T00:00:00Z', owner)
    expect(await periodInvoices(t, ids)).toHaveLength(4 * ids.length)
  })

  it.runIf(process.env.DATABASE_URL)(
    'issues exactly once from two app instances on the same PostgreSQL database',
    async () => {
      const other = await createTestApp({ env })
      try {
        t.clock.set('2026-01-30T10:00:00Z')
        const plan = await createPlan(t, owner, { interval: 'week' })
        const ids: string[] = []
        for (let i = 0; i < 30; i++) {
          const customer = await createCustomer(t, owner)
          ids.push(
            (await subscribe(t, owner, { customerId: customer.id, planId: plan.id, startDate: '2026-02-01' }))
              .id,
          )
        }
        for (const app of [t, other]) app.clock.set('2026-02-15T12:00:00Z')
        await Promise.all([
          billingIssueJob.handler(scope(), t.core),
          billingIssueJob.handler(scope(), other.core),
          billingIssueJob.handler(scope(), t.core),
          billingIssueJob.handler(scope(), other.core),
        ])
        const issued = await periodInvoices(t, ids)

        expect(issued).toHaveLength(3 * ids.length)
        expect(new Set(issued.map((r) => `${r.subscription_id}/${r.period_start}`)).size).toBe(issued.length)
        expect(new Set(issued.map((r) => r.number)).size).toBe(issued.length)
      } finally {
        await other.close()
      }
    },
  )

  it('keeps month ends: Jan 31 monthly, Feb 29 yearly, Nov 30 quarterly', async () => {
    const customer = await createCustomer(t, owner)
    const cases = [
      {
        plan: { interval: 'month' },
        start: '2027-01-31',
        until: '2027-05-31T01:00:00Z',
        want: ['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30', '2027-05-31'],
      },
      {
        plan: { interval: 'year' },
        start: '2028-02-29',
        until: '2032-02-29T01:00:00Z',
        want: ['2028-02-29', '2029-02-28', '2030-02-28', '2031-02-28', '2032-02-29'],
      },
      {
        plan: { interval: 'quarter' },
        start: '2026-11-30',
        until: '2027-08-30T01:00:00Z',
        want: ['2026-11-30', '2027-02-28', '2027-05-30', '2027-08-30'],
      },
      {
        plan: { interval: 'month', intervalCount: 2 },
        start: '2026-12-31',
        until: '2027-06-30T01:00:00Z',
        want: ['2026-12-31', '2027-02-28', '2027-04-30', '2027-06-30'],
      },
    ]
    for (const c of cases) {
      t.clock.set(`${c.start}T00:00:00Z`)
      const plan = await createPlan(t, owner, c.plan)
      const sub = await subscribe(t, owner, { customerId: customer.id, planId: plan.id })
      await runBillingAt(t, c.until, owner)
      const starts = (await periodInvoices(t, [sub.id])).map((r) => r.period_start)
      expect(starts, c.plan.interval).toEqual(c.want)
    }
  })

  it('issues subscription invoices sent, with a pay link, when the customer auto-sends', async () => {
    t.clock.set('2026-03-01T08:00:00Z')
    const customer = await createCustomer(t, owner, { paymentTermsDays: 15 })
    const billing = await t.request('PATCH', `/api/v1/customers/${customer.id}/billing`, {
      as: owner,
      body: { autoSend: true },
    })
    expect(billing.body).toMatchObject({ autoSend: true, taxExempt: false })
    const plan = await createPlan(t, owner, { amount: '25', currency: 'EUR' })
    const sub = await subscribe(t, owner, { customerId: customer.id, planId: plan.id })
    expect(sub.invoices).toHaveLength(1)
    const invoice = await t.request('GET', `/api/v1/invoices/${sub.invoices[0].invoiceId}`, { as: owner })
    expect(invoice.body).toMatchObject({
      status: 'open',
      currency: 'EUR',
      total: '25.00',
      dueDate: '2026-03-16',
      sentAt: '2026-03-01T08:00:00.000Z',
    })
    expect(invoice.body.payUrl).toMatch(/\/pay\/[A-Za-z0-9_-]{43}$/)
    expect(invoice.body.history.map((h: { to: string }) => h.to)).toEqual(['draft', 'open'])
  })
})
