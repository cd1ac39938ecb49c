import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publicKeyAt } from '../../chain-watchers/src/derive/account-keys.fixture.js'
import { createCustomer, customersPath } from './factories.js'
import { createTestApp, type Session, type TestApp } from './harness.js'
import { createInvoice, sendInvoice } from './invoices.js'
import { createPlan, runBillingAt, subscribe } from './subscriptions.js'

let t: TestApp
let owner: Session

beforeAll(async () => {
  t = await createTestApp({ env: { RATES_FIXED: 'USDT:USD=1,ETH:USD=4000' } })
  owner = await t.signup({ merchantName: 'Events Co' })
  // An account key no other test file uses: an address is watched for one merchant only.
  const wallet = await t.request('PUT', '/api/v1/wallets/ethereum', {
    as: owner,
    body: { xpub: publicKeyAt("m/44'/60'/31'") },
  })
  expect(wallet.status).toBe(200)
})
afterAll(() => t.close())

async function events(as: Session, query: Record<string, string> = {}) {
  const res = await t.request('GET', `/api/v1/events?${new URLSearchParams({ limit: '100', ...query })}`, {
    as,
  })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body.data as { id: string; type: string; subjectId: string; data: Record<string, any> }[]
}

describe('events', () => {
  it('a customer’s life is recorded in order, with the customer as it was after each change', async () => {
    const customer = await createCustomer(t, owner, { name: 'Ada', email: 'ada@events.test' })
    const dup = await createCustomer(t, owner, { name: 'Ada L.', phone: '+351910000000' })
    const patch = await t.request('PATCH', customersPath(customer.id), {
      as: owner,
      body: { company: 'Analytical' },
    })
    expect(patch.status).toBe(200)
    // A change that fails (the email is taken) records nothing: events commit with the change.
    const taken = await t.request('PATCH', customersPath(dup.id), {
      as: owner,
      body: { email: 'ADA@events.test' },
    })
    expect(taken.status).toBe(409)
    const merge = await t.request('POST', `${customersPath(customer.id)}/merge`, {
      as: owner,
      body: { duplicateId: dup.id },
    })
    expect(merge.status, JSON.stringify(merge.body)).toBe(200)
    expect((await t.request('DELETE', customersPath(customer.id), { as: owner })).status).toBe(204)

    const mine = (await events(owner)).filter((e) => e.subjectId === customer.id || e.subjectId === dup.id)
    expect(mine.map((e) => e.type).reverse()).toEqual([
      'customer.created',
      'customer.created',
      'customer.updated',
      'customer.merged',
      'customer.deleted',
    ])
    const [deleted, merged, updated] = mine
    expect(updated?.data.object).toMatchObject({ id: customer.id, company: 'Analytical' })
    expect(updated?.data.previousAttributes).toEqual({ company: null })
    expect(merged?.data).toMatchObject({ mergedCustomerId: dup.id, object: { phone: '+351910000000' } })
    expect(deleted?.data.object).toMatchObject({ id: customer.id, email: 'ada@events.test' })

    const byType = await events(owner, { type: 'customer.updated', subjectId: customer.id })
    expect(byType).toHaveLength(1)
    const one = await t.request('GET', `/api/v1/events/${updated?.id}`, { as: owner })
    expect(one.status).toBe(200)
    expect(one.body).toMatchObject({ type: 'customer.updated', subjectId: customer.id })
  })

  it('an invoice records created, sent, partially_paid, paid; a voided one records voided', async () => {
    t.clock.set('2026-05-01T10:00:00Z')
    const customer = await createCustomer(t, owner, { name: 'Grace' })
    const invoice = await createInvoice(t, owner, customer.id, {
      lines: [{ description: 'Plan', quantity: 1, unitAmount: '50.00' }],
    })
    await sendInvoice(t, owner, invoice.id)
    for (const amount of ['20.00', '30.00']) {
      const paid = await t.request('POST', `/api/v1/invoices/${invoice.id}/payments`, {
        as: owner,
        body: { amount, method: 'offchain' },
      })
      expect(paid.status, JSON.stringify(paid.body)).toBeLessThan(300)
    }
    const other = await createInvoice(t, owner, customer.id)
    expect((await t.request('POST', `/api/v1/invoices/${other.id}/void`, { as: owner })).status).toBe(200)

    const about = async (id: string) => (await events(owner, { subjectId: id })).reverse()
    const paidInvoice = await about(invoice.id)
    expect(paidInvoice.map((e) => e.type)).toEqual([
      'invoice.created',
      'invoice.sent',
      'invoice.partially_paid',
      'invoice.paid',
    ])
    expect(paidInvoice[2]?.data.object).toMatchObject({
      status: 'partially_paid',
      amountPaid: '20.00',
      total: '50.00',
    })
    expect(paidInvoice[3]?.data).toMatchObject({
      previousStatus: 'partially_paid',
      object: { status: 'paid' },
    })
    expect((await about(other.id)).map((e) => e.type)).toEqual(['invoice.created', 'invoice.voided'])
  })

  it('a subscription records created, renewed at each new period, past_due, then canceled when unpaid', async () => {
    const customer = await createCustomer(t, owner, { name: 'Linus', paymentTermsDays: 20 })
    const plan = await createPlan(t, owner, { name: 'Events plan' })
    t.clock.set('2026-06-01T08:00:00Z')
    const sub = await subscribe(t, owner, {
      customerId: customer.id,
      planId: plan.id,
      startDate: '2026-06-01',
    })
    await runBillingAt(t, '2026-06-01T09:00:00Z', owner)
    // July: a new period, and June's invoice (due June 21) is unpaid: past due. Grace ends July 5.
    await runBillingAt(t, '2026-07-01T09:00:00Z', owner)
    await runBillingAt(t, '2026-07-06T09:00:00Z', owner)
    const subEvents = (await events(owner, { subjectId: sub.id })).reverse()
    expect(subEvents.map((e) => e.type)).toEqual([
      'subscription.created',
      'subscription.renewed',
      'subscription.past_due',
      'subscription.canceled',
    ])
    expect(subEvents[1]?.data.period).toMatchObject({ index: 1, start: '2026-07-01', end: '2026-08-01' })
    expect(subEvents[2]?.data.object).toMatchObject({ id: sub.id, status: 'past_due' })
    expect(subEvents[3]?.data.object).toMatchObject({ status: 'canceled', cancelReason: 'unpaid' })
    const created = (await events(owner, { type: 'invoice.created' })).filter(
      (e) => e.data.subscriptionId === sub.id,
    )
    expect(created.map((e) => e.data.object.issueDate).sort()).toEqual(['2026-06-01', '2026-07-01'])
  })

  it('a merchant never sees another merchant’s events', async () => {
    const other = await t.signup({ merchantName: 'Other' })
    const theirs = await createCustomer(t, other, { name: 'Theirs' })
    const [event] = await events(other)
    expect(event?.subjectId).toBe(theirs.id)
    expect((await events(owner)).some((e) => e.subjectId === theirs.id)).toBe(false)
    expect((await t.request('GET', `/api/v1/events/${event?.id}`, { as: owner })).status).toBe(404)
    expect((await t.request('GET', '/api/v1/events?type=customer.exploded', { as: owner })).status).toBe(400)
  })
})
