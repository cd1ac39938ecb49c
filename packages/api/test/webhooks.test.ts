import { setTimeout as sleep } from 'node:timers/promises'
import { sql } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordOverdueInvoices } from '../src/modules/invoices/services/record-overdue.js'
import { claimDeliveries } from '../src/modules/webhooks/services/claim-deliveries.js'
import { type DispatcherOptions, runDispatcher } from '../src/modules/webhooks/services/run-dispatcher.js'
import { createCustomer } from './factories.js'
import { createTestApp, type Session, type TestApp } from './harness.js'
import { createInvoice, sendInvoice } from './invoices.js'
import { startReceiver } from './webhook-receiver.js'

let t: TestApp
let owner: Session
let receiver: Awaited<ReturnType<typeof startReceiver>>

// The specification's schedule is minutes to hours; the same code runs here on milliseconds.
const FAST = [0, 50, 50, 50, 50, 50, 50, 50, 50, 50]

beforeAll(async () => {
  t = await createTestApp({ env: { WEBHOOKS_ALLOW_PRIVATE: 'true' } })
  owner = await t.signup({ merchantName: 'Hooks Co' })
  receiver = await startReceiver()
}, 180_000)
afterAll(async () => {
  await receiver.close()
  await t.close()
})

/**
 * Runs a dispatcher for these merchants only (test files share one PostgreSQL database) until `done`, then
 * stops it: what a worker does, with a short retry schedule.
 */
async function dispatchUntil(
  done: () => boolean | Promise<boolean>,
  merchants: Session[] = [owner],
  opts: DispatcherOptions = {},
  timeoutMs = 8000,
) {
  const ac = new AbortController()
  const run = runDispatcher(t.core, {
    merchantIds: merchants.map((m) => m.merchantId),
    signal: ac.signal,
    idlePollMs: 20,
    retryScheduleMs: FAST,
    ...opts,
  })
  const end = Date.now() + timeoutMs
  while (!(await done()) && Date.now() < end) await sleep(20)
  ac.abort()
  await run
}

async function createEndpoint(as: Session, body: Record<string, unknown>) {
  const res = await t.request('POST', '/api/v1/webhook-endpoints', { as, body })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body as { id: string; secret: string; url: string; enabled: boolean }
}

async function deliveries(as: Session, endpointId: string) {
  const res = await t.request('GET', `/api/v1/webhook-endpoints/${endpointId}/deliveries`, { as })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body.data as { id: string; eventId: string; status: string; attempts: number }[]
}

async function delivery(as: Session, endpointId: string, deliveryId: string) {
  const res = await t.request('GET', `/api/v1/webhook-endpoints/${endpointId}/deliveries/${deliveryId}`, {
    as,
  })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body
}

/** Each test signs up its own merchant, so its deliveries and endpoints are its own. */
async function freshMerchant(name: string) {
  return { merchant: await t.signup({ merchantName: name }) }
}

