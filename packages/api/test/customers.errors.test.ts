import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCustomer, customersPath, listCustomers } from './factories.js'
import { createTestApp, type Session, type TestApp } from './harness.js'

let t: TestApp
let owner: Session
beforeAll(async () => {
  t = await createTestApp()
  owner = await t.signup()
})
afterAll(() => t.close())

const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path)

/** A 400 problem+json naming exactly these fields, whatever else it says. */
function expectInvalid(res: { status: number; headers: Headers; body: any }, ...fields: string[]) {
  expect(res.status).toBe(400)
  expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/)
  expect(res.body.code).toBe('validation_failed')
  expect(paths(res.body)).toEqual(expect.arrayContaining(fields))
}

const create = (body: unknown) => t.request('POST', customersPath(), { as: owner, body })

describe('a create or update body that is not valid', () => {
  it('says in its detail which field is wrong when one is, and how many when several are', async () => {
    const one = await create({ name: 'A', tier: 'diamond' })
    expectInvalid(one, 'tier')
    expect(one.body.detail).toMatch(/^The request body has an invalid field, tier: .+/)
    const two = await create({ name: 123, tier: 'diamond' })
    expect(two.body.detail).toBe('The request body has 2 invalid fields')
    const unknown = await create({ name: 'A', favouriteColour: 'blue' })
    expect(unknown.body.detail).toMatch(/^The request body is invalid: .*favouriteColour/)
  })

  it.each([
    ['a name that is a number', { name: 123 }, ['name']],
    ['a missing name', { email: 'x@example.com' }, ['name']],
    ['a blank name', { name: '   ' }, ['name']],
    ['tags that are not a list', { name: 'A', tags: 'vip' }, ['tags']],
    ['payment terms in words', { name: 'A', paymentTermsDays: 'thirty' }, ['paymentTermsDays']],
    ['payment terms with decimals', { name: 'A', paymentTermsDays: 7.5 }, ['paymentTermsDays']],
    ['an unknown status', { name: 'A', status: 'vip' }, ['status']],
    ['an unknown tier', { name: 'A', tier: 'diamond' }, ['tier']],
    ['an unknown field', { name: 'A', favouriteColour: 'blue' }, ['(body)']],
    ['an unknown address field', { name: 'A', billingAddress: { street: 'Rua 1' } }, ['billingAddress']],
    ['a name of 201 characters', { name: 'x'.repeat(201) }, ['name']],
    ['notes over 10,000 characters', { name: 'A', notes: 'x'.repeat(10_001) }, ['notes']],
    ['a tag of 51 characters', { name: 'A', tags: ['x'.repeat(51)] }, ['tags.0']],
    ['51 tags', { name: 'A', tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }, ['tags']],
    ['an email without a domain', { name: 'A', email: 'ana@' }, ['email']],
    ['an email with spaces', { name: 'A', email: 'ana silva@example.com' }, ['email']],
    ['a phone made of letters', { name: 'A', phone: 'call me' }, ['phone']],
    ['a country that does not exist', { name: 'A', country: 'XX' }, ['country']],
    ['a country spelled out', { name: 'A', country: 'Portugal' }, ['country']],
    [
      'an address in no country',
      { name: 'A', shippingAddress: { country: 'ZZ' } },
      ['shippingAddress.country'],
    ],
    ['an unknown currency', { name: 'A', preferredFiat: 'EURO' }, ['preferredFiat']],
    ['an unknown time zone', { name: 'A', timezone: 'Mars/Olympus' }, ['timezone']],
    ['a date that is not a date', { name: 'A', registrationDate: '2025-02-30' }, ['registrationDate']],
    [
      'a payment limit as a float',
      { name: 'A', paymentLimits: { monthlyMax: 100.5 } },
      ['paymentLimits.monthlyMax'],
    ],
    [
      'a custom field holding an object',
      { name: 'A', customFields: { nested: { a: 1 } } },
      ['customFields.nested'],
    ],
    [
      'an unknown coin',
      { name: 'A', preferredCoins: [{ asset: 'DOGE', network: 'bitcoin' }] },
      ['preferredCoins.0.asset'],
    ],
    [
      'SOL on Ethereum',
      { name: 'A', preferredCoins: [{ asset: 'SOL', network: 'ethereum' }] },
      ['preferredCoins.0'],
    ],
    [
      'USDT on Bitcoin',
      { name: 'A', preferredCoins: [{ asset: 'USDT', network: 'bitcoin' }] },
      ['preferredCoins.0'],
    ],
    [
      'the same coin twice',
      {
        name: 'A',
        preferredCoins: [
          { asset: 'BTC', network: 'bitcoin' },
          { asset: 'BTC', network: 'bitcoin' },
        ],
      },
      ['preferredCoins'],
    ],
  ])('refuses %s with a 400 naming the field', async (_what, body, fields) => {
    expectInvalid(await create(body), ...(fields as string[]))
  })

  it('lists every bad field at once', async () => {
    const res = await create({ name: '', email: 'nope', country: 'XX', tier: 'x' })
    expectInvalid(res, 'name', 'email', 'country', 'tier')
    expect(res.body.errors.length).toBeGreaterThanOrEqual(4)
  })

  it('refuses malformed JSON, a missing body and a body that is not an object', async () => {
    expect((await t.request('POST', customersPath(), { as: owner, rawBody: '{"name": ' })).status).toBe(400)
    expect((await t.request('POST', customersPath(), { as: owner })).status).toBe(400)
    expectInvalid(await create(['Ana']))
    expectInvalid(await create(null))
  })

  it('refuses to clear a name or a status with null on update', async () => {
    const c = await createCustomer(t, owner)
    expectInvalid(
      await t.request('PATCH', customersPath(c.id), { as: owner, body: { name: null, status: null } }),
      'name',
      'status',
    )
    expectInvalid(
      await t.request('PATCH', customersPath(c.id), { as: owner, body: { country: 'XX', extra: true } }),
      'country',
    )
    // Unchanged: the customer as created (GET adds its metrics and avatar).
    const {
      metrics: _metrics,
      avatar: _avatar,
      ...after
    } = (await t.request('GET', customersPath(c.id), { as: owner })).body
    expect(after).toEqual(c)
  })
})

