import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sendDueMessages } from '../src/modules/messages/services/send-due.js'
import { closeMailTransports } from '../src/modules/messages/transport.js'
import { attachAddress, pay } from './analytics.js'
import { createCustomer } from './factories.js'
import { createTestApp, type Session, type TestApp } from './harness.js'
import { importFile } from './imports.js'
import { createInvoice, sendInvoice } from './invoices.js'
import { startSmtpSink } from './smtp.js'

let t: TestApp
let owner: Session
let key: Session
let smtp: Awaited<ReturnType<typeof startSmtpSink>>

beforeAll(async () => {
  smtp = await startSmtpSink()
  t = await createTestApp({
    env: {
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Coinbook <billing@shop.test>',
      PUBLIC_URL: 'https://crm.shop.test',
    },
  })
  owner = await t.signup({ merchantName: 'Timeline Shop' })
  key = await t.apiKey(owner, 'admin')
}, 180_000)
afterAll(async () => {
  closeMailTransports()
  await t.close()
  await smtp.close()
})

interface Item {
  id: string
  kind: string
  type: string
  at: string
  title: string
  actor: { type: string; id: string | null; via: string | null; name: string | null } | null
  [k: string]: unknown
}

async function timeline(id: string, query: Record<string, string | number> = {}, as = owner) {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]))
  return t.request('GET', `/api/v1/customers/${id}/timeline?${qs}`, { as })
}

async function everything(id: string, query: Record<string, string | number> = {}) {
  const pages: Item[][] = []
  let cursor: string | null = null
  do {
    const res = await timeline(id, { ...query, ...(cursor ? { cursor } : {}) })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    pages.push(res.body.data)
    cursor = res.body.nextCursor
    if (pages.length > 50) throw new Error('pagination does not end')
  } while (cursor)
  return pages
}