describe('webhook endpoints', () => {
  it('creating one returns a Standard Webhooks secret once; viewers read, only owners and admins write', async () => {
    const endpoint = await createEndpoint(owner, {
      url: receiver.url('/crud'),
      events: ['customer.created', 'invoice.paid'],
      description: 'CRM sync',
    })
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}={0,2}$/)
    expect(Buffer.from(endpoint.secret.slice(6), 'base64').length).toBeGreaterThanOrEqual(24)
    const got = await t.request('GET', `/api/v1/webhook-endpoints/${endpoint.id}`, { as: owner })
    expect(got.body).toMatchObject({
      url: endpoint.url,
      events: ['customer.created', 'invoice.paid'],
      enabled: true,
    })
    expect(got.body.secret).toBeUndefined()

    const viewer = await t.apiKey(owner, 'viewer')
    const list = await t.request('GET', '/api/v1/webhook-endpoints', { as: viewer })
    expect(list.status).toBe(200)
    expect(list.body.data.map((e: { id: string }) => e.id)).toContain(endpoint.id)
    const denied = await t.request('POST', '/api/v1/webhook-endpoints', {
      as: viewer,
      body: { url: receiver.url(), events: ['*'] },
    })
    expect(denied.status).toBe(403)

    const patched = await t.request('PATCH', `/api/v1/webhook-endpoints/${endpoint.id}`, {
      as: owner,
      body: { events: ['*', 'invoice.paid'], description: '' },
    })
    expect(patched.body).toMatchObject({ events: ['*'], description: null })
    const disabled = await t.request('POST', `/api/v1/webhook-endpoints/${endpoint.id}/disable`, {
      as: owner,
    })
    expect(disabled.body).toMatchObject({ enabled: false, disabledReason: 'Disabled by you' })
    const enabled = await t.request('PATCH', `/api/v1/webhook-endpoints/${endpoint.id}`, {
      as: owner,
      body: { enabled: true },
    })
    expect(enabled.body).toMatchObject({ enabled: true, disabledReason: null })

    const bad = await t.request('POST', '/api/v1/webhook-endpoints', {
      as: owner,
      body: { url: 'ftp://example.com/x', events: ['customer.exploded'] },
    })
    expect(bad.status).toBe(400)
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['events.0', 'url'])
    expect(
      (await t.request('DELETE', `/api/v1/webhook-endpoints/${endpoint.id}`, { as: owner })).status,
    ).toBe(204)
  })

  it('a change’s event reaches the receiver signed per Standard Webhooks, with the event id as webhook-id', async () => {
    const { merchant } = await freshMerchant('Signed')
    const endpoint = await createEndpoint(merchant, {
      url: receiver.url('/signed'),
      events: ['customer.created'],
    })
    const before = receiver.received.length
    const customer = await createCustomer(t, merchant, { name: 'Ada Hook' })
    // Not subscribed: no delivery.
    await t.request('PATCH', `/api/v1/customers/${customer.id}`, { as: merchant, body: { company: 'X' } })
    await dispatchUntil(() => receiver.received.length > before, [merchant])
    await sleep(100)
    const got = receiver.received.slice(before)
    expect(got).toHaveLength(1)
    const hook = got[0]!
    const verified = receiver.verify(hook, endpoint.secret) as Record<string, any>
    expect(verified).toMatchObject({
      type: 'customer.created',
      data: { object: { id: customer.id, name: 'Ada Hook' } },
    })
    expect(Object.keys(hook.json).sort()).toEqual(['createdAt', 'data', 'id', 'type'])
    const events = await t.request('GET', '/api/v1/events?type=customer.created', { as: merchant })
    expect(hook.headers['webhook-id']).toBe(events.body.data[0].id)
    expect(hook.json.id).toBe(events.body.data[0].id)
    expect(hook.headers['content-type']).toBe('application/json')
    expect(() => receiver.verify(hook, `whsec_${Buffer.alloc(24, 1).toString('base64')}`)).toThrow()

    const [logged] = await deliveries(merchant, endpoint.id)
    expect(logged).toMatchObject({ eventId: hook.json.id, status: 'succeeded', attempts: 1 })
    const detail = await delivery(merchant, endpoint.id, logged!.id)
    expect(detail.attemptLog).toEqual([
      expect.objectContaining({
        attempt: 1,
        trigger: 'schedule',
        statusCode: 200,
        responseExcerpt: 'ok',
        error: null,
      }),
    ])
    expect(detail.payload).toMatchObject({ id: hook.json.id, type: 'customer.created' })
  })

  it('a receiver answering 500 twice then 200 gets three attempts with the same webhook-id', async () => {
    const { merchant } = await freshMerchant('Retry')
    const endpoint = await createEndpoint(merchant, { url: receiver.url('/retry'), events: ['*'] })
    const before = receiver.received.length
    receiver.respondWith((n) => (n - before <= 2 ? 500 : 200))
    await createCustomer(t, merchant, { name: 'Retry Me' })
    await dispatchUntil(() => receiver.received.length >= before + 3, [merchant])
    receiver.respondWith(() => 200)
    await sleep(150)
    const got = receiver.received.slice(before)
    expect(got).toHaveLength(3)
    expect(new Set(got.map((h) => h.headers['webhook-id'])).size).toBe(1)
    for (const h of got) receiver.verify(h, endpoint.secret)
    const [logged] = await deliveries(merchant, endpoint.id)
    expect(logged).toMatchObject({ status: 'succeeded', attempts: 3 })
    const detail = await delivery(merchant, endpoint.id, logged!.id)
    expect(detail.attemptLog.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 500, 200])
    expect(detail.attemptLog[0].responseExcerpt).toBe('receiver says no')
    // The endpoint is healthy again after the success.
    const ep = await t.request('GET', `/api/v1/webhook-endpoints/${endpoint.id}`, { as: merchant })
    expect(ep.body.failingSince).toBeNull()
  })

  it('an event committed while no dispatcher runs is delivered when one starts; an abandoned claim after its lease', async () => {
    const { merchant } = await freshMerchant('Killed')
    await createEndpoint(merchant, { url: receiver.url('/killed'), events: ['customer.created'] })
    const before = receiver.received.length
    const first = await createCustomer(t, merchant, { name: 'Before the worker' })
    // The change committed and its outbox row with it; nothing has been sent.
    const pending = await t.db
      .selectFrom('webhook_deliveries')
      .select(['status', 'attempts'])
      .where('merchant_id', '=', merchant.merchantId)
      .execute()
    expect(pending).toEqual([{ status: 'pending', attempts: 0 }])
    await dispatchUntil(() => receiver.received.length > before, [merchant])
    expect(receiver.received.slice(before).map((h) => h.json.data.object.id)).toEqual([first.id])

    // A worker claims a delivery and dies before sending it: nobody sends it until the lease ends.
    const second = await createCustomer(t, merchant, { name: 'Claimed then lost' })
    const claimed = await claimDeliveries(t.db, {
      limit: 10,
      leaseMs: 1500,
      inFlight: new Map(),
      perEndpoint: 10,
      merchantIds: [merchant.merchantId],
    })
    expect(claimed).toHaveLength(1)
    const mid = receiver.received.length
    await dispatchUntil(() => false, [merchant], {}, 500)
    expect(receiver.received.length).toBe(mid)
    await dispatchUntil(() => receiver.received.length > mid, [merchant])
    expect(receiver.received.slice(mid).map((h) => h.json.data.object.id)).toEqual([second.id])
  })

  it('a claim is shared fairly across endpoints: one endpoint’s backlog does not fill it; all of a batch is recorded', async () => {
    const { merchant } = await freshMerchant('Fair claims')
    const busy = await createEndpoint(merchant, { url: receiver.url('/busy'), events: ['*'] })
    const quiet = await createEndpoint(merchant, { url: receiver.url('/quiet'), events: ['*'] })
    // 100 old deliveries for one endpoint, 5 newer ones for the other.
    const rows = (endpointId: string, n: number, ageS: number) =>
      Array.from({ length: n }, (_, i) => ({
        id: uuidv7(),
        merchant_id: merchant.merchantId,
        endpoint_id: endpointId,
        event_id: uuidv7(),
        event_type: 'webhook.test',
        payload: JSON.stringify({
          id: 'x',
          type: 'webhook.test',
          createdAt: new Date().toISOString(),
          data: {},
        }),
        next_attempt_at: new Date(Date.now() - (ageS - i) * 1000),
      }))
    await t.db
      .insertInto('webhook_deliveries')
      .values(rows(busy.id, 100, 1000))
      .execute()
    await t.db
      .insertInto('webhook_deliveries')
      .values(rows(quiet.id, 5, 100))
      .execute()
    const claimed = await claimDeliveries(t.db, {
      limit: 20,
      leaseMs: 60_000,
      inFlight: new Map([[busy.id, 2]]),
      perEndpoint: 16,
      merchantIds: [merchant.merchantId],
    })
    const per = (id: string) => claimed.filter((d) => d.endpoint_id === id).length
    expect({ busy: per(busy.id), quiet: per(quiet.id) }).toEqual({ busy: 14, quiet: 5 })
    await t.db.deleteFrom('webhook_deliveries').where('merchant_id', '=', merchant.merchantId).execute()

    // A burst sent by one dispatcher: every delivery ends succeeded with exactly one attempt recorded.
    const before = receiver.received.length
    await t.db
      .insertInto('webhook_deliveries')
      .values(rows(quiet.id, 40, 60))
      .execute()
    await dispatchUntil(() => receiver.received.length - before >= 40, [merchant])
    const log = await t.db
      .selectFrom('webhook_deliveries as d')
      .leftJoin('webhook_attempts as a', 'a.delivery_id', 'd.id')
      .select(['d.status', 'd.attempts', 'a.status_code'])
      .where('d.merchant_id', '=', merchant.merchantId)
      .execute()
    expect(log).toHaveLength(40)
    expect(
      log.filter((r) => !(r.status === 'succeeded' && r.attempts === 1 && r.status_code === 200)),
    ).toEqual([])
  })

  it('410 Gone disables the endpoint at once; events meanwhile are not queued for it', async () => {
    const { merchant } = await freshMerchant('Gone')
    const endpoint = await createEndpoint(merchant, { url: receiver.url('/gone'), events: ['*'] })
    const before = receiver.received.length
    receiver.respondWith(() => 410)
    await createCustomer(t, merchant)
    await dispatchUntil(async () => {
      const ep = await t.request('GET', `/api/v1/webhook-endpoints/${endpoint.id}`, { as: merchant })
      return ep.body.enabled === false
    }, [merchant])
    receiver.respondWith(() => 200)
    expect(receiver.received.length - before).toBe(1)
    const ep = await t.request('GET', `/api/v1/webhook-endpoints/${endpoint.id}`, { as: merchant })
    expect(ep.body).toMatchObject({ enabled: false, disabledReason: 'The endpoint answered 410 Gone' })
    // The owner is told by email (the messages outbox).
    const mail = await t.db
      .selectFrom('messages')
      .select(['kind', 'to_address', 'subject'])
      .where('merchant_id', '=', merchant.merchantId)
      .execute()
    expect(mail).toEqual([
      {
        kind: 'webhook_endpoint_disabled',
        to_address: merchant.email,
        subject: `Webhook endpoint disabled: ${endpoint.url}`,
      },
    ])
    await createCustomer(t, merchant)
    expect(await deliveries(merchant, endpoint.id)).toHaveLength(1)
  })

  it('an endpoint failing for 5 days is disabled with the reason shown', async () => {
    const { merchant } = await freshMerchant('Failing')
    const endpoint = await createEndpoint(merchant, { url: receiver.url('/failing'), events: ['*'] })
    await sql`update webhook_endpoints set failing_since = now() - interval '5 days 1 hour' where id = ${endpoint.id}`.execute(
      t.db,
    )
    receiver.respondWith(() => 503)
    await createCustomer(t, merchant)
    await dispatchUntil(async () => {
      const ep = await t.request('GET', `/api/v1/webhook-endpoints/${endpoint.id}`, { as: merchant })
      return ep.body.enabled === false
    }, [merchant])
    receiver.respondWith(() => 200)
    const ep = await t.request('GET', `/api/v1/webhook-endpoints/${endpoint.id}`, { as: merchant })
    expect(ep.body).toMatchObject({ enabled: false, disabledReason: 'Every delivery failed for 5 days' })
  })

  it('after a rotation both the old and the new secret verify deliveries, then a test event and a replay', async () => {
    const { merchant } = await freshMerchant('Rotate')
    const endpoint = await createEndpoint(merchant, { url: receiver.url('/rotate'), events: ['*'] })
    const rotated = await t.request('POST', `/api/v1/webhook-endpoints/${endpoint.id}/rotate-secret`, {
      as: merchant,
    })
    expect(rotated.status).toBe(200)
    expect(rotated.body.secret).not.toBe(endpoint.secret)
    expect(Date.parse(rotated.body.previousSecretExpiresAt) - Date.now()).toBeGreaterThan(23.9 * 3_600_000)

    const before = receiver.received.length
    const test = await t.request('POST', `/api/v1/webhook-endpoints/${endpoint.id}/test`, { as: merchant })
    expect(test.status, JSON.stringify(test.body)).toBe(200)
    expect(test.body).toMatchObject({ eventType: 'webhook.test', status: 'succeeded', attempts: 1 })
    const hook = receiver.received[before]!
    expect(String(hook.headers['webhook-signature']).split(' ')).toHaveLength(2)
    expect(receiver.verify(hook, endpoint.secret)).toMatchObject({ type: 'webhook.test' })
    expect(receiver.verify(hook, rotated.body.secret)).toMatchObject({ type: 'webhook.test' })

    const replay = await t.request(
      'POST',
      `/api/v1/webhook-endpoints/${endpoint.id}/deliveries/${test.body.id}/replay`,
      { as: merchant },
    )
    expect(replay.status).toBe(200)
    expect(replay.body.attemptLog.map((a: { trigger: string }) => a.trigger)).toEqual(['test', 'replay'])
    expect(receiver.received[before + 1]?.headers['webhook-id']).toBe(hook.headers['webhook-id'])

    // Past the overlap only the new secret signs.
    await sql`update webhook_endpoints set previous_secret_expires_at = now() - interval '1 second' where id = ${endpoint.id}`.execute(
      t.db,
    )
    await t.request('POST', `/api/v1/webhook-endpoints/${endpoint.id}/test`, { as: merchant })
    const late = receiver.received.at(-1)!
    expect(String(late.headers['webhook-signature']).split(' ')).toHaveLength(1)
    expect(() => receiver.verify(late, endpoint.secret)).toThrow()
    receiver.verify(late, rotated.body.secret)
  })

  it('another merchant can neither see an endpoint nor its deliveries, nor replay them', async () => {
    const { merchant } = await freshMerchant('Tenant')
    const endpoint = await createEndpoint(merchant, { url: receiver.url('/tenant'), events: ['*'] })
    const test = await t.request('POST', `/api/v1/webhook-endpoints/${endpoint.id}/test`, { as: merchant })
    const other = await t.signup({ merchantName: 'Intruder' })
    const base = `/api/v1/webhook-endpoints/${endpoint.id}`
    expect((await t.request('GET', base, { as: other })).status).toBe(404)
    expect((await t.request('GET', `${base}/deliveries`, { as: other })).status).toBe(404)
    expect((await t.request('GET', `${base}/deliveries/${test.body.id}`, { as: other })).status).toBe(404)
    expect((await t.request('POST', `${base}/deliveries/${test.body.id}/replay`, { as: other })).status).toBe(
      404,
    )
    expect((await t.request('POST', `${base}/rotate-secret`, { as: other })).status).toBe(404)
    expect((await t.request('PATCH', base, { as: other, body: { enabled: false } })).status).toBe(404)
    const theirs = await t.request('GET', '/api/v1/webhook-endpoints', { as: other })
    expect(theirs.body.data).toEqual([])
  })

  it('invoice.overdue is recorded once per invoice that falls overdue, and delivered', async () => {
    const { merchant } = await freshMerchant('Overdue')
    await createEndpoint(merchant, { url: receiver.url('/overdue'), events: ['invoice.overdue'] })
    const customer = await createCustomer(t, merchant, { paymentTermsDays: 10 })
    t.clock.set('2026-01-01T10:00:00Z')
    const invoice = await createInvoice(t, merchant, customer.id)
    await sendInvoice(t, merchant, invoice.id)
    const paidOne = await createInvoice(t, merchant, customer.id)
    await sendInvoice(t, merchant, paidOne.id)
    await t.request('POST', `/api/v1/invoices/${paidOne.id}/payments`, {
      as: merchant,
      body: { amount: '100.00', method: 'offchain' },
    })
    t.clock.reset()
    expect(await recordOverdueInvoices(t.db, '2026-01-11', merchant.merchantId)).toBe(0)
    expect(await recordOverdueInvoices(t.db, '2026-01-12', merchant.merchantId)).toBe(1)
    expect(await recordOverdueInvoices(t.db, '2026-01-13', merchant.merchantId)).toBe(0)
    const events = await t.request('GET', '/api/v1/events?type=invoice.overdue', { as: merchant })
    expect(events.body.data).toHaveLength(1)
    expect(events.body.data[0]).toMatchObject({ subjectId: invoice.id, data: { object: { status: 'open' } } })
    const before = receiver.received.length
    await dispatchUntil(() => receiver.received.length > before, [merchant])
    expect(receiver.received.at(-1)?.json).toMatchObject({
      type: 'invoice.overdue',
      data: { object: { id: invoice.id } },
    })
  })
})

