import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pruneSessionsJob } from '../src/jobs/definitions/prune-sessions.js'
import { sendDueMessages } from '../src/modules/messages/services/send-due.js'
import { closeMailTransports } from '../src/modules/messages/transport.js'
import { createCustomer } from './factories.js'
import { createTestApp, type Session, type TestApp } from './harness.js'
import { createInvoice, sendInvoice } from './invoices.js'
import { startSmtpSink } from './smtp.js'
import { createPlan, subscribe } from './subscriptions.js'

let t: TestApp
let smtp: Awaited<ReturnType<typeof startSmtpSink>>
let shop: Session
let other: Session

beforeAll(async () => {
  smtp = await startSmtpSink()
  t = await createTestApp({
    env: { SMTP_URL: smtp.url, MAIL_FROM: 'Shop <billing@shop.test>', PUBLIC_URL: 'https://crm.shop.test' },
  })
  shop = await t.signup({ merchantName: 'Portal Shop' })
  other = await t.signup({ merchantName: 'Other Shop' })
}, 180_000)
afterAll(async () => {
  closeMailTransports()
  await t.close()
  await smtp.close()
})

const send = async () => {
  await sendDueMessages(t.core, { merchantId: shop.merchantId })
  await sendDueMessages(t.core, { merchantId: other.merchantId })
}
const mailsTo = (address: string) =>
  smtp.received.filter((m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address === address)

/** The token of the last portal link mailed to this address (read from the email's text, as a person would). */
function lastLinkTo(address: string): { merchant: string; token: string; url: string } {
  const mail = mailsTo(address)
    .filter((m) => m.text?.includes('/portal/'))
    .at(-1)
  const url = /(https:\/\/crm\.shop\.test\/portal\/\S+)/.exec(mail?.text ?? '')?.[1] ?? ''
  const m = /\/portal\/([0-9a-f-]{36})\/enter#token=(\S+)$/.exec(url)
  if (!m) throw new Error(`no portal link in mail to ${address}: ${mail?.text}`)
  return { merchant: m[1] as string, token: decodeURIComponent(m[2] as string), url }
}

/** Signs a customer in the whole way: ask, read the email off the SMTP server, trade the token for the cookie. */
async function signIn(merchant: Session, email: string) {
  const asked = await t.request('POST', '/api/v1/portal/login', {
    body: { merchant: merchant.merchantId, email },
  })
  expect(asked.status).toBe(202)
  await send()
  const link = lastLinkTo(email)
  const res = await t.request('POST', '/api/v1/portal/session', {
    body: { merchant: link.merchant, token: link.token },
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  const cookie = res.headers.get('set-cookie') ?? ''
  expect(cookie).toMatch(/^coinbook_portal=/)
  expect(cookie).toMatch(/HttpOnly/i)
  expect(cookie).toMatch(/Path=\/api\/v1\/portal/)
  return { headers: { cookie: cookie.split(';')[0] as string } }
}

type Portal = { headers: Record<string, string> }
const portal = (method: string, path: string, as: Portal | null, body?: unknown) =>
  t.request(method, `/api/v1/portal${path}`, {
    ...(as ? { headers: as.headers } : {}),
    ...(body ? { body } : {}),
  })

async function customerEvents(customerId: string) {
  const { rows } = await sql<{ type: string; data: any }>`
    select type, data from events where subject_id = ${customerId} and type = 'customer.updated' order by id`.execute(
    t.db,
  )
  return rows.map((r) => (typeof r.data === 'string' ? JSON.parse(r.data) : r.data))
}

async function messageKinds(customerId: string) {
  const { rows } = await sql<{ kind: string; to_address: string }>`
    select kind, to_address from messages where customer_id = ${customerId} order by created_at, id`.execute(
    t.db,
  )
  return rows
}

describe('signing in with an emailed link', () => {
  it('answers 202 whether or not the email is a customer, and mails a 15-minute link only to the customer', async () => {
    const ada = await createCustomer(t, shop, { name: 'Ada', email: 'ada@portal.test' })
    for (const email of ['ada@portal.test', 'nobody@portal.test', 'ADA@portal.test']) {
      const res = await t.request('POST', '/api/v1/portal/login', {
        body: { merchant: shop.merchantId, email },
      })
      expect(res.status).toBe(202)
      expect(res.body).toBeNull()
    }
    // Another merchant's customer by the same email gets nothing from this merchant's portal.
    await createCustomer(t, other, { name: 'Ada elsewhere', email: 'ada-other@portal.test' })
    const cross = await t.request('POST', '/api/v1/portal/login', {
      body: { merchant: shop.merchantId, email: 'ada-other@portal.test' },
    })
    expect(cross.status).toBe(202)
    await send()
    expect(mailsTo('nobody@portal.test')).toHaveLength(0)
    expect(mailsTo('ada-other@portal.test')).toHaveLength(0)
    const mails = mailsTo('ada@portal.test')
    expect(mails).toHaveLength(2)
    expect(mails[0]?.subject).toBe('Your sign-in link for Portal Shop')
    expect(mails[0]?.text).toContain('The link works once, for 15 minutes')
    const link = lastLinkTo('ada@portal.test')
    expect(link.merchant).toBe(shop.merchantId)
    expect(mails[1]?.html).toContain(`href="${link.url.replace(/&/g, '&amp;')}"`)
    // Only the token's hash is stored.
    const { rows } = await sql<{
      id: string
    }>`select id from portal_tokens where customer_id = ${ada.id}`.execute(t.db)
    expect(rows.map((r) => r.id)).not.toContain(link.token.split('.')[0])

    const res = await t.request('POST', '/api/v1/portal/session', {
      body: { merchant: shop.merchantId, token: link.token },
    })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      merchant: { id: shop.merchantId, name: 'Portal Shop' },
      customer: { id: ada.id, name: 'Ada', email: 'ada@portal.test' },
    })
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string
    const me = await portal('GET', '/me', { headers: { cookie } })
    expect(me.status).toBe(200)
    expect(me.body.customer.id).toBe(ada.id)
    // The merchant's session cookie is not a portal session, and the portal cookie is not a merchant session.
    expect((await portal('GET', '/me', { headers: shop.headers })).status).toBe(401)
    expect((await t.request('GET', '/api/v1/customers', { headers: { cookie } })).status).toBe(401)
    // Signing out ends the session on the server, not only the cookie.
    const out = await portal('POST', '/logout', { headers: { cookie } })
    expect(out.status).toBe(204)
    expect(out.headers.get('set-cookie')).toMatch(/coinbook_portal=;/)
    expect((await portal('GET', '/me', { headers: { cookie } })).status).toBe(401)
    expect((await portal('POST', '/logout', null)).status).toBe(204)
  })

  it('refuses a link used twice, expired, forged, or another merchant’s: a clear 4xx, never a 500', async () => {
    await createCustomer(t, shop, { name: 'Bob', email: 'bob@portal.test' })
    await t.request('POST', '/api/v1/portal/login', {
      body: { merchant: shop.merchantId, email: 'bob@portal.test' },
    })
    await send()
    const first = lastLinkTo('bob@portal.test')
    const enter = (merchant: string, token: string) =>
      t.request('POST', '/api/v1/portal/session', { body: { merchant, token } })

    // Forged: a changed signature, a made-up token, the signature of another merchant.
    const [secret, mac] = first.token.split('.') as [string, string]
    const forged = await enter(shop.merchantId, `${secret}.${mac.slice(0, -2)}AA`)
    expect(forged.status).toBe(400)
    expect(forged.body.detail).toMatch(/not valid/)
    expect((await enter(shop.merchantId, 'garbage')).status).toBe(400)
    expect((await enter(other.merchantId, first.token)).status).toBe(400)
    expect((await enter('not-a-merchant', first.token)).status).toBe(400)
    expect((await t.request('POST', '/api/v1/portal/session', { rawBody: '{"merchant":' })).status).toBe(400)

    expect((await enter(shop.merchantId, first.token)).status).toBe(201)
    const again = await enter(shop.merchantId, first.token)
    expect(again.status).toBe(401)
    expect(again.body.detail).toMatch(/expired or was already used/)

    await t.request('POST', '/api/v1/portal/login', {
      body: { merchant: shop.merchantId, email: 'bob@portal.test' },
    })
    await send()
    const late = lastLinkTo('bob@portal.test')
    t.clock.set(new Date(Date.now() + 16 * 60_000))
    try {
      expect((await enter(shop.merchantId, late.token)).status).toBe(401)
    } finally {
      t.clock.reset()
    }
    // Bad input on login: a clear 400.
    const bad = await t.request('POST', '/api/v1/portal/login', {
      body: { merchant: shop.merchantId, email: 'x' },
    })
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].path).toBe('email')
    // No cookie, a made-up cookie: 401.
    expect((await portal('GET', '/invoices', null)).status).toBe(401)
    expect(
      (await portal('GET', '/invoices', { headers: { cookie: 'coinbook_portal=cb_portal_x' } })).status,
    ).toBe(401)
  })
})

