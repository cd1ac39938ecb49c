import { randomBytes } from 'node:crypto'
import { parseUnits } from '@coinbook/chain-watchers/money'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publicKeyAt } from '../../chain-watchers/src/derive/account-keys.fixture.js'
import { inTransaction } from '../src/db/transaction.js'
import { setPaymentState } from '../src/modules/payments/services/payment-states.js'
import { attachAddress, pay, reorg } from './analytics.js'
import { createCustomer } from './factories.js'
import { createTestApp, type Session, type TestApp } from './harness.js'
import { createInvoice, sendInvoice } from './invoices.js'

// Refunds of payments found on chain (issue 7), and what they take off lifetime value (issue 9). Payments
// arrive through the real ingest (test/analytics.ts pay); prices are fixed: 1 USDT = 1 USD, 1 ETH = 2,000 USD.
let t: TestApp
let owner: Session

const USDT = (n: string) => parseUnits(n, 6)
const ETH = (n: number) => BigInt(Math.round(n * 1e6)) * 10n ** 12n
const evmAddress = () => `0x${randomBytes(20).toString('hex')}`
const txHash = () => `0x${randomBytes(32).toString('hex')}`

beforeAll(async () => {
  t = await createTestApp({
    env: { RATES_FIXED: 'USDT:USD=1,ETH:USD=2000', WEBHOOKS_ALLOW_PRIVATE: 'true' },
  })
  owner = await t.signup({ merchantName: 'Refunds Co' })
})
afterAll(() => t.close())

/** A customer with a watch-only Ethereum address, and `pay` bound to it. */
async function payingCustomer(as = owner) {
  const customer = await createCustomer(t, as)
  const to = await attachAddress(t, as, customer.id)
  return { customer, to }
}

const refund = (paymentId: string, body: Record<string, unknown>, as = owner, headers = {}) =>
  t.request('POST', `/api/v1/payments/${paymentId}/refunds`, { as, body, headers })

async function ltvOf(customerId: string) {
  const res = await t.request('GET', `/api/v1/customers/${customerId}`, { as: owner })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  expect(res.body.metrics.lifetimeValue).toBe(res.body.lifetimeValue)
  return res.body.lifetimeValue as string
}

async function paymentOf(id: string, as = owner) {
  const res = await t.request('GET', `/api/v1/payments/${id}`, { as })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body
}