describe('webhook URLs that resolve to private addresses', () => {
  let strict: TestApp
  let merchant: Session
  beforeAll(async () => {
    strict = await createTestApp({ env: { WEBHOOKS_ALLOW_PRIVATE: 'false' } })
    merchant = await strict.signup({ merchantName: 'Strict' })
  }, 180_000)
  afterAll(() => strict.close())

  it('are refused with a 422 that says why, on create and on update', async () => {
    const cases: [string, RegExp][] = [
      [receiver.url(), /loopback/],
      ['http://169.254.169.254/latest/meta-data', /metadata/],
      ['http://[fd00:ec2::254]/', /metadata/],
      ['http://10.1.2.3/hook', /private/],
      ['http://100.64.0.1/hook', /private/],
      ['http://[::ffff:127.0.0.1]/hook', /loopback/],
      ['http://0.0.0.0/hook', /private/],
      ['http://localhost:9/hook', /loopback/],
    ]
    for (const [url, why] of cases) {
      const res = await strict.request('POST', '/api/v1/webhook-endpoints', {
        as: merchant,
        body: { url, events: ['*'] },
      })
      expect(res.status, url).toBe(422)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      expect(res.body.detail, url).toMatch(why)
      expect(res.body.detail).toMatch(/WEBHOOKS_ALLOW_PRIVATE/)
    }
  })

  it('are refused at delivery time too, after resolving the name again', async () => {
    // Saved while private addresses were allowed (or the name resolved elsewhere then).
    const endpoint = await createEndpoint(owner, { url: receiver.url('/late'), events: ['customer.deleted'] })
    const customer = await createCustomer(t, owner)
    await t.request('DELETE', `/api/v1/customers/${customer.id}`, { as: owner })
    const before = receiver.received.length
    const ac = new AbortController()
    const strictDeps = { db: t.db, config: { ...t.core.config, WEBHOOKS_ALLOW_PRIVATE: false } }
    const run = runDispatcher(strictDeps, {
      merchantIds: [owner.merchantId],
      signal: ac.signal,
      idlePollMs: 20,
      retryScheduleMs: [0],
    })
    let detail: any
    for (let i = 0; i < 200; i++) {
      const [d] = await deliveries(owner, endpoint.id)
      if (d && d.attempts > 0) {
        detail = await delivery(owner, endpoint.id, d.id)
        break
      }
      await sleep(20)
    }
    ac.abort()
    await run
    expect(receiver.received.length).toBe(before)
    expect(detail).toMatchObject({ status: 'failed', lastStatusCode: null })
    expect(detail.attemptLog[0].error).toMatch(
      /^Refused: 127\.0\.0\.1 resolves to 127\.0\.0\.1, which is a loopback address/,
    )
  })
})
