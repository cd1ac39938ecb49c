import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sendDueMessages } from '../src/modules/messages/services/send-due.js'
import { closeMailTransports } from '../src/modules/messages/transport.js'
import { attachAddress, pay, payInvoice } from './analytics.js'
import { createCustomer, listCustomers } from './factories.js'
import { createTestApp, type Session, type TestApp } from './harness.js'
import { createInvoice, sendInvoice } from './invoices.js'
import { startSmtpSink } from './smtp.js'

let t: TestApp
let owner: Session
let smtp: Awaited<ReturnType<typeof startSmtpSink>>

beforeAll(async () => {
  smtp = await startSmtpSink()
  t = await createTestApp({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'Coinbook <billing@shop.test>' } })
  owner = await t.signup({ merchantName: 'Owing Shop' })
}, 180_000)
afterAll(async () => {
  closeMailTransports()
  await t.close()
  await smtp.close()
})

interface Row {
  id: string
  updatedAt: string
  createdAt: string
  outstanding: { currency: string; amount: string }[]
  lastActivityAt: string
}

async function row(id: string, as = owner): Promise<Row> {
  const res = await listCustomers(t, as, { limit: 100 })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  const found = res.body.data.find((c: Row) => c.id === id)
  if (!found) throw new Error(`customer ${id} is not listed`)
  return found
}

/** Runs `action` and checks the customer's lastActivityAt moved to a time within it. */
async function movesLastActivity(id: string, action: () => Promise<unknown>) {
  const before = await row(id)
  const start = Date.now()
  await new Promise((r) => setTimeout(r, 5))
  await action()
  const end = Date.now()
  const after = await row(id)
  const at = Date.parse(after.lastActivityAt)
  expect(at).toBeGreaterThan(Date.parse(before.lastActivityAt))
  expect(at).toBeGreaterThanOrEqual(start)
  expect(at).toBeLessThanOrEqual(end + 1)
  return after
}

describe('the customer list’s outstanding amount and last activity', () => {
  it('a new customer owes nothing and was last active when created', async () => {
    const c = await createCustomer(t, owner)
    const r = await row(c.id)
    expect(r.outstanding).toEqual([])
    expect(r.lastActivityAt).toBe(r.createdAt)
  })

  it('sums what open and partially paid invoices still owe, per currency, and nothing for drafts or void ones', async () => {
    const c = await createCustomer(t, owner)
    const usd = await createInvoice(t, owner, c.id, { currency: 'USD' })
    expect((await row(c.id)).outstanding).toEqual([])

    await sendInvoice(t, owner, usd.id)
    expect((await row(c.id)).outstanding).toEqual([{ currency: 'USD', amount: '100.00' }])

    await payInvoice(t, owner, usd.id, '40.10')
    expect((await row(c.id)).outstanding).toEqual([{ currency: 'USD', amount: '59.90' }])

    const eur = await createInvoice(t, owner, c.id, {
      currency: 'EUR',
      lines: [{ description: 'Setup', quantity: '3', unitAmount: '33.33' }],
    })
    await sendInvoice(t, owner, eur.id)
    const jpy = await createInvoice(t, owner, c.id, {
      currency: 'JPY',
      lines: [{ description: 'Setup', quantity: '1', unitAmount: '1500' }],
    })
    await sendInvoice(t, owner, jpy.id)
    const usd2 = await sendInvoice(t, owner, (await createInvoice(t, owner, c.id, { currency: 'USD' })).id)
    expect((await row(c.id)).outstanding).toEqual([
      { currency: 'EUR', amount: '99.99' },
      { currency: 'JPY', amount: '1500' },
      { currency: 'USD', amount: '159.90' },
    ])

    const voided = await t.request('POST', `/api/v1/invoices/${usd2.id}/void`, { as: owner })
    expect(voided.status, JSON.stringify(voided.body)).toBe(200)
    await payInvoice(t, owner, eur.id, '99.99')
    expect((await row(c.id)).outstanding).toEqual([
      { currency: 'JPY', amount: '1500' },
      { currency: 'USD', amount: '59.90' },
    ])
  })

  it('moves last activity with a profile change, a note, an invoice, its email and a payment', async () => {
    const c = await createCustomer(t, owner)
    await movesLastActivity(c.id, () =>
      t.request('PATCH', `/api/v1/customers/${c.id}`, { as: owner, body: { company: 'Initech' } }),
    )
    await movesLastActivity(c.id, () =>
      t.request('PATCH', `/api/v1/customers/${c.id}`, { as: owner, body: { notes: 'Call back Monday' } }),
    )
    const draft = await createInvoice(t, owner, c.id)
    await movesLastActivity(c.id, () => sendInvoice(t, owner, draft.id))
    await movesLastActivity(c.id, async () =>
      // Earlier tests' invoices are still queued too: they go out in the same run.
      expect((await sendDueMessages(t.core, { merchantId: owner.merchantId })).sent).toBeGreaterThanOrEqual(
        1,
      ),
    )
    const address = await attachAddress(t, owner, c.id)
    const after = await movesLastActivity(c.id, () =>
      // Its block is a day old: the activity is when Coinbook saw it, not the block time.
      pay(t, address, {
        asset: 'ETH',
        amount: 1_000_000_000_000_000n,
        at: new Date(Date.now() - 86_400_000).toISOString(),
      }),
    )
    // The customer's own row did not change: the activity is the payment's (and the invoice it paid).
    expect(Date.parse(after.lastActivityAt)).toBeGreaterThan(Date.parse(after.updatedAt))
  })

  it('a merchant sees only its own customers’ figures', async () => {
    const other = await t.signup({ merchantName: 'Other Shop' })
    const mine = await createCustomer(t, owner)
    await sendInvoice(t, owner, (await createInvoice(t, owner, mine.id)).id)
    const theirs = await createCustomer(t, other)
    expect((await row(theirs.id, other)).outstanding).toEqual([])
    const listed = (await listCustomers(t, other, { limit: 100 })).body.data.map((r: Row) => r.id)
    expect(listed).toEqual([theirs.id])
  })
})