describe('expiry', () => {
  it('the hourly job removes expired portal sessions and links, and an expired session is refused', async () => {
    const lee = await createCustomer(t, shop, { name: 'Lee', email: 'lee@portal.test' })
    const asLee = await signIn(shop, 'lee@portal.test')
    const count = async () => {
      const { rows } = await sql<{ n: number }>`select
        (select count(*) from portal_sessions where customer_id = ${lee.id})::int +
        (select count(*) from portal_tokens where customer_id = ${lee.id})::int as n`.execute(t.db)
      return rows[0]?.n
    }
    expect(await count()).toBe(2)
    t.clock.set(new Date(Date.now() + 13 * 3600_000))
    try {
      expect((await portal('GET', '/me', asLee)).status).toBe(401)
      await pruneSessionsJob.handler({}, t.core)
    } finally {
      t.clock.reset()
    }
    expect(await count()).toBe(0)
  })
})

describe('the portal’s data is the signed-in customer’s only', () => {
  it('lists their invoices with the checkout link, payments and subscriptions; never another customer’s or merchant’s', async () => {
    const cara = await createCustomer(t, shop, { name: 'Cara', email: 'cara@portal.test' })
    const dan = await createCustomer(t, shop, { name: 'Dan', email: 'dan@portal.test' })
    const eve = await createCustomer(t, other, { name: 'Eve', email: 'eve@portal.test' })
    const mine = await sendInvoice(t, shop, (await createInvoice(t, shop, cara.id)).id)
    await createInvoice(t, shop, cara.id) // a draft: not shown
    const dans = await sendInvoice(t, shop, (await createInvoice(t, shop, dan.id)).id)
    const eves = await sendInvoice(t, other, (await createInvoice(t, other, eve.id)).id)
    const plan = await createPlan(t, shop)
    const sub = await subscribe(t, shop, { customerId: cara.id, planId: plan.id })
    const dansSub = await subscribe(t, shop, { customerId: dan.id, planId: plan.id })
    const otherPlan = await createPlan(t, other)
    const evesSub = await subscribe(t, other, { customerId: eve.id, planId: otherPlan.id })

    const asCara = await signIn(shop, 'cara@portal.test')
    const invoices = await portal('GET', '/invoices', asCara)
    expect(invoices.status).toBe(200)
    const numbers = invoices.body.data.map((i: { number: string }) => i.number)
    expect(numbers).toContain(mine.number)
    expect(numbers).not.toContain(dans.number)
    expect(invoices.body.data.some((i: { id: string }) => i.id === eves.id)).toBe(false)
    expect(invoices.body.data.every((i: { status: string }) => i.status !== 'draft')).toBe(true)
    expect(invoices.body.data.find((i: { id: string }) => i.id === mine.id)?.payUrl).toBe(mine.payUrl)
    expect((await portal('GET', '/payments', asCara)).body.data).toEqual([])

    const subs = await portal('GET', '/subscriptions', asCara)
    expect(subs.body.data.map((s: { id: string }) => s.id)).toEqual([sub.id])

    // Cancel: off by default; on, only their own subscription.
    const refused = await portal('POST', `/subscriptions/${sub.id}/cancel`, asCara)
    expect(refused.status).toBe(403)
    expect(
      (
        await t.request('PATCH', '/api/v1/portal-settings', {
          as: shop,
          body: { allowSubscriptionCancel: true },
        })
      ).status,
    ).toBe(200)
    expect((await portal('POST', `/subscriptions/${dansSub.id}/cancel`, asCara)).status).toBe(404)
    expect((await portal('POST', `/subscriptions/${evesSub.id}/cancel`, asCara)).status).toBe(404)
    expect((await portal('POST', '/subscriptions/not-a-uuid/cancel', asCara)).status).toBe(400)
    const canceled = await portal('POST', `/subscriptions/${sub.id}/cancel`, asCara)
    expect(canceled.status).toBe(200)
    expect(canceled.body.data[0]).toMatchObject({
      id: sub.id,
      status: sub.status,
      cancelAt: subs.body.data[0].nextPeriodStart,
    })

    // Another merchant's customer, signed in there, sees only theirs.
    const asEve = await signIn(other, 'eve@portal.test')
    const evesInvoices = await portal('GET', '/invoices', asEve)
    expect(evesInvoices.body.data.map((i: { id: string }) => i.id)).toEqual([eves.id])
    expect((await portal('GET', '/subscriptions', asEve)).body.data.map((s: { id: string }) => s.id)).toEqual(
      [evesSub.id],
    )
  })
})

