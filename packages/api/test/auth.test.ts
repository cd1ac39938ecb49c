import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from './harness.js'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('sign up, log in, log out', () => {
  it('signs up a merchant and its owner and sets an httpOnly SameSite session cookie', async () => {
    const res = await t.request('POST', '/api/v1/auth/signup', {
      body: { email: 'Ana@Example.com', password: 'correct horse battery', merchantName: 'Ana’s Shop' },
    })
    expect(res.status).toBe(201)
    expect(res.body.user.email).toBe('ana@example.com')
    expect(res.body.role).toBe('owner')
    expect(res.body.merchant.name).toBe('Ana’s Shop')
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/coinbook_session=cb_sess_/)
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
  })

  it('refuses a second account with the same email, whatever its case, and creates no merchant', async () => {
    const before = await t.db
      .selectFrom('merchants')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    const res = await t.request('POST', '/api/v1/auth/signup', {
      body: { email: 'ANA@example.com', password: 'another password', merchantName: 'Copy' },
    })
    expect(res.status).toBe(409)
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/)
    const after = await t.db
      .selectFrom('merchants')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(after.n).toBe(before.n)
  })

  it('logs in with the right password and not with a wrong one', async () => {
    const ok = await t.request('POST', '/api/v1/auth/login', {
      body: { email: 'ana@example.com', password: 'correct horse battery' },
    })
    expect(ok.status).toBe(200)
    const cookie = ok.headers.get('set-cookie')!.split(';')[0]!
    const me = await t.request('GET', '/api/v1/auth/me', { headers: { cookie } })
    expect(me.status).toBe(200)
    expect(me.body.via).toBe('session')

    const bad = await t.request('POST', '/api/v1/auth/login', {
      body: { email: 'ana@example.com', password: 'wrong one!!' },
    })
    expect(bad.status).toBe(401)
    expect(bad.body.detail).toBe('The email or password is not correct')
    const unknown = await t.request('POST', '/api/v1/auth/login', {
      body: { email: 'nobody@example.com', password: 'whatever1234' },
    })
    expect(unknown.status).toBe(401)
    expect(unknown.body.detail).toBe(bad.body.detail)
  })

  it('logs out: the old cookie no longer works', async () => {
    const s = await t.signup()
    expect((await t.request('GET', '/api/v1/auth/me', { as: s })).status).toBe(200)
    const out = await t.request('POST', '/api/v1/auth/logout', { as: s })
    expect(out.status).toBe(204)
    expect((await t.request('GET', '/api/v1/auth/me', { as: s })).status).toBe(401)
  })

  it('says what is wrong with a bad signup, field by field', async () => {
    const res = await t.request('POST', '/api/v1/auth/signup', {
      body: { email: 'not-an-email', password: 'short', merchantName: '', extra: 1 },
    })
    expect(res.status).toBe(400)
    expect(res.body.code).toBe('validation_failed')
    const paths = res.body.errors.map((e: { path: string }) => e.path).sort()
    expect(paths).toEqual(expect.arrayContaining(['email', 'password', 'merchantName']))
    expect(JSON.stringify(res.body.errors)).toMatch(/extra/)
  })

  it('answers malformed JSON and a missing body with 400, not 500', async () => {
    const malformed = await t.request('POST', '/api/v1/auth/login', { rawBody: '{"email": ' })
    expect(malformed.status).toBe(400)
    const missing = await t.request('POST', '/api/v1/auth/login', {})
    expect(missing.status).toBe(400)
  })
})

describe('API keys and roles', () => {
  it('returns a key once, stores only its hash, and accepts it as a Bearer token', async () => {
    const owner = await t.signup()
    const created = await t.request('POST', '/api/v1/api-keys', { as: owner, body: { name: 'CI' } })
    expect(created.status).toBe(201)
    expect(created.body.key).toMatch(/^cb_key_/)
    const stored = await t.db
      .selectFrom('api_keys')
      .selectAll()
      .where('id', '=', created.body.id)
      .executeTakeFirstOrThrow()
    expect(stored.key_hash).not.toContain(created.body.key)
    const list = await t.request('GET', '/api/v1/api-keys', { as: owner })
    expect(list.body.data[0]).not.toHaveProperty('key')

    const me = await t.request('GET', '/api/v1/auth/me', {
      headers: { authorization: `Bearer ${created.body.key}` },
    })
    expect(me.status).toBe(200)
    expect(me.body.via).toBe('api_key')
    expect(me.body.merchant.id).toBe(owner.merchantId)
  })

  it('rejects a revoked key and a malformed Authorization header', async () => {
    const owner = await t.signup()
    const key = await t.apiKey(owner)
    const list = await t.request('GET', '/api/v1/api-keys', { as: owner })
    await t.request('DELETE', `/api/v1/api-keys/${list.body.data[0].id}`, { as: owner })
    expect((await t.request('GET', '/api/v1/auth/me', { as: key })).status).toBe(401)
    expect(
      (await t.request('GET', '/api/v1/auth/me', { headers: { authorization: 'Basic abc' } })).status,
    ).toBe(401)
  })

  it('lets a viewer read but not write', async () => {
    const owner = await t.signup()
    const viewer = await t.apiKey(owner, 'viewer')
    expect((await t.request('GET', '/api/v1/api-keys', { as: viewer })).status).toBe(200)
    const write = await t.request('POST', '/api/v1/api-keys', { as: viewer, body: { name: 'x' } })
    expect(write.status).toBe(403)
    expect(write.body.code).toBe('forbidden')
  })

  it('lets an owner add a viewer teammate who can log in and only read', async () => {
    const owner = await t.signup()
    const email = `viewer-${owner.merchantId}@example.com`
    const added = await t.request('POST', '/api/v1/members', {
      as: owner,
      body: { email, password: 'viewer password 1', role: 'viewer' },
    })
    expect(added.status).toBe(201)
    const login = await t.request('POST', '/api/v1/auth/login', {
      body: { email, password: 'viewer password 1' },
    })
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!
    expect(login.body.role).toBe('viewer')
    expect(login.body.merchant.id).toBe(owner.merchantId)
    const write = await t.request('POST', '/api/v1/api-keys', { headers: { cookie }, body: { name: 'x' } })
    expect(write.status).toBe(403)
  })

  it('does not let an admin mint an owner key', async () => {
    const owner = await t.signup()
    const admin = await t.apiKey(owner, 'admin')
    const res = await t.request('POST', '/api/v1/api-keys', { as: admin, body: { name: 'x', role: 'owner' } })
    expect(res.status).toBe(403)
  })
})

