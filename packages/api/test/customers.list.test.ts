import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCustomer, listCustomers, setStats, walkPages } from './factories.js'
import { createTestApp, type Session, type TestApp } from './harness.js'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('searching and filtering the list', () => {
  let owner: Session
  const ids: Record<string, string> = {}
  beforeAll(async () => {
    owner = await t.signup()
    const people = {
      ana: {
        name: 'Ana Silva',
        email: 'ana.silva@example.com',
        phone: '+351 912 345 678',
        company: 'Lisbon Bikes',
        customId: 'CRM-17',
        country: 'PT',
        tags: ['vip', 'eu'],
        tier: 'gold',
        type: 'business',
      },
      bruno: {
        name: 'Bruno Costa',
        email: 'bruno@costa.pt',
        phone: '+351 931 000 111',
        company: 'Porto Wines',
        status: 'suspended',
        country: 'PT',
        tags: ['eu'],
        tier: 'silver',
      },
      carla: {
        name: 'Carla Mendes',
        email: 'carla@mendes.io',
        company: '100% Cotton',
        country: 'BR',
        type: 'organization',
        status: 'inactive',
      },
      dan: { name: 'Dan_Underscore', email: 'dan@example.org', country: 'US', tier: 'gold' },
    }
    for (const [key, body] of Object.entries(people)) ids[key] = (await createCustomer(t, owner, body)).id
  })

  const search = async (query: Record<string, string>) => {
    const res = await listCustomers(t, owner, query)
    expect(res.status).toBe(200)
    return res.body.data.map((c: { id: string }) => c.id).sort()
  }
  const only = (...keys: string[]) => keys.map((k) => ids[k]).sort()

  it.each([
    ['partial email', 'SILVA@EXAM', ['ana']],
    ['partial name, any case', 'rUnO co', ['bruno']],
    ['partial phone as written', '931 000', ['bruno']],
    ['phone digits typed without spaces', '912345', ['ana']],
    ['partial company', 'porto win', ['bruno']],
    ['custom id', 'crm-17', ['ana']],
    ['a shared fragment', 'example', ['ana', 'dan']],
    ['two characters', 'an', ['ana', 'dan']],
    ['one character', 'z', []],
  ])('finds customers by %s', async (_what, q, expected) => {
    expect(await search({ q: q as string })).toEqual(only(...(expected as string[])))
  })

  it('treats %, _ and \\ in the search text as plain characters', async () => {
    expect(await search({ q: '0% c' })).toEqual(only('carla'))
    expect(await search({ q: '%' })).toEqual(only('carla'))
    expect(await search({ q: '_' })).toEqual(only('dan'))
    expect(await search({ q: '\\' })).toEqual([])
  })

  it.each([
    ['status', { status: 'suspended' }, ['bruno']],
    ['type', { type: 'organization' }, ['carla']],
    ['tag', { tag: 'vip' }, ['ana']],
    ['country, any case', { country: 'pt' }, ['ana', 'bruno']],
    ['tier', { tier: 'gold' }, ['ana', 'dan']],
    ['several at once', { country: 'PT', tag: 'eu', tier: 'silver' }, ['bruno']],
    ['search and filter together', { q: 'example', tier: 'gold', country: 'US' }, ['dan']],
  ])('filters by %s', async (_what, query, expected) => {
    expect(await search(query as Record<string, string>)).toEqual(only(...(expected as string[])))
  })
})

describe('sorting and pagination', () => {
  let owner: Session
  const byName: Record<string, string> = {}
  beforeAll(async () => {
    owner = await t.signup()
    // Mixed case and a name tie: the order must come from lower(name), then id.
    const names = ['delta', 'Alpha', 'charlie', 'bravo', 'alpha', 'Echo', 'foxtrot']
    const values = ['10', '250.5', '0', '99.99', '250.5', '1000', '0']
    for (const [i, name] of names.entries()) {
      const c = await createCustomer(t, owner, { name })
      byName[`${name}#${i}`] = c.id
      await setStats(t, c.id, { lifetimeValue: values[i] as string, paymentCount: i })
    }
  })

  const all = async (sort: string) => {
    const pages = await walkPages(t, owner, { sort, limit: 100 })
    return pages.flat()
  }

  it('sorts by name ignoring case, ties broken by id', async () => {
    const rows = await all('name')
    expect(rows.map((r) => r.name.toLowerCase())).toEqual([
      'alpha',
      'alpha',
      'bravo',
      'charlie',
      'delta',
      'echo',
      'foxtrot',
    ])
    const [first, second] = rows
    expect(first!.id < second!.id).toBe(true)
    expect((await all('-name')).map((r) => r.id)).toEqual(rows.map((r) => r.id).reverse())
  })

  it('sorts by creation, newest first by default', async () => {
    const created = Object.values(byName)
    const res = await listCustomers(t, owner)
    expect(res.body.data.map((r: { id: string }) => r.id)).toEqual([...created].reverse())
    expect((await all('createdAt')).map((r) => r.id)).toEqual(created)
  })

  it('sorts by lifetime value, exactly, ties broken by id', async () => {
    const rows = await all('-lifetimeValue')
    expect(rows.map((r) => r.lifetimeValue)).toEqual(['1000', '250.5', '250.5', '99.99', '10', '0', '0'])
    expect((await all('lifetimeValue')).map((r) => r.id)).toEqual(rows.map((r) => r.id).reverse())
  })

  it.each(['name', '-name', 'createdAt', '-createdAt', 'lifetimeValue', '-lifetimeValue'])(
    'walks every customer exactly once, two per page, sorted by %s',
    async (sort) => {
      const pages = await walkPages(t, owner, { sort, limit: 2 })
      expect(pages.map((p) => p.length)).toEqual([2, 2, 2, 1])
      const ids = pages.flat().map((r) => r.id)
      expect(new Set(ids).size).toBe(7)
      expect(ids).toEqual((await all(sort)).map((r) => r.id))
    },
  )

  it('treats an empty cursor as the first page', async () => {
    const res = await listCustomers(t, owner, { cursor: '', limit: 3 })
    expect(res.status).toBe(200)
    expect(res.body.data).toEqual((await listCustomers(t, owner, { limit: 3 })).body.data)
  })

  it('ends with a null cursor when the last page is exactly full', async () => {
    const res = await listCustomers(t, owner, { limit: 7 })
    expect(res.body.data).toHaveLength(7)
    expect(res.body.nextCursor).toBeNull()
  })

  it('paginates search results too, one per page', async () => {
    const pages = await walkPages(t, owner, { q: 'alpha', sort: 'name', limit: 1 })
    expect(pages.map((p) => p.length)).toEqual([1, 1])
    // Same lower-cased name: the id decides.
    expect(pages.flat().map((r) => r.id)).toEqual([byName['Alpha#1'], byName['alpha#4']].sort())
  })
})
