import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCustomer } from './factories.js'
import { createTestApp, type Session, type TestApp } from './harness.js'
import { createPlan, subscribe } from './subscriptions.js'

let t: TestApp
let owner: Session
let intruder: Session
let customerId: string
let planId: string

beforeAll(async () => {
  t = await createTestApp()
  owner = await t.signup({ merchantName: 'Acme' })
  intruder = await t.signup({ merchantName: 'Intruder' })
  customerId = (await createCustomer(t, owner)).id
  planId = (await createPlan(t, owner)).id
})
afterAll(() => t.close())

function expectProblem(res: { status: number; headers: Headers; body: unknown }, status: number) {
  expect(res.status, JSON.stringify(res.body)).toBe(status)
  expect(res.headers.get('content-type')).toContain('application/problem+json')
}

const plan = { name: 'Pro', amount: '10.00', currency: 'USD', interval: 'month' }

describe('bad input is a clear 4xx, never a 500', () => {
  it.each([
    ['a zero amount', { amount: '0.00' }, 'amount'],
    ['a negative amount', { amount: '-5' }, 'amount'],
    ['a float amount', { amount: 9.99 }, 'amount'],
    ['more decimals than the currency', { amount: '10.005' }, 'amount'],
    ['a fractional yen amount', { amount: '10.5', currency: 'JPY' }, 'amount'],
    ['an unknown currency', { currency: 'XYZ' }, 'currency'],
    ['an unknown interval', { interval: 'fortnight' }, 'interval'],
    ['a zero interval count', { intervalCount: 0 }, 'intervalCount'],
    ['a negative trial', { trialDays: -1 }, 'trialDays'],
    ['an unknown field', { color: 'red' }, ''],
  ])('refuses a plan with %s', async (_name, override, path) => {
    const res = await t.request('POST', '/api/v1/plans', { as: owner, body: { ...plan, ...override } })
    expectProblem(res, 400)
    if (path) expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path)
  })

  it('refuses a subscription with a malformed id, a past or invalid start date, or bad JSON', async () => {
    t.clock.set('2026-03-10T12:00:00Z')
    for (const [body, path] of [
      [{ customerId: 'nope', planId }, 'customerId'],
      [{ customerId, planId, startDate: '2026-03-09' }, 'startDate'],
      [{ customerId, planId, startDate: '2026-02-30' }, 'startDate'],
      [{ customerId, planId, startDate: 'tomorrow' }, 'startDate'],
      [{ customerId }, 'planId'],
    ] as const) {
      const res = await t.request('POST', '/api/v1/subscriptions', { as: owner, body })
      expectProblem(res, 400)
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path)
    }
    const bad = await t.request('POST', '/api/v1/subscriptions', { as: owner, rawBody: '{"customerId":' })
    expectProblem(bad, 400)
    const sub = await subscribe(t, owner, { customerId, planId })
    const cancel = await t.request('POST', `/api/v1/subscriptions/${sub.id}/cancel`, {
      as: owner,
      body: { atPeriodEnd: 'yes' },
    })
    expectProblem(cancel, 400)
    t.clock.reset()
  })

  it('a viewer may read subscriptions but not create them', async () => {
    const viewer = await t.apiKey(owner, 'viewer')
    expect((await t.request('GET', '/api/v1/subscriptions', { as: viewer })).status).toBe(200)
    expectProblem(await t.request('POST', '/api/v1/plans', { as: viewer, body: plan }), 403)
  })
})

describe('tenancy', () => {
  it("another merchant's plans, customers and subscriptions are 404", async () => {
    const sub = await subscribe(t, owner, { customerId, planId })
    const theirPlan = await createPlan(t, intruder)
    const theirCustomer = await createCustomer(t, intruder)
    for (const body of [
      { customerId, planId: theirPlan.id },
      { customerId: theirCustomer.id, planId },
    ]) {
      expectProblem(await t.request('POST', '/api/v1/subscriptions', { as: owner, body }), 404)
    }
    expectProblem(await t.request('GET', `/api/v1/plans/${planId}`, { as: intruder }), 404)
    expectProblem(await t.request('GET', `/api/v1/subscriptions/${sub.id}`, { as: intruder }), 404)
    for (const action of ['cancel', 'pause', 'resume']) {
      expectProblem(
        await t.request('POST', `/api/v1/subscriptions/${sub.id}/${action}`, { as: intruder, body: {} }),
        404,
      )
    }
    const list = await t.request('GET', '/api/v1/subscriptions', { as: intruder })
    expect(list.body.data).toEqual([])
    const plans = await t.request('GET', '/api/v1/plans', { as: intruder })
    expect(plans.body.data.map((p: { id: string }) => p.id)).toEqual([theirPlan.id])
  })
})
