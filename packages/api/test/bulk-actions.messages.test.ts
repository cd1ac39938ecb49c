import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runBulkAction } from '../src/modules/bulk-actions/services/run-bulk-action.js'
import { signingKey, unsubscribeToken } from '../src/modules/messages/links.js'
import { createCustomer } from './factories.js'
import { createTestApp, type Session, type TestApp } from './harness.js'

let t: TestApp
let a: Session
let b: Session

beforeAll(async () => {
  t = await createTestApp({ env: { SEGMENT_COUNT_CACHE_SECONDS: '0' } })
  a = await t.signup({ merchantName: 'Alpha Shop' })
  b = await t.signup({ merchantName: 'Beta Shop' })
})
afterAll(() => t.close())

const message = {
  subject: 'News for {{customer.name}}',
  text: 'Hello {{customer.name}},\n{{merchant.name}} opens a new store on Monday.',
}

async function bulk(as: Session, body: unknown) {
  return t.request('POST', '/api/v1/customers/bulk', { as, body })
}

async function finished(as: Session, id: string) {
  for (let i = 0; i < 200; i++) {
    const res = await t.request('GET', `/api/v1/bulk-actions/${id}`, { as })
    if (res.status !== 200) throw new Error(`get bulk action: ${res.status}`)
    if (res.body.status === 'completed' || res.body.status === 'failed') return res.body
    await new Promise((r) => setTimeout(r, 25))
  }
  throw new Error('bulk action did not finish')
}

/** The customer's announcements, as the communication log shows them. */
async function announcements(as: Session, customerId: string) {
  const res = await t.request('GET', `/api/v1/messages?customerId=${customerId}&kind=announcement`, { as })
  expect(res.status).toBe(200)
  return res.body.data as { id: string; status: string; subject: string; suppressedReason: string | null }[]
}

/** Unsubscribes the customer from announcements the way they would: the signed link's button. */
async function unsubscribe(customerId: string) {
  const token = unsubscribeToken(await signingKey(t.db), customerId, 'announcement')
  const res = await t.request('POST', `/api/v1/public/unsubscribe?token=${encodeURIComponent(token)}`)
  expect(res.status).toBe(200)
}

/** A fresh tag and four customers carrying it: two reachable, one without email, one unsubscribed. */
async function audience(as: Session) {
  const tag = `news-${randomUUID().slice(0, 6)}`
  const [ada, bob, noEmail, gone] = await Promise.all([
    createCustomer(t, as, { name: 'Ada Lovelace', tags: [tag] }),
    createCustomer(t, as, { name: 'Bob Stone', tags: [tag] }),
    createCustomer(t, as, { name: 'No Mail', email: null, tags: [tag] }),
    createCustomer(t, as, { name: 'Gone Away', tags: [tag] }),
  ])
  await unsubscribe(gone.id)
  return { tag, ada, bob, noEmail, gone }
}