describe('editing in the portal', () => {
  it('records each change as customer.updated by the customer via the portal and sends "account updated"', async () => {
    const fay = await createCustomer(t, shop, { name: 'Fay', email: 'fay@portal.test' })
    const asFay = await signIn(shop, 'fay@portal.test')
    const address = { line1: '1 Main St', city: 'Lyon', postalCode: '69001', country: 'FR' }
    const patch = await portal('PATCH', '/profile', asFay, {
      phone: '+33 6 12 34 56 78',
      billingAddress: address,
      preferredCoins: [{ asset: 'USDT', network: 'tron' }],
    })
    expect(patch.status, JSON.stringify(patch.body)).toBe(200)
    expect(patch.body.customer).toMatchObject({
      billingAddress: address,
      preferredCoins: [{ asset: 'USDT', network: 'tron' }],
    })

    const refund = await portal('PUT', '/refund-addresses/tron', asFay, {
      address: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
    })
    expect(refund.status, JSON.stringify(refund.body)).toBe(200)
    const prefs = await portal('PUT', '/message-preferences', asFay, { unsubscribed: ['announcement'] })
    expect(prefs.status).toBe(200)
    expect(prefs.body.data.find((p: { kind: string }) => p.kind === 'announcement')?.subscribed).toBe(false)

    const events = await customerEvents(fay.id)
    expect(events).toHaveLength(3)
    for (const e of events) expect(e.actor).toEqual({ type: 'customer', id: fay.id, via: 'portal' })
    expect(Object.keys(events[0].previousAttributes).sort()).toEqual([
      'billingAddress',
      'phone',
      'preferredCoins',
    ])
    expect(events[1].changes.refundAddresses.to).toEqual({
      tron: { address: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', memo: null },
    })
    expect(events[2].changes.messagePreferences).toEqual({
      from: { unsubscribed: [] },
      to: { unsubscribed: ['announcement'] },
    })

    const kinds = (await messageKinds(fay.id)).map((m) => m.kind)
    expect(kinds.filter((k) => k === 'account_updated')).toHaveLength(3)
    await send()
    const updated = mailsTo('fay@portal.test').filter(
      (m) => m.subject === 'Your account with Portal Shop was updated',
    )
    expect(updated.map((m) => /were changed: ([^.]*)\./.exec(m.text ?? '')?.[1]).sort()).toEqual([
      'message preferences',
      'phone, billing address, preferred coins',
      'refund addresses',
    ])
    // Saving the same again changes nothing: no event, no email.
    await portal('PUT', '/refund-addresses/tron', asFay, { address: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t' })
    expect(await customerEvents(fay.id)).toHaveLength(3)

    // The merchant's dashboard sees the change.
    const seen = await t.request('GET', `/api/v1/customers/${fay.id}`, { as: shop })
    expect(seen.body.billingAddress ?? seen.body.customer?.billingAddress).toMatchObject(address)
  })

  it('refuses bad input with 400 naming the field, and fields the merchant locked with 403', async () => {
    await createCustomer(t, shop, { name: 'Gus', email: 'gus@portal.test' })
    await createCustomer(t, shop, { name: 'Taken', email: 'taken@portal.test' })
    const asGus = await signIn(shop, 'gus@portal.test')
    const badTron = await portal('PUT', '/refund-addresses/tron', asGus, {
      address: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    })
    expect(badTron.status).toBe(400)
    expect(badTron.body.errors[0].path).toBe('address')
    const badBtc = await portal('PUT', '/refund-addresses/bitcoin', asGus, { address: 'bc1qnotanaddress' })
    expect(badBtc.status).toBe(400)
    expect((await portal('PUT', '/refund-addresses/dogecoin', asGus, { address: 'D123' })).status).toBe(400)
    expect(
      (
        await portal('PUT', '/refund-addresses/ethereum', asGus, {
          address: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
          memo: 'x',
        })
      ).status,
    ).toBe(400)
    expect((await portal('PATCH', '/profile', asGus, {})).status).toBe(400)
    expect((await portal('PATCH', '/profile', asGus, { email: 'not-an-email' })).status).toBe(400)
    expect((await portal('PATCH', '/profile', asGus, { status: 'active' })).status).toBe(400)
    expect(
      (await portal('PATCH', '/profile', asGus, { preferredCoins: [{ asset: 'SOL', network: 'tron' }] }))
        .status,
    ).toBe(400)
    expect((await portal('PUT', '/message-preferences', asGus, { unsubscribed: ['receipt'] })).status).toBe(
      400,
    )
    const taken = await portal('PATCH', '/profile', asGus, { email: 'taken@portal.test' })
    expect(taken.status).toBeGreaterThanOrEqual(400)
    expect(taken.status).toBeLessThan(500)
    expect((await portal('DELETE', '/refund-addresses/solana', asGus)).status).toBe(404)

    const locked = await t.request('PATCH', '/api/v1/portal-settings', {
      as: shop,
      body: { editable: { billingAddress: false, refundAddresses: false } },
    })
    expect(locked.status).toBe(200)
    expect(locked.body.editable).toMatchObject({
      billingAddress: false,
      refundAddresses: false,
      contact: true,
    })
    const me = await portal('GET', '/me', asGus)
    expect(me.body.settings.editable.billingAddress).toBe(false)
    const refused = await portal('PATCH', '/profile', asGus, {
      billingAddress: { line1: 'x', country: 'FR' },
    })
    expect(refused.status).toBe(403)
    expect(
      (
        await portal('PUT', '/refund-addresses/tron', asGus, {
          address: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
        })
      ).status,
    ).toBe(403)
    expect((await portal('PATCH', '/profile', asGus, { company: 'Gus & Co' })).status).toBe(200)
    await t.request('PATCH', '/api/v1/portal-settings', {
      as: shop,
      body: { editable: { billingAddress: true, refundAddresses: true } },
    })
    // Viewers cannot change the settings.
    const viewer = await t.apiKey(shop, 'viewer')
    expect(
      (await t.request('PATCH', '/api/v1/portal-settings', { as: viewer, body: { enabled: false } })).status,
    ).toBe(403)
  })

  it('a merchant who switches the portal off ends its sessions and sends no more links', async () => {
    const merchant = await t.signup({ merchantName: 'Closing Shop' })
    await createCustomer(t, merchant, { name: 'Hal', email: 'hal@portal.test' })
    const ask = () =>
      t.request('POST', '/api/v1/portal/login', {
        body: { merchant: merchant.merchantId, email: 'hal@portal.test' },
      })
    await ask()
    await sendDueMessages(t.core, { merchantId: merchant.merchantId })
    const link = lastLinkTo('hal@portal.test')
    const off = await t.request('PATCH', '/api/v1/portal-settings', {
      as: merchant,
      body: { enabled: false },
    })
    expect(off.body).toMatchObject({
      enabled: false,
      portalUrl: `https://crm.shop.test/portal/${merchant.merchantId}`,
    })
    const entered = await t.request('POST', '/api/v1/portal/session', {
      body: { merchant: merchant.merchantId, token: link.token },
    })
    expect(entered.status).toBe(403)
    expect((await ask()).status).toBe(202)
    await sendDueMessages(t.core, { merchantId: merchant.merchantId })
    expect(mailsTo('hal@portal.test')).toHaveLength(1)
  })
})

describe('request payment details', () => {
  it('emails one customer or a selection a portal link; the list shows who answered', async () => {
    const ida = await createCustomer(t, shop, { name: 'Ida', email: 'ida@portal.test', tags: ['pd'] })
    const jon = await createCustomer(t, shop, { name: 'Jon', email: 'jon@portal.test', tags: ['pd'] })
    const kim = await createCustomer(t, shop, { name: 'Kim', email: null, tags: ['pd'] }) // no email
    const one = await t.request('POST', `/api/v1/customers/${ida.id}/payment-details-request`, { as: shop })
    expect(one.status, JSON.stringify(one.body)).toBe(201)
    expect(one.body).toMatchObject({ customerId: ida.id, answeredAt: null })
    expect(
      (await t.request('POST', `/api/v1/customers/${kim.id}/payment-details-request`, { as: shop })).status,
    ).toBe(409)
    const foreign = await createCustomer(t, other, { name: 'Foreign', email: 'foreign@portal.test' })
    expect(
      (await t.request('POST', `/api/v1/customers/${foreign.id}/payment-details-request`, { as: shop }))
        .status,
    ).toBe(404)

    const bulk = await t.request('POST', '/api/v1/customers/bulk', {
      as: shop,
      body: { action: 'requestPaymentDetails', selection: { ids: [jon.id, kim.id, foreign.id] }, params: {} },
    })
    expect(bulk.status, JSON.stringify(bulk.body)).toBeLessThan(300)
    let action = bulk.body
    for (let i = 0; i < 50 && action.status !== 'completed'; i++) {
      await new Promise((r) => setTimeout(r, 100))
      action = (await t.request('GET', `/api/v1/bulk-actions/${bulk.body.id}`, { as: shop })).body
    }
    expect(action).toMatchObject({ status: 'completed', changed: 1, skipped: 1 })

    await send()
    const mail = mailsTo('jon@portal.test').at(-1)
    expect(mail?.subject).toBe('Portal Shop asks how you want to pay')
    const link = lastLinkTo('jon@portal.test')
    const list = async (status = 'all') =>
      (await t.request('GET', `/api/v1/payment-details-requests?status=${status}`, { as: shop })).body
        .data as {
        customerId: string
        answeredAt: string | null
      }[]
    expect((await list('pending')).map((r) => r.customerId).sort()).toEqual([ida.id, jon.id].sort())

    // Jon opens the link (valid for days, not minutes) and answers.
    t.clock.set(new Date(Date.now() + 3 * 24 * 3600_000))
    let entered: Awaited<ReturnType<typeof t.request>>
    try {
      entered = await t.request('POST', '/api/v1/portal/session', {
        body: { merchant: link.merchant, token: link.token },
      })
    } finally {
      t.clock.reset()
    }
    expect(entered.status).toBe(201)
    expect(entered.body.paymentDetailsRequest).toMatchObject({ customerId: jon.id, answeredAt: null })
    const asJon = { headers: { cookie: (entered.headers.get('set-cookie') ?? '').split(';')[0] as string } }
    const invalid = await portal('PUT', '/payment-details', asJon, {
      preferredCoins: [{ asset: 'BTC', network: 'bitcoin' }],
      refundAddress: { network: 'bitcoin', address: 'not-bitcoin' },
    })
    expect(invalid.status).toBe(400)
    expect((await list('answered')).map((r) => r.customerId)).not.toContain(jon.id)
    const answered = await portal('PUT', '/payment-details', asJon, {
      preferredCoins: [{ asset: 'ETH', network: 'ethereum' }],
      refundAddress: { network: 'ethereum', address: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed' },
    })
    expect(answered.status, JSON.stringify(answered.body)).toBe(200)
    expect(answered.body.paymentDetailsRequest.answeredAt).not.toBeNull()
    expect((await list('answered')).map((r) => r.customerId)).toEqual([jon.id])
    expect((await list('pending')).map((r) => r.customerId)).toEqual([ida.id])
    const profile = await t.request('GET', `/api/v1/customers/${jon.id}/payment-details-request`, {
      as: shop,
    })
    expect(profile.body.answeredAt).not.toBeNull()
    expect(
      (await t.request('GET', `/api/v1/customers/${foreign.id}/payment-details-request`, { as: shop }))
        .status,
    ).toBe(404)
    const coins = await t.request('GET', `/api/v1/customers/${jon.id}`, { as: shop })
    expect(coins.body.preferredCoins ?? coins.body.customer?.preferredCoins).toEqual([
      { asset: 'ETH', network: 'ethereum' },
    ])
  })
})
