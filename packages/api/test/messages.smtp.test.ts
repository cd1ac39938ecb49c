import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queueMessage } from '../src/modules/messages/services/queue-message.js'
import { MAX_ATTEMPTS, sendDueMessages } from '../src/modules/messages/services/send-due.js'
import { closeMailTransports } from '../src/modules/messages/transport.js'
import { createCustomer } from './factories.js'
import { createTestApp, type Session, type TestApp } from './harness.js'
import { createInvoice, sendInvoice } from './invoices.js'
import { startSmtpSink } from './smtp.js'

let t: TestApp
let owner: Session
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
  owner = await t.signup({ merchantName: 'Mail Shop' })
}, 180_000)
afterAll(async () => {
  closeMailTransports()
  await t.close()
  await smtp.close()
})

/** The sender loop, scoped to this file's merchant (test files share one PostgreSQL database). */
const send = () => sendDueMessages(t.core, { merchantId: owner.merchantId })

async function messages(query: Record<string, string> = {}) {
  const res = await t.request('GET', `/api/v1/messages?${new URLSearchParams({ limit: '100', ...query })}`, {
    as: owner,
  })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body.data as Record<string, any>[]
}

function mailTo(address: string) {
  return smtp.received.filter((m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address === address)
}

describe('email over SMTP', () => {
  it('sending an invoice emails the customer: subject, HTML and text parts, the pay link, sender and reply-to', async () => {
    const patch = await t.request('PATCH', '/api/v1/email-settings', {
      as: owner,
      body: { senderName: 'Mail Shop Billing', replyTo: 'accounts@shop.test' },
    })
    expect(patch.status).toBe(200)
    const customer = await createCustomer(t, owner, { name: 'Grace Hopper', email: 'grace@smtp.test' })
    const draft = await createInvoice(t, owner, customer.id)
    const invoice = await sendInvoice(t, owner, draft.id)

    const [queued] = await messages({ customerId: customer.id })
    expect(queued).toMatchObject({
      kind: 'invoice',
      status: 'queued',
      to: 'grace@smtp.test',
      invoiceId: draft.id,
    })
    expect(queued?.notSentReason).toBeNull()
    expect(await send()).toMatchObject({ sent: 1 })

    const [mail] = mailTo('grace@smtp.test')
    expect(mail?.subject).toBe(`Invoice ${invoice.number} from Mail Shop`)
    expect(mail?.from?.value[0]).toEqual({ name: 'Mail Shop Billing', address: 'billing@shop.test' })
    expect(mail?.replyTo?.value[0]?.address).toBe('accounts@shop.test')
    expect(invoice.payUrl).toMatch(/^https:\/\/crm\.shop\.test\/pay\//)
    expect(mail?.html).toContain(`href="${invoice.payUrl}"`)
    expect(mail?.html).toContain('Hello Grace Hopper')
    expect(mail?.text).toContain(`Pay now: ${invoice.payUrl}`)
    expect(mail?.text).toContain(`Invoice: ${invoice.number}`)
    // Transactional: no unsubscribe header.
    expect(mail?.headerLines.some((h) => h.key.startsWith('list-'))).toBe(false)

    const [sent] = await messages({ customerId: customer.id })
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, lastError: null })
    expect(sent?.sentAt).not.toBeNull()
    // Sending again (a retried request, a second event) mails nothing more.
    await sendInvoice(t, owner, draft.id)
    expect(await send()).toMatchObject({ sent: 0 })
    expect(mailTo('grace@smtp.test')).toHaveLength(1)
  })

  it('a reminder carries List-Unsubscribe; unsubscribing stops reminders but not receipts', async () => {
    const customer = await createCustomer(t, owner, { email: 'optout@smtp.test' })
    const queue = (kind: 'reminder_due' | 'receipt') =>
      t.db.transaction().execute((trx) =>
        queueMessage(trx, {
          merchantId: owner.merchantId,
          customerId: customer.id,
          kind,
          variables: { invoice: { number: 'INV-9', amountDue: '5.00', currency: 'USD' } },
        }),
      )
    await queue('reminder_due')
    await send()
    const [reminder] = mailTo('optout@smtp.test')
    // Long header lines are folded: unfold before reading.
    const line = (name: string) =>
      (reminder?.headerLines.find((h) => h.key === name)?.line ?? '').replace(/\r?\n[ \t]+/g, ' ')
    const url = /^List-Unsubscribe:\s*<([^>]+)>$/.exec(line('list-unsubscribe'))?.[1] ?? ''
    expect(url).toMatch(/^https:\/\/crm\.shop\.test\/api\/v1\/public\/unsubscribe\?token=/)
    expect(line('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click')
    expect(reminder?.html).toContain('Unsubscribe</a>')

    // The mail client's one-click POST (RFC 8058), to the path of the link.
    const path = url.replace('https://crm.shop.test', '')
    const page = await t.request('GET', path)
    expect(page.status).toBe(200)
    expect(page.body).toContain('Stop receiving reminder due emails from Mail Shop?')
    const click = await t.request('POST', path, {
      rawBody: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(click.status).toBe(200)
    expect(click.body).toContain('will not send you reminder due emails')

    const again = await queue('reminder_due')
    expect(again.status).toBe('suppressed')
    const receipt = await queue('receipt')
    expect(receipt.status).toBe('queued')
    await send()
    expect(mailTo('optout@smtp.test').map((m) => m.subject)).toEqual([
      'Invoice INV-9 is due today',
      'Receipt for invoice INV-9',
    ])
    const log = await messages({ customerId: customer.id, status: 'suppressed' })
    expect(log[0]?.suppressedReason).toBe('the customer unsubscribed from reminder due emails')
  })

  it('a server that refuses (451, then 550) and then accepts delivers exactly one message; attempts and the reply are kept', async () => {
    const customer = await createCustomer(t, owner, { email: 'flaky@smtp.test' })
    const res = await t.request('POST', `/api/v1/customers/${customer.id}/messages`, {
      as: owner,
      body: { subject: 'Your order {{shipped}}', text: 'Hello,\nit shipped.' },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const id = res.body.id as string
    smtp.refusals.push({ code: 451, message: 'Try again later' }, { code: 550, message: 'Mailbox busy' })
    try {
      t.clock.set(new Date())
      expect(await send()).toMatchObject({ sent: 0, retried: 1 })
      let m = (await t.request('GET', `/api/v1/messages/${id}`, { as: owner })).body
      expect(m).toMatchObject({ status: 'queued', attempts: 1 })
      expect(m.lastError).toContain('451')
      expect(m.lastError).toContain('Try again later')
      // Not before the backoff (1 minute).
      expect(await send()).toMatchObject({ sent: 0, retried: 0 })
      t.clock.advance(61_000)
      expect(await send()).toMatchObject({ retried: 1 })
      m = (await t.request('GET', `/api/v1/messages/${id}`, { as: owner })).body
      expect(m.lastError).toContain('550')
      t.clock.advance(5 * 60_000 + 1000)
      expect(await send()).toMatchObject({ sent: 1 })
      m = (await t.request('GET', `/api/v1/messages/${id}`, { as: owner })).body
      expect(m).toMatchObject({ status: 'sent', attempts: 3, lastError: null })
      const mails = mailTo('flaky@smtp.test')
      expect(mails).toHaveLength(1)
      // The merchant's words are not a template: braces stay as typed.
      expect(mails[0]?.subject).toBe('Your order {{shipped}}')
      expect(mails[0]?.text).toContain('it shipped.')
    } finally {
      t.clock.reset()
    }
  })

  it('a server that always refuses: failed after the last retry, with the server’s reply', async () => {
    const customer = await createCustomer(t, owner, { email: 'bounce@smtp.test' })
    const res = await t.request('POST', `/api/v1/customers/${customer.id}/messages`, {
      as: owner,
      body: { subject: 'Hello', text: 'Hi' },
    })
    const id = res.body.id as string
    for (let i = 0; i < MAX_ATTEMPTS; i++) smtp.refusals.push({ code: 550, message: 'No such user here' })
    try {
      t.clock.set(new Date())
      for (let i = 0; i < MAX_ATTEMPTS; i++) {
        await send()
        t.clock.advance(7 * 3_600_000)
      }
      const m = (await t.request('GET', `/api/v1/messages/${id}`, { as: owner })).body
      expect(m).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS })
      expect(m.lastError).toMatch(/550.*No such user here/)
      expect(mailTo('bounce@smtp.test')).toHaveLength(0)
      expect((await messages({ status: 'failed' })).map((x) => x.id)).toContain(id)
      // A resend is a new entry, sent now.
      const again = await t.request('POST', `/api/v1/messages/${id}/resend`, { as: owner })
      expect(again.status).toBe(201)
      expect(again.body).toMatchObject({ status: 'queued', resentFromId: id, attempts: 0 })
      await send()
      expect(mailTo('bounce@smtp.test')).toHaveLength(1)
    } finally {
      t.clock.reset()
    }
  })

  it('an expired claim (a sender killed mid-batch) is taken over; a live one is not', async () => {
    const customer = await createCustomer(t, owner, { email: 'lease@smtp.test' })
    const res = await t.request('POST', `/api/v1/customers/${customer.id}/messages`, {
      as: owner,
      body: { subject: 'Lease', text: 'Hi' },
    })
    const id = res.body.id as string
    try {
      t.clock.set(new Date())
      const lease = new Date(t.clock.now().getTime() + 60_000)
      await t.db.updateTable('messages').set({ lease_until: lease }).where('id', '=', id).execute()
      expect(await send()).toMatchObject({ sent: 0 })
      t.clock.advance(61_000)
      expect(await send()).toMatchObject({ sent: 1 })
      expect(mailTo('lease@smtp.test')).toHaveLength(1)
    } finally {
      t.clock.reset()
    }
  })
})
