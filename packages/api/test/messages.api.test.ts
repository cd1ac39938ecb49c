import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sendDueMessages } from '../src/modules/messages/services/send-due.js'
import { createCustomer } from './factories.js'
import { createTestApp, type Session, type TestApp } from './harness.js'
import { createInvoice, sendInvoice } from './invoices.js'

let t: TestApp
let owner: Session
let other: Session

// No SMTP_URL: the embedded default.
beforeAll(async () => {
  t = await createTestApp()
  owner = await t.signup({ merchantName: 'Outbox Co' })
  other = await t.signup({ merchantName: 'Other Co' })
}, 180_000)
afterAll(() => t.close())

const messages = (as: Session, query: Record<string, string> = {}) =>
  t.request('GET', `/api/v1/messages?${new URLSearchParams(query)}`, { as })

describe('outbox without SMTP', () => {
  it('a sent invoice’s email waits in the outbox, marked not sent: no SMTP configured', async () => {
    const customer = await createCustomer(t, owner, { email: 'nosmtp@outbox.test' })
    const draft = await createInvoice(t, owner, customer.id)
    await sendInvoice(t, owner, draft.id)
    expect(await sendDueMessages(t.core, { merchantId: owner.merchantId })).toEqual({
      sent: 0,
      retried: 0,
      failed: 0,
    })
    const res = await messages(owner, { customerId: customer.id })
    expect(res.status).toBe(200)
    expect(res.body.data).toHaveLength(1)
    expect(res.body.data[0]).toMatchObject({
      kind: 'invoice',
      status: 'queued',
      notSentReason: 'not sent: no SMTP configured',
      attempts: 0,
    })
    const one = await t.request('GET', `/api/v1/messages/${res.body.data[0].id}`, { as: owner })
    expect(one.status).toBe(200)
    expect(one.body.html).toContain('<!doctype html>')
    expect(one.body.text).toContain('Pay now: /pay/')
    const settings = await t.request('GET', '/api/v1/email-settings', { as: owner })
    expect(settings.body).toMatchObject({
      smtp: { configured: false, from: 'no-reply@coinbook.local' },
      senderName: null,
      replyTo: null,
      welcomeEnabled: false,
    })
  })

  it('partial payments mail what remains, once per amount; welcome mail only when turned on', async () => {
    const customer = await createCustomer(t, owner, { email: 'partial@outbox.test' })
    const draft = await createInvoice(t, owner, customer.id)
    await sendInvoice(t, owner, draft.id)
    const pay = await t.request('POST', `/api/v1/invoices/${draft.id}/payments`, {
      as: owner,
      body: { amount: '40.00', method: 'offchain' },
    })
    expect(pay.status, JSON.stringify(pay.body)).toBe(200)
    const partial = (await messages(owner, { customerId: customer.id, kind: 'partial_payment' })).body.data
    expect(partial).toHaveLength(1)
    const body = (await t.request('GET', `/api/v1/messages/${partial[0].id}`, { as: owner })).body
    expect(body.text).toContain('Amount due: 60.00')

    const quiet = await createCustomer(t, owner, { email: 'nowelcome@outbox.test' })
    expect((await messages(owner, { customerId: quiet.id })).body.data).toHaveLength(0)
    await t.request('PATCH', '/api/v1/email-settings', { as: owner, body: { welcomeEnabled: true } })
    const greeted = await createCustomer(t, owner, { name: 'Wendy', email: 'welcome@outbox.test' })
    const welcome = (await messages(owner, { customerId: greeted.id })).body.data
    expect(welcome.map((m: { kind: string; subject: string }) => [m.kind, m.subject])).toEqual([
      ['welcome', 'Welcome to Outbox Co'],
    ])
    await t.request('PATCH', '/api/v1/email-settings', { as: owner, body: { welcomeEnabled: false } })
  })

  it('filters by kind and status and pages with a cursor', async () => {
    const customer = await createCustomer(t, owner, { email: 'pages@outbox.test' })
    for (const n of [1, 2, 3]) {
      const r = await t.request('POST', `/api/v1/customers/${customer.id}/messages`, {
        as: owner,
        body: { subject: `Note ${n}`, text: 'Hello' },
      })
      expect(r.status).toBe(201)
    }
    const first = await messages(owner, {
      customerId: customer.id,
      kind: 'custom',
      status: 'queued',
      limit: '2',
    })
    expect(first.body.data.map((m: { subject: string }) => m.subject)).toEqual(['Note 3', 'Note 2'])
    const next = await messages(owner, { customerId: customer.id, limit: '2', cursor: first.body.nextCursor })
    expect(next.body.data.map((m: { subject: string }) => m.subject)).toEqual(['Note 1'])
    expect(next.body.nextCursor).toBeNull()
    expect((await messages(owner, { customerId: customer.id, status: 'sent' })).body.data).toHaveLength(0)
  })
})