describe('Idempotency-Key', () => {
  it('replays the first response for a retry with the same key and body', async () => {
    const owner = await t.signup()
    const headers = { 'idempotency-key': 'abc-123' }
    const first = await t.request('POST', '/api/v1/api-keys', { as: owner, headers, body: { name: 'once' } })
    const second = await t.request('POST', '/api/v1/api-keys', { as: owner, headers, body: { name: 'once' } })
    expect(first.status).toBe(201)
    expect(second.status).toBe(201)
    expect(second.headers.get('idempotent-replayed')).toBe('true')
    expect(second.body.id).toBe(first.body.id)
    const list = await t.request('GET', '/api/v1/api-keys', { as: owner })
    expect(list.body.data.filter((k: { name: string }) => k.name === 'once')).toHaveLength(1)
  })

  it('refuses the same key with another body', async () => {
    const owner = await t.signup()
    const headers = { 'idempotency-key': 'k-1' }
    await t.request('POST', '/api/v1/api-keys', { as: owner, headers, body: { name: 'a' } })
    const res = await t.request('POST', '/api/v1/api-keys', { as: owner, headers, body: { name: 'b' } })
    expect(res.status).toBe(409)
    expect(res.body.code).toBe('idempotency_conflict')
  })
})

describe('health and docs', () => {
  it('reports liveness and readiness with the database and queue checked', async () => {
    expect((await t.request('GET', '/healthz')).status).toBe(200)
    const ready = await t.request('GET', '/readyz')
    expect(ready.status).toBe(200)
    expect(ready.body.checks).toEqual({ database: 'ok', queue: 'ok' })
  })

  it('publishes an OpenAPI 3.1 document and a rendered reference', async () => {
    const doc = await t.request('GET', '/api/v1/openapi.json')
    expect(doc.status).toBe(200)
    expect(doc.body.openapi).toBe('3.1.0')
    expect(doc.body.servers[0].url).toBe('/api/v1')
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/auth/signup', '/api-keys']))
    const docs = await t.request('GET', '/api/v1/docs')
    expect(docs.status).toBe(200)
    expect(docs.body).toContain('/api/v1/openapi.json')
  })

  it('answers unknown routes with a problem document', async () => {
    const res = await t.request('GET', '/api/v1/nope')
    expect([401, 404]).toContain(res.status)
    expect(res.headers.get('content-type')).toMatch(/problem\+json/)
  })
})

describe('request hygiene', () => {
  it('refuses a write whose body is not JSON (no cross-site form posts)', async () => {
    const owner = await t.signup()
    const res = await t.request('POST', '/api/v1/api-keys', {
      as: owner,
      rawBody: 'name=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(res.status).toBe(400)
  })

  it('refuses a body over the size limit with 413', async () => {
    const owner = await t.signup()
    const res = await t.request('POST', '/api/v1/api-keys', {
      as: owner,
      body: { name: 'x'.repeat(2 * 1024 * 1024) },
    })
    expect(res.status).toBe(413)
    expect(res.body.code).toBe('payload_too_large')
  })

  it('lists the payment options of the registry', async () => {
    const owner = await t.signup()
    const res = await t.request('GET', '/api/v1/payment-options', { as: owner })
    expect(res.status).toBe(200)
    expect(res.body.data).toContainEqual(
      expect.objectContaining({ asset: 'USDT', network: 'tron', decimals: 6, networkName: 'Tron' }),
    )
  })
})

describe('cross-site protection', () => {
  it('refuses a cookie-authenticated write from another origin, and allows our own', async () => {
    const owner = await t.signup()
    const evil = await t.request('POST', '/api/v1/api-keys', {
      as: owner,
      headers: { origin: 'https://evil.example' },
      body: { name: 'x' },
    })
    expect(evil.status).toBe(403)
    const ours = await t.request('POST', '/api/v1/api-keys', {
      as: owner,
      headers: { origin: 'http://localhost' },
      body: { name: 'x' },
    })
    expect(ours.status).toBe(201)
  })
})
