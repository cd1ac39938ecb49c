import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCustomer, customersPath, listCustomers } from './factories.js'
import { createTestApp, type Session, type TestApp } from './harness.js'

let t: TestApp
let a: Session
let b: Session
let aCustomer: { id: string; name: string; email: string; updatedAt: string }
let bCustomer: { id: string }

beforeAll(async () => {
  t = await createTestApp()
  a = await t.signup({ merchantName: 'Merchant A' })
  b = await t.signup({ merchantName: 'Merchant B' })
  aCustomer = await createCustomer(t, a, {
    name: 'Secret Customer',
    email: 'secret.customer@a.example',
    phone: '+44 20 7946 0958',
    company: 'Hidden Ltd',
  })
  // A's own duplicate of it, so A has a duplicate group that B must never see.
  await createCustomer(t, a, {
    name: 'Secret Customer',
    company: 'Hidden Ltd',
    email: 'secret.customer+x@a.example',
  })
  bCustomer = await createCustomer(t, b, { name: 'B Customer' })
})
afterAll(() => t.close())

/** What A's customer looks like to A, to prove B's attempts changed nothing. */
const asSeenByA = async () => (await t.request('GET', customersPath(aCustomer.id), { as: a })).body

function expectNotFound(res: { status: number; body: any }) {
  expect(res.status).toBe(404)
  expect(res.body.code).toBe('not_found')
}

describe('one merchant cannot reach another’s customers', () => {
  it('cannot read one: 404, not 403', async () => {
    expectNotFound(await t.request('GET', customersPath(aCustomer.id), { as: b }))
  })

  it('cannot change one, and it stays as it was', async () => {
    const before = await asSeenByA()
    expectNotFound(
      await t.request('PATCH', customersPath(aCustomer.id), { as: b, body: { name: 'Taken over' } }),
    )
    expect(await asSeenByA()).toEqual(before)
  })

  it('cannot delete one', async () => {
    expectNotFound(await t.request('DELETE', customersPath(aCustomer.id), { as: b }))
    expect((await t.request('GET', customersPath(aCustomer.id), { as: a })).status).toBe(200)
  })

  it('cannot merge another merchant’s customer into its own, or its own into another’s', async () => {
    const before = await asSeenByA()
    expectNotFound(
      await t.request('POST', `${customersPath(bCustomer.id)}/merge`, {
        as: b,
        body: { duplicateId: aCustomer.id },
      }),
    )
    expectNotFound(
      await t.request('POST', `${customersPath(aCustomer.id)}/merge`, {
        as: b,
        body: { duplicateId: bCustomer.id },
      }),
    )
    expect(await asSeenByA()).toEqual(before)
    expect((await t.request('GET', customersPath(bCustomer.id), { as: b })).status).toBe(200)
  })

  it('cannot pull another merchant’s customer in as a duplicate from its own side either', async () => {
    expectNotFound(
      await t.request('POST', `${customersPath(aCustomer.id)}/merge`, {
        as: a,
        body: { duplicateId: bCustomer.id },
      }),
    )
  })

  it('cannot read one’s activity log', async () => {
    expectNotFound(await t.request('GET', `${customersPath(aCustomer.id)}/audit`, { as: b }))
  })

  it('does not list or find them by search', async () => {
    const list = await listCustomers(t, b, { limit: 100 })
    expect(list.body.data.map((c: { id: string }) => c.id)).toEqual([bCustomer.id])
    for (const q of ['secret', 'a.example', '7946', 'hidden', aCustomer.id.slice(0, 8)]) {
      expect((await listCustomers(t, b, { q })).body.data).toEqual([])
    }
    for (const sort of ['name', '-lifetimeValue', 'createdAt']) {
      expect((await listCustomers(t, b, { sort })).body.data.map((c: { id: string }) => c.id)).toEqual([
        bCustomer.id,
      ])
    }
  })

  it('does not page into them with a cursor from the other merchant', async () => {
    const aCursor = (await listCustomers(t, a, { limit: 1 })).body.nextCursor
    const res = await listCustomers(t, b, { cursor: aCursor })
    expect(res.status).toBe(200)
    expect(res.body.data.every((c: { id: string }) => c.id === bCustomer.id)).toBe(true)
  })

  it('does not see their duplicates, nor count them as its own duplicates', async () => {
    const twin = await createCustomer(t, b, {
      name: 'Secret Customer',
      company: 'Hidden Ltd',
      phone: '+44 20 7946 0958',
    })
    const res = await t.request('GET', `${customersPath()}/duplicates`, { as: b })
    expect(res.status).toBe(200)
    expect(res.body.data).toEqual([])
    await t.request('DELETE', customersPath(twin.id), { as: b })
    const ofA = await t.request('GET', `${customersPath()}/duplicates`, { as: a })
    expect(ofA.body.data.length).toBeGreaterThan(0)
  })

  it('may use an email another merchant’s customer has', async () => {
    const res = await t.request('POST', customersPath(), {
      as: b,
      body: { name: 'Same email', email: aCustomer.email },
    })
    expect(res.status).toBe(201)
    await t.request('DELETE', customersPath(res.body.id), { as: b })
  })
})

describe('a viewer', () => {
  let viewer: Session
  beforeAll(async () => {
    viewer = await t.apiKey(a, 'viewer')
  })

  it('can list, search, read, see duplicates and the activity log', async () => {
    expect((await listCustomers(t, viewer, { q: 'secret' })).status).toBe(200)
    expect((await t.request('GET', customersPath(aCustomer.id), { as: viewer })).status).toBe(200)
    expect((await t.request('GET', `${customersPath()}/duplicates`, { as: viewer })).status).toBe(200)
    expect((await t.request('GET', `${customersPath(aCustomer.id)}/audit`, { as: viewer })).status).toBe(200)
  })

  it('cannot create, change, delete or merge: 403', async () => {
    const before = await asSeenByA()
    const other = await createCustomer(t, a)
    for (const [method, path, body] of [
      ['POST', customersPath(), { name: 'Nope' }],
      ['PATCH', customersPath(aCustomer.id), { name: 'Nope' }],
      ['DELETE', customersPath(aCustomer.id), undefined],
      ['POST', `${customersPath(aCustomer.id)}/merge`, { duplicateId: other.id }],
    ] as const) {
      const res = await t.request(method, path, { as: viewer, ...(body ? { body } : {}) })
      expect(res.status).toBe(403)
      expect(res.body.code).toBe('forbidden')
    }
    expect(await asSeenByA()).toEqual(before)
    expect((await t.request('GET', customersPath(other.id), { as: a })).status).toBe(200)
  })
})

describe('without a caller', () => {
  it('every customer route is a 401', async () => {
    for (const [method, path] of [
      ['GET', customersPath()],
      ['POST', customersPath()],
      ['GET', customersPath(aCustomer.id)],
      ['GET', `${customersPath()}/duplicates`],
    ] as const) {
      expect((await t.request(method, path)).status).toBe(401)
    }
  })
})
