import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runBulkAction } from '../src/modules/bulk-actions/services/run-bulk-action.js'
import { createCustomer, customersPath } from './factories.js'
import { createTestApp, type Session, type TestApp } from './harness.js'

let t: TestApp
let a: Session
let b: Session

beforeAll(async () => {
  t = await createTestApp({ env: { SEGMENT_COUNT_CACHE_SECONDS: '0' } })
  a = await t.signup({ merchantName: 'A' })
  b = await t.signup({ merchantName: 'B' })
})
afterAll(() => t.close())

async function bulk(as: Session, body: unknown, headers: Record<string, string> = {}) {
  return t.request('POST', '/api/v1/customers/bulk', { as, body, headers })
}

/** Polls a bulk action until it has finished. */
async function finished(as: Session, id: string) {
  for (let i = 0; i < 200; i++) {
    const res = await t.request('GET', `/api/v1/bulk-actions/${id}`, { as })
    if (res.status !== 200) throw new Error(`get bulk action: ${res.status}`)
    if (res.body.status === 'completed' || res.body.status === 'failed') return res.body
    await new Promise((r) => setTimeout(r, 25))
  }
  throw new Error('bulk action did not finish')
}

async function tagsOf(as: Session, id: string): Promise<string[]> {
  return (await t.request('GET', customersPath(id), { as })).body.tags
}

async function auditCount(merchantId: string, bulkActionId: string) {
  const r = await sql<{ n: string }>`select count(*) as n from audit_log where merchant_id = ${merchantId}
    and subject_type = 'bulk_action' and subject_id = ${bulkActionId}`.execute(t.db)
  return Number(r.rows[0]?.n)
}