describe('recording a refund', () => {
  it('takes the refund’s fiat value off lifetime value exactly, and partial refunds add up', async () => {
    const { customer, to } = await payingCustomer()
    const eth = await pay(t, to, { asset: 'ETH', amount: ETH(0.3), at: '2026-02-01T00:00:00Z' }) // $600
    const usdt = await pay(t, to, { asset: 'USDT', amount: USDT('10'), at: '2026-02-02T00:00:00Z' }) // $10
    expect(await ltvOf(customer.id)).toBe('610')

    const address = evmAddress()
    const first = await refund(eth, { amount: '0.1', address, note: 'Returned one seat' })
    expect(first.status, JSON.stringify(first.body)).toBe(201)
    expect(first.body).toMatchObject({
      paymentId: eth,
      network: 'ethereum',
      asset: 'ETH',
      amount: '0.1',
      amountBaseUnits: '100000000000000000',
      fiatCurrency: 'USD',
      fiatValue: '200',
      address,
      txHash: null,
      explorerUrl: null,
      note: 'Returned one seat',
      actor: { type: 'user', id: owner.userId },
    })
    expect(await ltvOf(customer.id)).toBe('410') // 600 − 200 + 10
    const second = await refund(eth, { amount: '0.05', address })
    expect(second.body.fiatValue).toBe('100')
    expect(await ltvOf(customer.id)).toBe('310')

    const detail = await paymentOf(eth)
    expect(detail).toMatchObject({
      refundedAmount: '0.15',
      refundedFiatValue: '300',
      refundStatus: 'partial',
    })
    expect(detail.refunds.map((r: { id: string }) => r.id)).toEqual([first.body.id, second.body.id])
    const list = await t.request('GET', `/api/v1/payments/${eth}/refunds`, { as: owner })
    expect(list.status).toBe(200)
    expect(list.body.data).toEqual(detail.refunds)

    // $10 refunded in three parts: valued cumulatively, 3.33 + 3.34 + 3.33 = the payment's 10.00 exactly.
    const thirds = []
    for (const amount of ['3.333333', '3.333333', '3.333334']) {
      const r = await refund(usdt, { amount, address })
      expect(r.status, JSON.stringify(r.body)).toBe(201)
      thirds.push(r.body.fiatValue)
    }
    expect(thirds).toEqual(['3.33', '3.34', '3.33'])
    expect(await ltvOf(customer.id)).toBe('300')
    expect(await paymentOf(usdt)).toMatchObject({ refundedAmount: '10', refundStatus: 'full' })

    // The coin mix is net of refunds (it adds up to the lifetime value); the payments still happened.
    const m = (await t.request('GET', `/api/v1/customers/${customer.id}`, { as: owner })).body.metrics
    expect(m.paymentCount).toBe(2)
    expect(m.coinMix).toEqual([
      { asset: 'ETH', network: 'ethereum', payments: 1, volume: '0.15', value: '300' },
      { asset: 'USDT', network: 'ethereum', payments: 1, volume: '0', value: '0' },
    ])

    // The customer's payments list shows what was refunded of each.
    const payments = await t.request('GET', `/api/v1/customers/${customer.id}/payments`, { as: owner })
    expect(
      payments.body.data.map((p: { id: string; refundedAmount: string; refundStatus: string }) => [
        p.id,
        p.refundedAmount,
        p.refundStatus,
      ]),
    ).toEqual([
      [usdt, '10', 'full'],
      [eth, '0.15', 'partial'],
    ])
  })

  it('refuses more than is left, amounts the coin cannot have, and addresses or hashes of another network', async () => {
    const { customer, to } = await payingCustomer()
    const eth = await pay(t, to, { asset: 'ETH', amount: ETH(0.3), at: '2026-02-01T00:00:00Z' })
    const usdt = await pay(t, to, { asset: 'USDT', amount: USDT('25'), at: '2026-02-02T00:00:00Z' })
    const address = evmAddress()
    const paths = (res: { body: { errors?: { path: string }[] } }) => res.body.errors?.map((e) => e.path)

    expect((await refund(eth, { amount: '0.2', address })).status).toBe(201)
    const over = await refund(eth, { amount: '0.100000000000000001', address })
    expect(over.status).toBe(400)
    expect(over.headers.get('content-type')).toContain('application/problem+json')
    expect(paths(over)).toEqual(['amount'])
    expect(over.body.errors[0].message).toBe('is more than the 0.1 ETH left to refund')
    expect((await refund(eth, { amount: '0.1', address })).status).toBe(201) // exactly what is left

    const tooPrecise = await refund(usdt, { amount: '1.0000001', address })
    expect(tooPrecise.status).toBe(400)
    expect(tooPrecise.body.errors).toEqual([
      { path: 'amount', message: 'must have at most 6 decimals (USDT)' },
    ])
    for (const amount of ['0', '0.000', '-1', '1e3', 'ten']) {
      const bad = await refund(usdt, { amount, address })
      expect(bad.status, amount).toBe(400)
      expect(paths(bad)).toEqual(['amount'])
    }
    const float = await refund(usdt, { amount: 1.5, address })
    expect(float.status).toBe(400)
    expect(paths(float)).toEqual(['amount'])

    const bitcoin = await refund(usdt, { amount: '1', address: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq' })
    expect(bitcoin.status).toBe(400)
    expect(paths(bitcoin)).toEqual(['address'])
    expect(bitcoin.body.errors[0].message).toMatch(/^is not a valid Ethereum address/)
    const badHash = await refund(usdt, { amount: '1', address, txHash: 'a'.repeat(64) })
    expect(badHash.status).toBe(400)
    expect(badHash.body.errors).toEqual([
      { path: 'txHash', message: 'is not a transaction hash of Ethereum (0x and 64 hex characters)' },
    ])
    const memo = await refund(usdt, { amount: '1', address, memo: 'hello' })
    expect(memo.status).toBe(400)
    expect(paths(memo)).toEqual(['memo'])
    const unknown = await refund(usdt, { amount: '1', address, currency: 'USD' })
    expect(unknown.status).toBe(400)

    // Nothing refused changed anything: 0.3 ETH refunded, USDT untouched.
    expect(await ltvOf(customer.id)).toBe('25')
    expect((await paymentOf(usdt)).refunds).toEqual([])
  })

  it('sends it to the customer’s refund address on the network when none is given', async () => {
    const { customer, to } = await payingCustomer()
    const usdt = await pay(t, to, { asset: 'USDT', amount: USDT('50'), at: '2026-03-01T00:00:00Z' })
    const none = await refund(usdt, { amount: '5' })
    expect(none.status).toBe(400)
    expect(none.body.errors).toEqual([
      { path: 'address', message: 'is required: the customer has no refund address on Ethereum' },
    ])
    const saved = '0x52908400098527886E0F7030069857D2E4169EE7' // EIP-55 test vector
    const put = await t.request('PUT', `/api/v1/customers/${customer.id}/refund-addresses/ethereum`, {
      as: owner,
      body: { address: saved },
    })
    expect(put.status, JSON.stringify(put.body)).toBe(200)
    const res = await refund(usdt, { amount: '5' })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body).toMatchObject({ address: saved, fiatValue: '5' })
  })
})

describe('what may be refunded, and by whom', () => {
  it('only a confirmed payment: pending and failed ones are a 409 that says why', async () => {
    const { to } = await payingCustomer()
    const pending = await pay(t, to, {
      asset: 'USDT',
      amount: USDT('5'),
      at: '2026-03-01T00:00:00Z',
      status: 'pending',
    })
    const failed = await pay(t, to, {
      asset: 'USDT',
      amount: USDT('5'),
      at: '2026-03-01T00:00:00Z',
      status: 'failed',
    })
    for (const [id, status] of [
      [pending, 'pending'],
      [failed, 'failed'],
    ] as const) {
      const res = await refund(id, { amount: '1', address: evmAddress() })
      expect(res.status).toBe(409)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      expect(res.body).toMatchObject({
        code: 'conflict',
        detail: `Only a confirmed payment can be refunded; this one is ${status}`,
        paymentStatus: status,
      })
    }
  })

  it('another merchant’s payment is not found; a viewer may read refunds but not record one', async () => {
    const { to } = await payingCustomer()
    const usdt = await pay(t, to, { asset: 'USDT', amount: USDT('20'), at: '2026-03-01T00:00:00Z' })
    expect((await refund(usdt, { amount: '1', address: evmAddress() })).status).toBe(201)

    const other = await t.signup()
    const theirs = await refund(usdt, { amount: '1', address: evmAddress() }, other)
    expect(theirs.status).toBe(404)
    expect(theirs.body.code).toBe('not_found')
    expect((await t.request('GET', `/api/v1/payments/${usdt}/refunds`, { as: other })).status).toBe(404)
    expect((await t.request('GET', `/api/v1/payments/${usdt}`, { as: other })).status).toBe(404)

    const viewer = await t.apiKey(owner, 'viewer')
    const denied = await refund(usdt, { amount: '1', address: evmAddress() }, viewer)
    expect(denied.status).toBe(403)
    const read = await t.request('GET', `/api/v1/payments/${usdt}/refunds`, { as: viewer })
    expect(read.status).toBe(200)
    expect(read.body.data).toHaveLength(1)
    expect((await paymentOf(usdt)).refundedAmount).toBe('1')
  })
})

describe('recording a refund once', () => {
  it('a refund transaction counts once per payment: the same hash again returns it, another amount is a 409', async () => {
    const { customer, to } = await payingCustomer()
    const usdt = await pay(t, to, { asset: 'USDT', amount: USDT('30'), at: '2026-03-01T00:00:00Z' })
    const address = evmAddress()
    const hash = txHash()
    const first = await refund(usdt, {
      amount: '10',
      address,
      txHash: hash.toUpperCase().replace('0X', '0x'),
    })
    expect(first.status, JSON.stringify(first.body)).toBe(201)
    expect(first.body.txHash).toBe(hash) // stored as the chain watchers record hashes
    expect(first.body.explorerUrl).toBeNull() // regtest has no explorer
    const again = await refund(usdt, { amount: '10', address, txHash: hash })
    expect(again.status).toBe(200)
    expect(again.body).toEqual(first.body)
    const changed = await refund(usdt, { amount: '11', address, txHash: hash })
    expect(changed.status).toBe(409)
    expect(changed.body.refundId).toBe(first.body.id)
    expect(await ltvOf(customer.id)).toBe('20')
    expect((await paymentOf(usdt)).refunds).toHaveLength(1)
  })

  it('honours Idempotency-Key: a retried request records nothing more', async () => {
    const { customer, to } = await payingCustomer()
    const usdt = await pay(t, to, { asset: 'USDT', amount: USDT('30'), at: '2026-03-01T00:00:00Z' })
    const body = { amount: '7.5', address: evmAddress() }
    const headers = { 'Idempotency-Key': `refund-${usdt}` }
    const first = await refund(usdt, body, owner, headers)
    const retry = await refund(usdt, body, owner, headers)
    expect([first.status, retry.status]).toEqual([201, 201])
    expect(retry.headers.get('idempotent-replayed')).toBe('true')
    expect(retry.body.id).toBe(first.body.id)
    expect(await ltvOf(customer.id)).toBe('22.5')
  })
})

describe('refunds and reorgs', () => {
  it('a reorged payment’s refund stays recorded but subtracts nothing; if the payment confirms again both count', async () => {
    const { customer, to } = await payingCustomer()
    const kept = await pay(t, to, { asset: 'USDT', amount: USDT('100'), at: '2026-04-01T00:00:00Z' })
    const lost = await pay(t, to, { asset: 'ETH', amount: ETH(0.05), at: '2026-04-02T00:00:00Z' }) // $100
    expect((await refund(lost, { amount: '0.02', address: evmAddress() })).body.fiatValue).toBe('40')
    expect((await refund(kept, { amount: '10', address: evmAddress() })).status).toBe(201)
    expect(await ltvOf(customer.id)).toBe('150') // 100 − 10 + 100 − 40

    await reorg(t, lost)
    // Only the payment that counts, net of its own refund: not 100 − 10 − 40.
    expect(await ltvOf(customer.id)).toBe('90')
    const gone = await paymentOf(lost)
    expect(gone).toMatchObject({ status: 'reorged', refundedAmount: '0.02', refundStatus: 'partial' })
    expect(gone.refunds).toHaveLength(1)
    const onReorged = await refund(lost, { amount: '0.01', address: evmAddress() })
    expect(onReorged.status).toBe(409)
    expect(onReorged.body.detail).toBe('Only a confirmed payment can be refunded; this one is reorged')

    // Mined again in another block: the payment counts again, and so does its refund.
    await inTransaction(t.db, async (trx) => {
      const current = await trx
        .selectFrom('payments')
        .selectAll()
        .where('id', '=', lost)
        .forUpdate()
        .executeTakeFirstOrThrow()
      await setPaymentState(trx, current, {
        status: 'confirmed',
        confirmations: 3,
        blockNumber: 1001,
        blockHash: txHash(),
        blockTime: current.block_time,
      })
    })
    expect(await ltvOf(customer.id)).toBe('150')
  })
})

describe('what a refund tells', () => {
  it('records payment.refunded for webhooks and an entry in the customer’s audit trail', async () => {
    const merchant = await t.signup({ merchantName: 'Hooks' })
    const endpoint = await t.request('POST', '/api/v1/webhook-endpoints', {
      as: merchant,
      body: { url: 'http://127.0.0.1:9/hooks', events: ['payment.refunded'] },
    })
    expect(endpoint.status, JSON.stringify(endpoint.body)).toBe(201)
    const { customer, to } = await payingCustomer(merchant)
    const usdt = await pay(t, to, { asset: 'USDT', amount: USDT('40'), at: '2026-04-01T00:00:00Z' })
    const hash = txHash()
    const res = await refund(
      usdt,
      { amount: '15', address: evmAddress(), txHash: hash, note: 'Damaged' },
      merchant,
    )
    expect(res.status).toBe(201)

    const events = await t.request('GET', `/api/v1/events?type=payment.refunded&subjectId=${usdt}`, {
      as: merchant,
    })
    expect(events.status).toBe(200)
    expect(events.body.data).toHaveLength(1)
    const [event] = events.body.data
    expect(event.data).toMatchObject({
      object: { id: usdt, customerId: customer.id, amount: '40', status: 'confirmed' },
      refund: res.body,
      refundedAmount: '15',
    })
    const deliveries = await t.request('GET', `/api/v1/webhook-endpoints/${endpoint.body.id}/deliveries`, {
      as: merchant,
    })
    expect(deliveries.body.data.map((d: { eventId: string }) => d.eventId)).toEqual([event.id])

    const audit = await t.request('GET', `/api/v1/customers/${customer.id}/audit`, { as: merchant })
    const entry = audit.body.data.find((e: { action: string }) => e.action === 'customer.payment_refunded')
    expect(entry).toMatchObject({
      actor: { type: 'user', id: merchant.userId },
      data: { paymentId: usdt, refundId: res.body.id, amount: '15', fiatValue: '15', txHash: hash },
    })
  })

  it('a refund of a payment that paid an invoice leaves the invoice paid and shows on its payments', async () => {
    const merchant = await t.signup({ merchantName: 'Invoicing' })
    // An account key no other test file uses: an address is watched for one merchant only.
    const wallet = await t.request('PUT', '/api/v1/wallets/ethereum', {
      as: merchant,
      body: { xpub: publicKeyAt("m/44'/60'/41'") },
    })
    expect(wallet.status, JSON.stringify(wallet.body)).toBe(200)
    const customer = await createCustomer(t, merchant)
    const invoice = await createInvoice(t, merchant, customer.id, {
      accepts: [{ asset: 'ETH', network: 'ethereum' }],
    })
    await sendInvoice(t, merchant, invoice.id)
    const quote = await t.request('POST', `/api/v1/invoices/${invoice.id}/quotes`, {
      as: merchant,
      body: { asset: 'ETH', network: 'ethereum' },
    })
    expect(quote.status, JSON.stringify(quote.body)).toBe(201)
    const paid = await pay(t, quote.body.address, {
      asset: 'ETH',
      amount: parseUnits(quote.body.amount, 18),
      at: new Date().toISOString(),
    })
    const before = await t.request('GET', `/api/v1/invoices/${invoice.id}`, { as: merchant })
    expect(before.body).toMatchObject({ status: 'paid', amountPaid: '100.00', amountDue: '0.00' })
    expect(before.body.payments[0].refunds).toEqual([])

    expect(quote.body.amount).toBe('0.05') // 100 USD at 2,000
    const res = await refund(paid, { amount: '0.02', address: evmAddress() }, merchant) // $40
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const after = await t.request('GET', `/api/v1/invoices/${invoice.id}`, { as: merchant })
    expect(after.body).toMatchObject({ status: 'paid', amountPaid: '100.00', amountDue: '0.00' })
    expect(after.body.history).toEqual(before.body.history)
    expect(after.body.payments[0]).toMatchObject({ counts: true, payment: { id: paid } })
    expect(after.body.payments[0].refunds).toEqual([res.body])
    expect(await t.request('GET', `/api/v1/customers/${customer.id}`, { as: merchant })).toMatchObject({
      body: { lifetimeValue: '60' },
    })
  })

  it('is in the OpenAPI document', async () => {
    const doc = await t.request('GET', '/api/v1/openapi.json')
    expect(doc.status).toBe(200)
    const path = doc.body.paths['/payments/{id}/refunds']
    expect(Object.keys(path).sort()).toEqual(['get', 'post'])
    expect(path.post.requestBody.content['application/json'].schema.$ref).toBe(
      '#/components/schemas/CreateRefundRequest',
    )
    expect(Object.keys(path.post.responses)).toEqual(
      expect.arrayContaining(['201', '400', '403', '404', '409']),
    )
    expect(doc.body.components.schemas.Payment.properties.refundStatus).toBeDefined()
    expect(JSON.stringify(doc.body.components.schemas.PaymentDetail)).toContain('"refunds"')
    expect(doc.body.components.schemas.Event.properties.type.enum).toContain('payment.refunded')
  })
})