describe('a customer’s timeline', () => {
  let customerId: string
  let invoice: { id: string; number: string }
  let paymentId: string

  beforeAll(async () => {
    customerId = (await createCustomer(t, owner, { name: 'Ada Lovelace', email: 'ada@timeline.test' })).id
    const renamed = await t.request('PATCH', `/api/v1/customers/${customerId}`, {
      as: key,
      body: { name: 'Ada King', company: 'Analytical Engines' },
    })
    expect(renamed.status).toBe(200)
    const noted = await t.request('PATCH', `/api/v1/customers/${customerId}`, {
      as: owner,
      body: { notes: 'Prefers USDT on Tron' },
    })
    expect(noted.status).toBe(200)
    invoice = await sendInvoice(t, owner, (await createInvoice(t, owner, customerId)).id)
    expect(await sendDueMessages(t.core, { merchantId: owner.merchantId })).toMatchObject({ sent: 1 })
    const address = await attachAddress(t, owner, customerId)
    // 0.05 ETH at the fixed rate pays more than the invoice's 100: it pays the open invoice (overpaid).
    paymentId = await pay(t, address, {
      asset: 'ETH',
      amount: 50_000_000_000_000_000n,
      at: new Date().toISOString(),
    })
  }, 120_000)

  it('shows payments, invoices, messages, profile changes and notes, newest first, with who did it', async () => {
    const res = await timeline(customerId)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const items: Item[] = res.body.data
    expect(res.body.nextCursor).toBeNull()
    // The invoice is settled at the payment's block time, a moment before the scan recorded the payment.
    expect(items.map((i) => [i.kind, i.type])).toEqual([
      ['payment', 'payment.confirmed'],
      ['payment', 'payment.detected'],
      ['invoice', 'invoice.overpaid'],
      ['message', 'message.sent'],
      ['invoice', 'invoice.sent'],
      ['invoice', 'invoice.created'],
      ['note', 'customer.updated'],
      ['profile', 'customer.updated'],
      ['profile', 'customer.created'],
    ])
    const times = items.map((i) => Date.parse(i.at))
    expect([...times].sort((a, b) => b - a)).toEqual(times)

    const [confirmed, , settled, message, sent, , note, profile, created] = items
    expect(settled).toMatchObject({ invoice: { id: invoice.id, number: invoice.number, currency: 'USD' } })
    expect(confirmed).toMatchObject({
      title: 'Payment confirmed: 0.05 ETH',
      actor: null,
      payment: { id: paymentId, amount: '0.05', asset: 'ETH', network: 'ethereum', status: 'confirmed' },
    })
    expect(message).toMatchObject({
      title: `Email sent: Invoice ${invoice.number} from Timeline Shop`,
      message: { kind: 'invoice', to: 'ada@timeline.test', status: 'sent', error: null },
    })
    expect(sent).toMatchObject({ title: `Invoice ${invoice.number} sent`, invoice: { status: 'open' } })
    expect(note).toMatchObject({
      title: 'Note added',
      changes: [{ field: 'notes', from: null, to: 'Prefers USDT on Tron' }],
      actor: { type: 'user', id: owner.userId, via: null, name: owner.email },
    })
    expect(profile).toMatchObject({
      title: 'Profile changed: name, company',
      changes: [
        { field: 'name', from: 'Ada Lovelace', to: 'Ada King' },
        { field: 'company', from: null, to: 'Analytical Engines' },
      ],
      actor: { type: 'api_key', via: null, name: 'test admin' },
    })
    expect(profile!.actor?.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(created).toMatchObject({ title: 'Customer created', actor: { type: 'user', id: owner.userId } })
  })

  it('pages with a cursor: every item once, in the same order', async () => {
    const whole: Item[] = (await timeline(customerId)).body.data
    const pages = await everything(customerId, { limit: 2 })
    expect(pages.map((p) => p.length)).toEqual([2, 2, 2, 2, 1])
    expect(pages.flat().map((i) => i.id)).toEqual(whole.map((i) => i.id))
  })

  it('filters by kind', async () => {
    const notes = await timeline(customerId, { types: 'note,profile' })
    expect(notes.body.data.map((i: Item) => i.kind)).toEqual(['note', 'profile', 'profile'])
    const pages = await everything(customerId, { types: 'payment,message', limit: 1 })
    expect(pages.flat().map((i) => i.type)).toEqual(['payment.confirmed', 'payment.detected', 'message.sent'])
  })

  it('shows a merge, and the duplicate’s payments as the kept customer’s', async () => {
    const duplicate = await createCustomer(t, owner, { name: 'Ada (old)' })
    const dupPayment = await pay(t, await attachAddress(t, owner, duplicate.id), {
      asset: 'ETH',
      amount: 1_000_000_000_000_000n,
      at: new Date().toISOString(),
    })
    const merged = await t.request('POST', `/api/v1/customers/${customerId}/merge`, {
      as: owner,
      body: { duplicateId: duplicate.id },
    })
    expect(merged.status, JSON.stringify(merged.body)).toBe(200)

    const items: Item[] = (await timeline(customerId, { types: 'merge,payment' })).body.data
    expect(items[0]).toMatchObject({
      kind: 'merge',
      mergedCustomerId: duplicate.id,
      actor: { type: 'user', id: owner.userId },
    })
    expect(items.filter((i) => (i.payment as { id: string } | null)?.id === dupPayment)).toHaveLength(2)
  })

  it('is the merchant’s own: another merchant’s customer is not found; a bad cursor or kind is a 400', async () => {
    const other = await t.signup({ merchantName: 'Other Shop' })
    const res = await timeline(customerId, {}, other)
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect((await timeline('0190c0de-0000-7000-8000-000000000000')).status).toBe(404)

    const badCursor = await timeline(customerId, { cursor: 'bm90LWEtY3Vyc29y' })
    expect(badCursor.status).toBe(400)
    const badKind = await timeline(customerId, { types: 'payment,gossip' })
    expect(badKind.status).toBe(400)
  })

  it('names the customer, via the portal, as the author of a change they made there', async () => {
    const c = await createCustomer(t, owner, { name: 'Portal Pat', email: 'pat@timeline.test' })
    const asked = await t.request('POST', '/api/v1/portal/login', {
      body: { merchant: owner.merchantId, email: 'pat@timeline.test' },
    })
    expect(asked.status).toBe(202)
    await sendDueMessages(t.core, { merchantId: owner.merchantId })
    const mail = smtp.received
      .filter((m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address === 'pat@timeline.test')
      .at(-1)
    const link = /\/portal\/([0-9a-f-]{36})\/enter#token=(\S+)/.exec(mail?.text ?? '')
    expect(link, mail?.text).not.toBeNull()
    const session = await t.request('POST', '/api/v1/portal/session', {
      body: { merchant: link![1], token: decodeURIComponent(link![2]!) },
    })
    expect(session.status, JSON.stringify(session.body)).toBe(201)
    const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0]!
    const patch = await t.request('PATCH', '/api/v1/portal/profile', {
      headers: { cookie },
      body: { phone: '+33 6 12 34 56 78' },
    })
    expect(patch.status, JSON.stringify(patch.body)).toBe(200)

    const [change] = (await timeline(c.id, { types: 'profile' })).body.data as Item[]
    expect(change).toMatchObject({
      title: 'Profile changed: phone',
      actor: { type: 'customer', id: c.id, via: 'portal', name: 'Portal Pat' },
    })
  })

  it('names the changed fields in words', async () => {
    const c = await createCustomer(t, owner, { name: 'Words Wendy' })
    const res = await t.request('PATCH', `/api/v1/customers/${c.id}`, {
      as: owner,
      body: { vatNumber: 'PT123456789', paymentTermsDays: 15, preferredFiat: 'EUR', customId: 'W-1' },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const [change] = (await timeline(c.id, { types: 'profile' })).body.data as Item[]
    expect(change?.title).toBe('Profile changed: custom ID, VAT number, preferred fiat, payment terms')
  })

  it('shows a customer created by an import as imported', async () => {
    const done = await importFile(t, owner, 'name,email\nImported Ivy,ivy@timeline.test\n')
    expect(done.status).toBe('completed')
    const list = await t.request('GET', '/api/v1/customers?q=ivy%40timeline.test', { as: owner })
    const ivy = list.body.data.find((c: { email: string }) => c.email === 'ivy@timeline.test')
    expect(ivy, JSON.stringify(list.body)).toBeDefined()
    const items: Item[] = (await timeline(ivy.id)).body.data
    expect(items).toMatchObject([
      { kind: 'profile', type: 'customer.created', title: 'Customer imported', actor: { type: 'import' } },
    ])
  })
})