describe('bulk actions', () => {
  it('adds tags to the listed customers as a job with progress, once each, with one audit entry', async () => {
    const cs = await Promise.all([0, 1, 2].map(() => createCustomer(t, a, { tags: ['old'] })))
    const already = await createCustomer(t, a, { tags: ['promo'] })
    const res = await bulk(a, {
      action: 'addTags',
      selection: { ids: [...cs.map((c) => c.id), already.id] },
      params: { tags: ['promo', 'promo', 'q3'] },
    })
    expect(res.status).toBe(202)
    expect(res.headers.get('location')).toBe(`/api/v1/bulk-actions/${res.body.id}`)
    expect(res.body).toMatchObject({ action: 'addTags', matched: 4 })
    const done = await finished(a, res.body.id)
    expect(done).toMatchObject({ status: 'completed', total: 4, processed: 4, changed: 4, progress: 1 })
    for (const c of cs) expect(await tagsOf(a, c.id)).toEqual(expect.arrayContaining(['old', 'promo', 'q3']))
    expect((await tagsOf(a, already.id)).sort()).toEqual(['promo', 'q3'])
    expect(await auditCount(a.merchantId, res.body.id)).toBe(1)
  })

  it('acts on a segment and on the list’s filters: remove tags, set tier and status', async () => {
    const tag = `seg-${randomUUID().slice(0, 6)}`
    const members = await Promise.all(
      [0, 1].map(() => createCustomer(t, a, { tags: [tag, 'keep'], country: 'PT' })),
    )
    const outsider = await createCustomer(t, a, { tags: ['keep'], country: 'PT' })
    const seg = await t.request('POST', '/api/v1/segments', {
      as: a,
      body: { name: `Seg ${tag}`, rule: { all: [{ field: 'tags', op: 'contains', value: tag }] } },
    })
    const tier = await bulk(a, {
      action: 'setTier',
      selection: { segmentId: seg.body.id },
      params: { tier: 'gold' },
    })
    expect(await finished(a, tier.body.id)).toMatchObject({ status: 'completed', changed: 2 })
    const status = await bulk(a, {
      action: 'setStatus',
      selection: { filter: { tag, country: 'PT' } },
      params: { status: 'inactive' },
    })
    expect(await finished(a, status.body.id)).toMatchObject({ status: 'completed', changed: 2 })
    const remove = await bulk(a, {
      action: 'removeTags',
      selection: { segmentId: seg.body.id },
      params: { tags: [tag] },
    })
    expect(await finished(a, remove.body.id)).toMatchObject({ status: 'completed', changed: 2 })
    for (const m of members) {
      const c = (await t.request('GET', customersPath(m.id), { as: a })).body
      expect(c).toMatchObject({ tier: 'gold', status: 'inactive', tags: ['keep'] })
    }
    const out = (await t.request('GET', customersPath(outsider.id), { as: a })).body
    expect(out).toMatchObject({ tier: null, status: 'active', tags: ['keep'] })
  })

  it('never touches another merchant’s customers, whatever the selection names', async () => {
    const theirs = await createCustomer(t, b, { tags: ['b-only'], tier: 'bronze' })
    const mine = await createCustomer(t, a, { tags: ['b-only'] })
    const byId = await bulk(a, {
      action: 'setTier',
      selection: { ids: [theirs.id, mine.id] },
      params: { tier: 'platinum' },
    })
    expect(byId.body.matched).toBe(1)
    await finished(a, byId.body.id)
    const byFilter = await bulk(a, {
      action: 'delete',
      selection: { filter: { tag: 'b-only' } },
      params: { confirmCount: 1 },
    })
    expect(byFilter.status).toBe(202)
    await finished(a, byFilter.body.id)
    const still = await t.request('GET', customersPath(theirs.id), { as: b })
    expect(still.status).toBe(200)
    expect(still.body.tier).toBe('bronze')
    expect((await t.request('GET', customersPath(mine.id), { as: a })).status).toBe(404)
    // B can neither read A's action nor use A's segment.
    expect((await t.request('GET', `/api/v1/bulk-actions/${byId.body.id}`, { as: b })).status).toBe(404)
    const seg = await t.request('POST', '/api/v1/segments', {
      as: a,
      body: { name: 'A only', rule: { all: [] } },
    })
    const cross = await bulk(b, {
      action: 'addTags',
      selection: { segmentId: seg.body.id },
      params: { tags: ['x'] },
    })
    expect(cross.status).toBe(404)
  })

  it('a delete needs confirmCount equal to the matched count', async () => {
    const tag = `del-${randomUUID().slice(0, 6)}`
    const cs = await Promise.all([0, 1, 2].map(() => createCustomer(t, a, { tags: [tag] })))
    const wrong = await bulk(a, {
      action: 'delete',
      selection: { filter: { tag } },
      params: { confirmCount: 2 },
    })
    expect(wrong.status).toBe(400)
    expect(wrong.body.errors[0]).toMatchObject({ path: 'params.confirmCount' })
    expect(wrong.body.errors[0].message).toContain('3')
    const missing = await bulk(a, { action: 'delete', selection: { filter: { tag } }, params: {} })
    expect(missing.status).toBe(400)
    const right = await bulk(a, {
      action: 'delete',
      selection: { filter: { tag } },
      params: { confirmCount: 3 },
    })
    expect(await finished(a, right.body.id)).toMatchObject({ status: 'completed', changed: 3 })
    for (const c of cs) expect((await t.request('GET', customersPath(c.id), { as: a })).status).toBe(404)
  })

  it('exports the selection as a CSV to download', async () => {
    const tag = `exp-${randomUUID().slice(0, 6)}`
    const cs = await Promise.all(
      ['=cmd', 'Zoë'].map((n) => createCustomer(t, a, { name: `${n} ${tag}`, tags: [tag] })),
    )
    const res = await bulk(a, { action: 'export', selection: { filter: { tag } } })
    const done = await finished(a, res.body.id)
    expect(done.downloadUrl).toBe(`/api/v1/bulk-actions/${res.body.id}/export.csv`)
    const file = await t.request('GET', done.downloadUrl, { as: a })
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toContain('text/csv')
    const lines = String(file.body).trim().split('\n')
    expect(lines).toHaveLength(3)
    expect(String(file.body)).toContain(`'=cmd ${tag}`)
    expect(String(file.body)).toContain(`Zoë ${tag}`)
    for (const c of cs) expect(String(file.body)).toContain(c.id)
  })

  it('is idempotent: the same Idempotency-Key gives the same action, and a resumed job continues after its cursor', async () => {
    const cs = await Promise.all([0, 1, 2, 3, 4].map(() => createCustomer(t, a)))
    const ids = cs.map((c) => c.id)
    const body = { action: 'addTags', selection: { ids }, params: { tags: ['once'] } }
    const key = randomUUID()
    const first = await bulk(a, body, { 'idempotency-key': key })
    const again = await bulk(a, body, { 'idempotency-key': key })
    expect(again.body.id).toBe(first.body.id)
    await finished(a, first.body.id)
    expect(await auditCount(a.merchantId, first.body.id)).toBe(1)
    // Running the finished job again changes nothing.
    await runBulkAction(t.core, first.body.id)
    expect((await finished(a, first.body.id)).changed).toBe(5)
    for (const id of ids) expect(await tagsOf(a, id)).toEqual(['once'])

    // A job that stopped after its first batch (cursor on the second id) resumes after it.
    const sorted = [...ids].sort()
    const id = randomUUID()
    await sql`insert into bulk_actions (id, merchant_id, actor_type, action, selection, params, status, matched, total, processed, cursor)
      values (${id}, ${a.merchantId}, 'system', 'addTags', ${JSON.stringify({ ids })}, ${JSON.stringify({ tags: ['resumed'] })},
        'running', 5, 5, 2, ${sorted[1]})`.execute(t.db)
    for (const c of sorted)
      await sql`insert into bulk_action_items (bulk_action_id, customer_id) values (${id}, ${c})`.execute(
        t.db,
      )
    await runBulkAction(t.core, id, 2)
    const resumed = await finished(a, id)
    expect(resumed).toMatchObject({ status: 'completed', processed: 5, changed: 3 })
    expect(await tagsOf(a, sorted[0] as string)).toEqual(['once'])
    expect(await tagsOf(a, sorted[4] as string)).toEqual(['once', 'resumed'])
  })

  it('a bad action or selection is a 400, and a viewer may not act', async () => {
    expect(
      (await bulk(a, { action: 'launchRockets', selection: { ids: [randomUUID()] }, params: {} })).status,
    ).toBe(400)
    expect(
      (await bulk(a, { action: 'addTags', selection: { ids: [] }, params: { tags: ['x'] } })).status,
    ).toBe(400)
    expect(
      (await bulk(a, { action: 'addTags', selection: { segmentId: 'nope' }, params: { tags: ['x'] } }))
        .status,
    ).toBe(404)
    const viewer = await t.apiKey(a, 'viewer')
    expect((await bulk(viewer, { action: 'export', selection: { ids: [randomUUID()] } })).status).toBe(403)
  })
})
