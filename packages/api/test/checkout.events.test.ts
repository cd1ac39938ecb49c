import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publicKeyAt } from '../../chain-watchers/src/derive/account-keys.fixture.js'
import { endCheckoutStreams } from '../src/modules/checkout/routes/events.js'
import { createCustomer } from './factories.js'
import { createTestApp, type Session, type TestApp } from './harness.js'
import { createInvoice, payToken, sendInvoice } from './invoices.js'
import { eventReader } from './sse.js'

// An account key no other test file uses: files share one PostgreSQL database, and an address is watched
// for one merchant only.
let t: TestApp
let owner: Session

beforeAll(async () => {
  t = await createTestApp({ env: { RATES_FIXED: 'USDT:USD=1,ETH:USD=4000' } })
  owner = await t.signup({ merchantName: 'Streamed Goods' })
  const wallet = await t.request('PUT', '/api/v1/wallets/ethereum', {
    as: owner,
    body: { xpub: publicKeyAt("m/44'/60'/23'") },
  })
  expect(wallet.status).toBe(200)
})
afterAll(() => t.close())

async function openInvoice() {
  const customer = await createCustomer(t, owner)
  const inv = await createInvoice(t, owner, customer.id, {
    accepts: [{ asset: 'USDT', network: 'ethereum' }],
  })
  return sendInvoice(t, owner, inv.id)
}

async function openEvents(token: string) {
  const res = await t.app.request(`/api/v1/public/checkout/${token}/events`)
  expect(res.status).toBe(200)
  if (!res.body) throw new Error('no body')
  return { res, events: eventReader(res.body) }
}

const recordPayment = async (invoiceId: string, amount: string) => {
  const res = await t.request('POST', `/api/v1/invoices/${invoiceId}/payments`, {
    as: owner,
    body: { amount, method: 'offchain', note: 'cash at the counter' },
  })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
}

describe('GET /public/checkout/{token}/events', () => {
  it('pushes the state at once, again when a payment is applied, and ends once paid', async () => {
    const inv = await openInvoice()
    const { res, events } = await openEvents(payToken(inv))
    expect(res.headers.get('content-type')).toContain('text/event-stream')
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")

    const first = await events.next()
    expect(first?.event).toBe('state')
    expect(JSON.parse(first?.data ?? '')).toEqual({
      status: 'open',
      paidLate: false,
      currency: 'USD',
      total: '100.00',
      amountPaid: '0.00',
      amountDue: '100.00',
      amountSeen: '0.00',
      payments: [],
    })

    await recordPayment(inv.id, '40')
    const partial = await events.next()
    expect(JSON.parse(partial?.data ?? '')).toMatchObject({
      status: 'partially_paid',
      amountPaid: '40.00',
      amountDue: '60.00',
    })
    // Off-chain payments are the merchant's bookkeeping: the payer's stream shows only their effect.
    expect(JSON.parse(partial?.data ?? '').payments).toEqual([])
    expect(Number(partial?.id)).toBeGreaterThan(Number(first?.id))

    await recordPayment(inv.id, '60')
    const paid = await events.next()
    expect(JSON.parse(paid?.data ?? '')).toMatchObject({ status: 'paid', amountDue: '0.00' })
    expect(await events.next()).toBeNull()
  }, 30_000)

  it('tells an open page the invoice was voided and ends; a new stream for it is a 404', async () => {
    const inv = await openInvoice()
    const token = payToken(inv)
    const { events } = await openEvents(token)
    expect(JSON.parse((await events.next())?.data ?? '')).toMatchObject({ status: 'open' })
    const voided = await t.request('POST', `/api/v1/invoices/${inv.id}/void`, { as: owner })
    expect(voided.status).toBe(200)
    expect(JSON.parse((await events.next())?.data ?? '')).toMatchObject({ status: 'void', amountDue: '0.00' })
    expect(await events.next()).toBeNull()
    const again = await t.app.request(`/api/v1/public/checkout/${token}/events`)
    expect(again.status).toBe(404)
  }, 30_000)

  it('answers an unknown or malformed token with a plain 404 and the strict headers', async () => {
    for (const token of ['A'.repeat(43), 'nope']) {
      const res = await t.app.request(`/api/v1/public/checkout/${token}/events`)
      expect(res.status).toBe(404)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      expect(res.headers.get('referrer-policy')).toBe('no-referrer')
      expect(res.headers.get('cache-control')).toBe('no-store')
      expect(((await res.json()) as { detail: string }).detail).not.toContain(token)
    }
  })

  it('ends open streams when the process shuts down, so the browser reconnects elsewhere', async () => {
    const inv = await openInvoice()
    const { events } = await openEvents(payToken(inv))
    expect(JSON.parse((await events.next())?.data ?? '')).toMatchObject({ status: 'open' })
    const at = Date.now()
    endCheckoutStreams()
    expect(await events.next(3_000)).toBeNull()
    expect(Date.now() - at).toBeLessThan(1_000)
  })

  it('stops reading the invoice once the payer goes away', async () => {
    const inv = await openInvoice()
    const { events } = await openEvents(payToken(inv))
    await events.next()
    await events.cancel()
    // Nothing to assert on the wire; the stream's loop ends on abort instead of polling forever.
    await new Promise((r) => setTimeout(r, 100))
  })
})
