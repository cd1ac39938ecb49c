import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCustomer } from './factories.js'
import { createTestApp, type Session, type TestApp } from './harness.js'
import { createPlan, getSubscription, periodInvoices, runBillingAt, subscribe } from './subscriptions.js'

let t: TestApp
let owner: Session

beforeAll(async () => {
  t = await createTestApp()
  owner = await t.signup({ merchantName: 'Acme Archive' })
})
afterAll(() => t.close())

function expectProblem(res: { status: number; headers: Headers }, status: number) {
  expect(res.status).toBe(status)
  expect(res.headers.get('content-type')).toContain('application/problem+json')
}

const archive = (id: string, as: Session = owner) => t.request('POST', `/api/v1/plans/${id}/archive`, { as })
const unarchive = (id: string, as: Session = owner) =>
  t.request('POST', `/api/v1/plans/${id}/unarchive`, { as })
const names = async (query = '') =>
  (await t.request('GET', `/api/v1/plans${query}`, { as: owner })).body.data.map(
    (p: { name: string }) => p.name,
  )

describe('archiving a plan', () => {
  it('stops new subscriptions with a 409 that says why, while the existing one goes on billing', async () => {
    t.clock.set('2026-07-01T09:00:00Z')
    const plan = await createPlan(t, owner, { name: 'Legacy', interval: 'day' })
    expect(plan.archivedAt).toBeNull()
    const customer = await createCustomer(t, owner)
    const sub = await subscribe(t, owner, { customerId: customer.id, planId: plan.id })
    expect(sub.invoices).toHaveLength(1)

    t.clock.set('2026-07-01T12:00:00Z')
    const res = await archive(plan.id)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({ id: plan.id, name: 'Legacy', archivedAt: '2026-07-01T12:00:00.000Z' })

    const refused = await t.request('POST', '/api/v1/subscriptions', {
      as: owner,
      body: { customerId: (await createCustomer(t, owner)).id, planId: plan.id },
    })
    expectProblem(refused, 409)
    expect(refused.body).toMatchObject({
      code: 'conflict',
      detail: 'The plan “Legacy” is archived and starts no new subscriptions; unarchive it first',
    })

    // The existing subscription is billed for the next days as if nothing happened.
    await runBillingAt(t, '2026-07-02T00:05:00Z', owner)
    await runBillingAt(t, '2026-07-03T00:05:00Z', owner)
    expect((await periodInvoices(t, [sub.id])).map((r) => r.period_start)).toEqual([
      '2026-07-01',
      '2026-07-02',
      '2026-07-03',
    ])
    const after = await getSubscription(t, owner, sub.id)
    expect(after.plan.archivedAt).toBe('2026-07-01T12:00:00.000Z')
    expect(after.status).not.toBe('canceled')

    // Archiving again keeps the first date; unarchiving lets subscriptions start again.
    t.clock.set('2026-07-04T00:00:00Z')
    expect((await archive(plan.id)).body.archivedAt).toBe('2026-07-01T12:00:00.000Z')
    const back = await unarchive(plan.id)
    expect(back.status).toBe(200)
    expect(back.body.archivedAt).toBeNull()
    await subscribe(t, owner, { customerId: (await createCustomer(t, owner)).id, planId: plan.id })
    t.clock.reset()
  })

  it('leaves the plan list unless asked: archived=true lists only archived plans, all lists both', async () => {
    const other = await t.signup({ merchantName: 'Lists' })
    const mine = (query = '') =>
      t
        .request('GET', `/api/v1/plans${query}`, { as: other })
        .then((r) => r.body.data.map((p: { name: string }) => p.name))
    const a = await createPlan(t, other, { name: 'A' })
    await createPlan(t, other, { name: 'B' })
    const c = await createPlan(t, other, { name: 'C' })
    await archive(a.id, other)
    await archive(c.id, other)
    expect(await mine()).toEqual(['B'])
    expect(await mine('?archived=false')).toEqual(['B'])
    expect(await mine('?archived=true')).toEqual(['C', 'A'])
    expect(await mine('?archived=all')).toEqual(['C', 'B', 'A'])
    expect(await mine('?archived=all&limit=2')).toEqual(['C', 'B'])
    // An archived plan is still readable by id.
    expect((await t.request('GET', `/api/v1/plans/${a.id}`, { as: other })).body.archivedAt).not.toBeNull()
    expectProblem(await t.request('GET', '/api/v1/plans?archived=yes', { as: other }), 400)
    // The owner's own list never shows these.
    expect(await names('?archived=all')).not.toContain('A')
  })

  it('another merchant’s plan is a 404 and a viewer may not archive: 403', async () => {
    const plan = await createPlan(t, owner, { name: 'Guarded' })
    const intruder = await t.signup({ merchantName: 'Intruder' })
    expectProblem(await archive(plan.id, intruder), 404)
    expectProblem(await unarchive(plan.id, intruder), 404)
    const viewer = await t.apiKey(owner, 'viewer')
    expectProblem(await archive(plan.id, viewer), 403)
    expect((await t.request('GET', `/api/v1/plans/${plan.id}`, { as: owner })).body.archivedAt).toBeNull()
    expectProblem(await archive('019a0000-0000-7000-8000-0000000000ff'), 404)
  })
})