describe('an email or custom id another customer has', () => {
  it('is a 409 that names the existing customer, whatever the case of the email', async () => {
    const existing = await createCustomer(t, owner, { name: 'Ana Silva', email: 'ana@taken.example' })
    const res = await create({ name: 'Someone', email: 'ANA@Taken.Example' })
    expect(res.status).toBe(409)
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/)
    expect(res.body).toMatchObject({
      code: 'conflict',
      field: 'email',
      existingCustomerId: existing.id,
      existingCustomerName: 'Ana Silva',
    })
    expect(res.body.detail).toContain('Ana Silva')
    expect(res.body.detail).toContain(existing.id)
    expect(paths(res.body)).toEqual(['email'])
  })

  it('is a 409 for a custom id too, and for an update that takes someone else’s email', async () => {
    const a = await createCustomer(t, owner, { name: 'Holder', customId: 'C-42' })
    const dup = await create({ name: 'Other', customId: 'C-42' })
    expect(dup.status).toBe(409)
    expect(dup.body).toMatchObject({
      field: 'customId',
      existingCustomerId: a.id,
      existingCustomerName: 'Holder',
    })

    const b = await createCustomer(t, owner)
    const res = await t.request('PATCH', customersPath(b.id), {
      as: owner,
      body: { email: a.email.toUpperCase() },
    })
    expect(res.status).toBe(409)
    expect(res.body.existingCustomerId).toBe(a.id)
    // Writing a customer's own email back is not a conflict.
    expect(
      (await t.request('PATCH', customersPath(a.id), { as: owner, body: { email: a.email } })).status,
    ).toBe(200)
  })

  it('lets exactly one of several simultaneous creates with one email through; the others name it', async () => {
    const body = { name: 'Racer', email: `race-${Date.now()}@example.com` }
    const results = await Promise.all(Array.from({ length: 6 }, () => create(body)))
    const won = results.filter((r) => r.status === 201)
    expect(won).toHaveLength(1)
    for (const lost of results.filter((r) => r.status !== 201)) {
      expect(lost.status).toBe(409)
      expect(lost.body.existingCustomerId).toBe(won[0]!.body.id)
    }
  })
})