describe('templates', () => {
  it('saves subject and blocks, previews with sample data, and resets to the default', async () => {
    const put = await t.request('PUT', '/api/v1/email-templates/reminder_due', {
      as: owner,
      body: {
        subject: 'Heads up {{customer.name}}: {{invoice.number}}',
        blocks: { intro: 'Pay {{invoice.amountDue}} today.' },
      },
    })
    expect(put.status, JSON.stringify(put.body)).toBe(200)
    expect(put.body).toMatchObject({ customized: true, transactional: false })
    expect(put.body.blocks.outro).toContain('If you have already paid')
    const preview = await t.request('POST', '/api/v1/email-templates/reminder_due/preview', {
      as: owner,
      body: {},
    })
    expect(preview.status).toBe(200)
    expect(preview.body.subject).toBe('Heads up Ada Lovelace: INV-000042')
    expect(preview.body.html).toContain('Pay 150.00 today.')
    expect(preview.body.text).toContain('Unsubscribe:')
    // Unsaved edits preview without being saved.
    const draft = await t.request('POST', '/api/v1/email-templates/reminder_due/preview', {
      as: owner,
      body: { blocks: { heading: 'Draft {{merchant.name}}' } },
    })
    expect(draft.body.html).toContain('Draft Outbox Co')
    expect(
      (await t.request('GET', '/api/v1/email-templates/reminder_due', { as: owner })).body.blocks.heading,
    ).toBe('Due today')
    // Used when queued.
    const customer = await createCustomer(t, owner, { name: 'Tess', email: 'tpl@outbox.test' })
    const { queueMessage } = await import('../src/modules/messages/services/queue-message.js')
    const q = await t.db.transaction().execute((trx) =>
      queueMessage(trx, {
        merchantId: owner.merchantId,
        customerId: customer.id,
        kind: 'reminder_due',
        variables: { invoice: { number: 'INV-5', amountDue: '9.00' } },
      }),
    )
    expect((await t.request('GET', `/api/v1/messages/${q.id}`, { as: owner })).body.subject).toBe(
      'Heads up Tess: INV-5',
    )
    // The other merchant still has the default.
    expect(
      (await t.request('GET', '/api/v1/email-templates/reminder_due', { as: other })).body.customized,
    ).toBe(false)

    const reset = await t.request('DELETE', '/api/v1/email-templates/reminder_due', { as: owner })
    expect(reset.status).toBe(200)
    expect(reset.body).toMatchObject({
      customized: false,
      subject: 'Invoice {{invoice.number}} is due today',
    })
  })

  it('refuses an unknown variable when saving (422 naming it), and in a preview', async () => {
    const res = await t.request('PUT', '/api/v1/email-templates/invoice', {
      as: owner,
      body: {
        subject: 'Invoice {{invoice.number}}',
        blocks: { intro: 'Hi {{customer.nickname}} {{payment.txHash}}' },
      },
    })
    expect(res.status).toBe(422)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect(res.body.detail).toContain('{{customer.nickname}}')
    expect(res.body.detail).toContain('{{payment.txHash}}')
    expect((await t.request('GET', '/api/v1/email-templates/invoice', { as: owner })).body.customized).toBe(
      false,
    )
    const preview = await t.request('POST', '/api/v1/email-templates/invoice/preview', {
      as: owner,
      body: { subject: '{{nope}}' },
    })
    expect(preview.status).toBe(422)
    const list = await t.request('GET', '/api/v1/email-templates', { as: owner })
    expect(list.body.data).toHaveLength(20)
  })
})

describe('errors, roles and tenancy', () => {
  it('bad input is a 4xx, never a 500', async () => {
    expect((await t.request('GET', '/api/v1/email-templates/nonsense', { as: owner })).status).toBe(400)
    expect((await messages(owner, { status: 'lost' })).status).toBe(400)
    expect((await messages(owner, { cursor: 'x' })).status).toBe(400)
    expect((await t.request('GET', '/api/v1/messages/not-a-uuid', { as: owner })).status).toBe(400)
    const customer = await createCustomer(t, owner)
    const bad = await t.request('POST', `/api/v1/customers/${customer.id}/messages`, {
      as: owner,
      body: { subject: 'two\nlines', text: '' },
    })
    expect(bad.status).toBe(400)
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['subject', 'text'])
    expect(
      (await t.request('PATCH', '/api/v1/email-settings', { as: owner, body: { replyTo: 'not an email' } }))
        .status,
    ).toBe(400)
  })

  it('a forged, altered or garbage unsubscribe token is a 400, never a 500', async () => {
    const customer = await createCustomer(t, owner)
    for (const token of [
      'garbage',
      `${customer.id}.reminder_due.AAAA`,
      `${customer.id}.not_a_kind.AAAA`,
      '../../etc.x.y',
    ]) {
      const res = await t.request('POST', `/api/v1/public/unsubscribe?token=${encodeURIComponent(token)}`)
      expect(res.status, token).toBe(400)
      expect(
        (await t.request('GET', `/api/v1/public/unsubscribe?token=${encodeURIComponent(token)}`)).status,
      ).toBe(400)
    }
    expect((await t.request('GET', '/api/v1/public/unsubscribe')).status).toBe(400)
  })

  it('another merchant’s messages and customers are not found; a viewer reads but does not write', async () => {
    const customer = await createCustomer(t, owner, { email: 'tenant@outbox.test' })
    const mine = await t.request('POST', `/api/v1/customers/${customer.id}/messages`, {
      as: owner,
      body: { subject: 'Private', text: 'Only for owner' },
    })
    const id = mine.body.id as string
    expect((await t.request('GET', `/api/v1/messages/${id}`, { as: other })).status).toBe(404)
    expect((await t.request('POST', `/api/v1/messages/${id}/resend`, { as: other })).status).toBe(404)
    expect((await messages(other, { customerId: customer.id })).body.data).toHaveLength(0)
    const write = await t.request('POST', `/api/v1/customers/${customer.id}/messages`, {
      as: other,
      body: { subject: 'Hi', text: 'x' },
    })
    expect(write.status).toBe(404)

    const viewer = await t.apiKey(owner, 'viewer')
    expect((await t.request('GET', `/api/v1/messages/${id}`, { as: viewer })).status).toBe(200)
    expect((await t.request('POST', `/api/v1/messages/${id}/resend`, { as: viewer })).status).toBe(403)
    expect(
      (
        await t.request('PUT', '/api/v1/email-templates/welcome', {
          as: viewer,
          body: { subject: 'Hi', blocks: {} },
        })
      ).status,
    ).toBe(403)
  })
})