describe('bulk action: send a message', () => {
  it('queues one announcement per reachable customer of a segment and counts the rest as skipped', async () => {
    const { tag, ada, bob, noEmail, gone } = await audience(a)
    const seg = await t.request('POST', '/api/v1/segments', {
      as: a,
      body: { name: `News ${tag}`, rule: { all: [{ field: 'tags', op: 'contains', value: tag }] } },
    })
    expect(seg.status).toBe(201)

    const preview = await t.request('POST', '/api/v1/customers/bulk/message-preview', {
      as: a,
      body: { selection: { segmentId: seg.body.id }, params: message },
    })
    expect(preview.status).toBe(200)
    expect(preview.body).toMatchObject({ matched: 4, recipients: 2, noEmail: 1, unsubscribed: 1 })
    expect(preview.body.sample).toMatchObject({
      customerId: ada.id,
      to: ada.email,
      subject: 'News for Ada Lovelace',
    })
    expect(preview.body.sample.text).toContain('Alpha Shop opens a new store on Monday.')

    const res = await bulk(a, {
      action: 'sendMessage',
      selection: { segmentId: seg.body.id },
      params: message,
    })
    expect(res.status).toBe(202)
    expect(res.body).toMatchObject({ action: 'sendMessage', matched: 4, skipped: 0 })
    const done = await finished(a, res.body.id)
    expect(done).toMatchObject({ status: 'completed', total: 4, processed: 4, changed: 2, skipped: 2 })

    for (const c of [ada, bob]) {
      const log = await announcements(a, c.id)
      expect(log).toHaveLength(1)
      expect(log[0]).toMatchObject({ status: 'queued', subject: `News for ${c.name}` })
      const detail = await t.request('GET', `/api/v1/messages/${log[0]?.id}`, { as: a })
      expect(detail.body.to).toBe(c.email)
      expect(detail.body.text).toContain(`Hello ${c.name},`)
      expect(detail.body.text).toContain('Alpha Shop opens a new store on Monday.')
      // Not transactional: it carries the customer's way out.
      expect(detail.body.headers['List-Unsubscribe']).toMatch(/\/api\/v1\/public\/unsubscribe\?token=/)
    }
    // The log says why the others got nothing.
    expect(await announcements(a, noEmail.id)).toMatchObject([
      { status: 'suppressed', suppressedReason: 'no email address' },
    ])
    expect(await announcements(a, gone.id)).toMatchObject([
      { status: 'suppressed', suppressedReason: 'the customer unsubscribed from announcement emails' },
    ])
    const audit = await sql<{ action: string }>`select action from audit_log
      where merchant_id = ${a.merchantId} and subject_type = 'bulk_action' and subject_id = ${res.body.id}`.execute(
      t.db,
    )
    expect(audit.rows.map((r) => r.action)).toEqual(['customers.bulk.sendMessage'])
  })

  it('never queues twice for a customer when the job runs again, even from the start', async () => {
    const { tag, ada, bob } = await audience(a)
    const res = await bulk(a, { action: 'sendMessage', selection: { filter: { tag } }, params: message })
    const done = await finished(a, res.body.id)
    expect(done).toMatchObject({ changed: 2, skipped: 2 })

    // Run the finished job again: nothing happens.
    await runBulkAction(t.core, res.body.id)
    // Lose its progress, as a worker killed before its cursor was written would, and run it again from
    // the first customer, one customer per batch.
    await sql`update bulk_actions set status = 'running', cursor = null, processed = 0, changed = 0, skipped = 0
      where id = ${res.body.id}`.execute(t.db)
    await sql`insert into bulk_action_items (bulk_action_id, customer_id)
      select ${res.body.id}::uuid, id from customers where merchant_id = ${a.merchantId} and ${tag} = any(tags)`.execute(
      t.db,
    )
    await runBulkAction(t.core, res.body.id, 1)
    expect(await finished(a, res.body.id)).toMatchObject({
      status: 'completed',
      processed: 4,
      changed: 2,
      skipped: 2,
    })
    for (const c of [ada, bob]) expect(await announcements(a, c.id)).toHaveLength(1)
    const n = await sql<{ n: string }>`select count(*) as n from messages
      where merchant_id = ${a.merchantId} and dedupe_key like ${`bulk:${res.body.id}:%`}`.execute(t.db)
    expect(Number(n.rows[0]?.n)).toBe(4)

    // A second action is a new message: the same customers get it once more.
    const again = await bulk(a, { action: 'sendMessage', selection: { filter: { tag } }, params: message })
    expect(await finished(a, again.body.id)).toMatchObject({ changed: 2 })
    expect(await announcements(a, ada.id)).toHaveLength(2)
  })

  it('never writes to another merchant’s customers, whatever the selection names', async () => {
    const tag = `shared-${randomUUID().slice(0, 6)}`
    const theirs = await createCustomer(t, b, { name: 'Theirs', tags: [tag] })
    const mine = await createCustomer(t, a, { name: 'Mine', tags: [tag] })
    const byIds = await bulk(a, {
      action: 'sendMessage',
      selection: { ids: [theirs.id, mine.id] },
      params: message,
    })
    expect(byIds.body.matched).toBe(1)
    expect(await finished(a, byIds.body.id)).toMatchObject({ total: 1, changed: 1, skipped: 0 })
    const byTag = await bulk(a, { action: 'sendMessage', selection: { filter: { tag } }, params: message })
    expect(await finished(a, byTag.body.id)).toMatchObject({ total: 1, changed: 1 })

    expect(await announcements(a, mine.id)).toHaveLength(2)
    expect(await announcements(b, theirs.id)).toHaveLength(0)
    const leaked = await sql<{
      n: string
    }>`select count(*) as n from messages where customer_id = ${theirs.id}`.execute(t.db)
    expect(Number(leaked.rows[0]?.n)).toBe(0)
    // Nor can B preview A's segment.
    const seg = await t.request('POST', '/api/v1/segments', {
      as: a,
      body: { name: `Mine ${tag}`, rule: { all: [{ field: 'tags', op: 'contains', value: tag }] } },
    })
    const cross = await t.request('POST', '/api/v1/customers/bulk/message-preview', {
      as: b,
      body: { selection: { segmentId: seg.body.id }, params: message },
    })
    expect(cross.status).toBe(404)
  })

  it('refuses an unknown variable or an empty message with a 400 naming the field', async () => {
    const c = await createCustomer(t, a)
    const unknown = await bulk(a, {
      action: 'sendMessage',
      selection: { ids: [c.id] },
      params: { subject: 'Your {{invoice.number}}', text: 'Hi {{ customer.name }}' },
    })
    expect(unknown.status).toBe(400)
    expect(unknown.body.errors).toEqual([
      {
        path: 'params.subject',
        message:
          '{{invoice.number}} is not a variable; use {{customer.name}}, {{customer.email}}, {{merchant.name}}',
      },
    ])
    const empty = await bulk(a, {
      action: 'sendMessage',
      selection: { ids: [c.id] },
      params: { subject: 'Two\nlines', text: '  ' },
    })
    expect(empty.status).toBe(400)
    expect(empty.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'params.subject',
      'params.text',
    ])
    expect(await announcements(a, c.id)).toHaveLength(0)
  })

  it('a customer name with braces stays text', async () => {
    const c = await createCustomer(t, a, { name: 'Eve {{merchant.name}}' })
    const res = await bulk(a, { action: 'sendMessage', selection: { ids: [c.id] }, params: message })
    await finished(a, res.body.id)
    const [m] = await announcements(a, c.id)
    expect(m?.subject).toBe('News for Eve {{merchant.name}}')
  })
})