describe('list parameters that are not valid', () => {
  it.each([
    ['a limit of 0', { limit: '0' }, 'limit'],
    ['a limit of 101', { limit: '101' }, 'limit'],
    ['a limit that is not a number', { limit: 'ten' }, 'limit'],
    ['an unknown sort', { sort: 'email' }, 'sort'],
    ['an unknown status', { status: 'gone' }, 'status'],
    ['an unknown country', { country: 'XX' }, 'country'],
    ['a search of 201 characters', { q: 'x'.repeat(201) }, 'q'],
    ['an unknown parameter', { colour: 'blue' }, '(query)'],
  ])('refuses %s', async (_what, query, field) => {
    const res = await listCustomers(t, owner, query)
    expect(res.status).toBe(400)
    if (field !== '(query)') expect(paths(res.body)).toContain(field)
  })

  describe('cursors', () => {
    let cursor: string
    beforeAll(async () => {
      const other = await t.signup()
      for (let i = 0; i < 3; i++) await createCustomer(t, other)
      cursor = (await listCustomers(t, other, { limit: 1, sort: 'name' })).body.nextCursor
      expect(cursor).toEqual(expect.any(String))
    })

    const b64 = (v: unknown) =>
      Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url')

    it.each([
      ['garbage', () => '!!not a cursor!!'],
      ['truncated', () => cursor.slice(0, -5)],
      ['with a character changed', () => `x${cursor.slice(1)}`],
      ['base64 of something that is not JSON', () => b64('hello')],
      ['JSON of the wrong shape', () => b64({ s: 'name', id: 'nope', k: 'a' })],
      [
        'JSON with extra fields',
        () => b64({ s: 'name', id: '019a0000-0000-7000-8000-000000000000', k: 'a', x: 1 }),
      ],
      [
        'a lifetime value that is not a number',
        () =>
          b64({
            s: '-lifetimeValue',
            id: '019a0000-0000-7000-8000-000000000000',
            k: "1'; drop table customers;--",
          }),
      ],
      ['made for another sort', () => cursor],
      ['longer than allowed', () => 'a'.repeat(3000)],
    ])('refuses a cursor that is %s with a 400 on cursor', async (what, make) => {
      const sort =
        what === 'a lifetime value that is not a number'
          ? '-lifetimeValue'
          : what === 'made for another sort'
            ? '-name'
            : 'name'
      const res = await listCustomers(t, owner, { sort, cursor: make() })
      expect(res.status).toBe(400)
      expect(paths(res.body)).toEqual(['cursor'])
    })
  })
})

describe('paths that are not valid', () => {
  it.each([
    ['GET', '/not-a-uuid'],
    ['PATCH', '/123'],
    ['DELETE', '/019a0000-zzzz-7000-8000-000000000000'],
    ['POST', '/not-a-uuid/merge'],
    ['GET', '/not-a-uuid/audit'],
  ])('%s with a bad id in %s is a 400 on id', async (method, path) => {
    const res = await t.request(method, `${customersPath()}${path}`, {
      as: owner,
      ...(method === 'GET' || method === 'DELETE'
        ? {}
        : { body: { duplicateId: '019a0000-0000-7000-8000-000000000000' } }),
    })
    expect(res.status).toBe(400)
    expect(paths(res.body)).toContain('id')
  })

  it('answers an id that does not exist with 404', async () => {
    const missing = '019a0000-0000-7000-8000-000000000000'
    for (const [method, path] of [
      ['GET', ''],
      ['PATCH', ''],
      ['DELETE', ''],
      ['GET', '/audit'],
    ] as const) {
      const res = await t.request(method, `${customersPath(missing)}${path}`, {
        as: owner,
        ...(method === 'PATCH' ? { body: { name: 'x' } } : {}),
      })
      expect(res.status).toBe(404)
      expect(res.body.code).toBe('not_found')
    }
  })
})

describe('merge requests that are not valid', () => {
  it('refuses to merge a customer into itself', async () => {
    const c = await createCustomer(t, owner)
    const res = await t.request('POST', `${customersPath(c.id)}/merge`, {
      as: owner,
      body: { duplicateId: c.id },
    })
    expectInvalid(res, 'duplicateId')
  })

  it('refuses a missing, malformed or unknown duplicateId', async () => {
    const c = await createCustomer(t, owner)
    const merge = (body?: unknown) =>
      t.request('POST', `${customersPath(c.id)}/merge`, {
        as: owner,
        ...(body === undefined ? {} : { body }),
      })
    expect((await merge()).status).toBe(400)
    expectInvalid(await merge({}), 'duplicateId')
    expectInvalid(await merge({ duplicateId: 'abc' }), 'duplicateId')
    expectInvalid(await merge({ duplicateId: c.id, extra: 1 }))
    const unknown = await merge({ duplicateId: '019a0000-0000-7000-8000-000000000000' })
    expect(unknown.status).toBe(404)
  })

  it('refuses to merge a customer that was already merged away', async () => {
    const a = await createCustomer(t, owner)
    const b = await createCustomer(t, owner)
    const c = await createCustomer(t, owner)
    await t.request('POST', `${customersPath(a.id)}/merge`, { as: owner, body: { duplicateId: b.id } })
    expect(
      (await t.request('POST', `${customersPath(c.id)}/merge`, { as: owner, body: { duplicateId: b.id } }))
        .status,
    ).toBe(404)
    expect(
      (await t.request('POST', `${customersPath(b.id)}/merge`, { as: owner, body: { duplicateId: c.id } }))
        .status,
    ).toBe(404)
  })
})

describe('audit parameters that are not valid', () => {
  it('refuses a bad limit or cursor', async () => {
    const c = await createCustomer(t, owner)
    expect(
      paths((await t.request('GET', `${customersPath(c.id)}/audit?limit=0`, { as: owner })).body),
    ).toEqual(['limit'])
    expect(
      paths((await t.request('GET', `${customersPath(c.id)}/audit?cursor=abc`, { as: owner })).body),
    ).toEqual(['cursor'])
  })
})
