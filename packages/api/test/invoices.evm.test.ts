import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publicKeyAt } from '../../chain-watchers/src/derive/account-keys.fixture.js'
import { type EvmFixture, evmFixture } from '../../chain-watchers/test/evm/fixture.js'
import { confirmPayments } from '../src/modules/payments/services/confirm.js'
import { scanNetwork } from '../src/modules/payments/services/scan.js'
import { FixedRateProvider } from '../src/modules/rates/fixed.js'
import type { RateProvider } from '../src/modules/rates/index.js'
import { createCustomer } from './factories.js'
import { createTestApp, type Session, type TestApp } from './harness.js'
import { createInvoice, payToken, sendInvoice } from './invoices.js'

// Arbitrum on a local anvil: a network of this file's own, so its scan cursor and confirmation passes never
// meet the payments of other test files sharing the PostgreSQL database.
const network = 'arbitrum' as const
type Address = `0x${string}`
const USDT = { asset: 'USDT', network }
const ETH = { asset: 'ETH', network }

let f: EvmFixture
// An account key no other test file uses: files share one PostgreSQL database, and an address is watched
// for one merchant only.
let t: TestApp
let owner: Session
let adapter: ReturnType<EvmFixture['adapterWith']>

beforeAll(async () => {
  f = await evmFixture()
  adapter = f.adapterWith({ network })
  t = await createTestApp({
    env: {
      ARBITRUM_CONFIRMATIONS: '3',
      ARBITRUM_TOKENS: `USDT:${f.usdt}:6`,
      RATES_FIXED: 'USDT:USD=1,ETH:USD=4000',
    },
    adapters: { arbitrum: adapter },
  })
  owner = await t.signup({ merchantName: 'Anvil Goods' })
  const wallet = await t.request('PUT', `/api/v1/wallets/${network}`, {
    as: owner,
    body: { xpub: publicKeyAt("m/44'/60'/19'") },
  })
  expect(wallet.status).toBe(200)
})
afterAll(async () => {
  await t.close()
  await f.stop()
})

/** Scans the new blocks; the rates are the market's at that moment (the fixed table unless given). */
async function scan(rates: RateProvider = t.core.rates) {
  return scanNetwork({
    db: t.db,
    adapter,
    watch: { has: () => true },
    ingest: { rates, mode: 'regtest', confirmationsFor: () => 3, clock: t.clock },
    startAt: 1n,
  })
}

async function settle() {
  await f.mine(3)
  await confirmPayments({ db: t.db, adapter, required: 3 })
}

async function quote(invoiceId: string, coin: { asset: string; network: string } = USDT) {
  const res = await t.request('POST', `/api/v1/invoices/${invoiceId}/quotes`, { as: owner, body: coin })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body
}

async function invoice(id: string) {
  const res = await t.request('GET', `/api/v1/invoices/${id}`, { as: owner })
  expect(res.status).toBe(200)
  return res.body
}

const usdt = (whole: number) => BigInt(whole) * 1_000_000n

describe('invoices paid on chain (anvil, a real ERC-20)', () => {
  it('100 USD in USDT: pay 40 → partially_paid with 60 due → a new quote, pay 60 → paid', async () => {
    const customer = await createCustomer(t, owner, { preferredCoins: [USDT] })
    const inv = await createInvoice(t, owner, customer.id)
    expect(inv.accepts).toEqual([USDT])
    await sendInvoice(t, owner, inv.id)

    const first = await quote(inv.id)
    expect(first).toMatchObject({
      amount: '100',
      fiatAmount: '100.00',
      rate: '1',
      currency: 'USD',
      expired: false,
    })
    expect(first.uri.toLowerCase()).toContain(
      `ethereum:${f.usdt.toLowerCase()}@31337/transfer?address=${first.address.toLowerCase()}`,
    )
    expect(first.uri).toContain('uint256=100000000')

    await f.payToken(f.usdt, first.address as Address, usdt(40))
    await scan()
    const seen = await invoice(inv.id)
    expect(seen).toMatchObject({ status: 'open', amountSeen: '40.00', amountPaid: '0.00' })
    expect(seen.payments[0]).toMatchObject({ method: 'onchain', status: 'seen', counts: false, amount: '40' })

    await settle()
    const partial = await invoice(inv.id)
    expect(partial).toMatchObject({
      status: 'partially_paid',
      amountPaid: '40.00',
      amountDue: '60.00',
      amountSeen: '0.00',
    })
    expect(partial.payments[0]).toMatchObject({
      status: 'confirmed',
      counts: true,
      rate: '1',
      late: false,
      payment: { asset: 'USDT', network, amount: '40', confirmations: 4, requiredConfirmations: 3 },
    })

    const second = await quote(inv.id)
    expect(second).toMatchObject({ amount: '60', fiatAmount: '60.00' })
    expect(second.address).not.toBe(first.address)
    await f.payToken(f.usdt, second.address as Address, usdt(60))
    await scan()
    await settle()
    const paid = await invoice(inv.id)
    expect(paid).toMatchObject({ status: 'paid', amountPaid: '100.00', amountDue: '0.00', paidLate: false })
    expect(paid.history.map((h: { to: string }) => h.to)).toEqual(['draft', 'open', 'partially_paid', 'paid'])
    expect(paid.payments.map((p: { payment: { amount: string } }) => p.payment.amount)).toEqual(['40', '60'])

    const profile = await t.request('GET', `/api/v1/customers/${customer.id}`, { as: owner })
    expect(profile.body).toMatchObject({ lifetimeValue: '100', paymentCount: 2 })
    // A quote's address never becomes the customer's own deposit address.
    const own = await t.request('POST', `/api/v1/customers/${customer.id}/deposit-targets`, {
      as: owner,
      body: USDT,
    })
    expect([first.address, second.address]).not.toContain(own.body.address)
    const onPaid = await t.request('POST', `/api/v1/invoices/${inv.id}/quotes`, { as: owner, body: USDT })
    expect(onPaid.status).toBe(409)
  })

  it('an overpayment makes the invoice overpaid and becomes credit the next invoice uses', async () => {
    const customer = await createCustomer(t, owner)
    const inv = await createInvoice(t, owner, customer.id, { accepts: [USDT] })
    await sendInvoice(t, owner, inv.id)
    const q = await quote(inv.id)
    await f.payToken(f.usdt, q.address as Address, usdt(130))
    await scan()
    await settle()
    expect(await invoice(inv.id)).toMatchObject({
      status: 'overpaid',
      amountPaid: '130.00',
      amountDue: '0.00',
    })
    const billing = await t.request('GET', `/api/v1/customers/${customer.id}/billing`, { as: owner })
    expect(billing.body.credit).toEqual([{ currency: 'USD', amount: '30.00' }])

    const next = await createInvoice(t, owner, customer.id, { accepts: [USDT] })
    const sent = await sendInvoice(t, owner, next.id)
    expect(sent).toMatchObject({ status: 'partially_paid', creditApplied: '30.00', amountDue: '70.00' })
    expect((await quote(next.id)).amount).toBe('70')
  })

  it('a payment after the rate lock expired is valued at the rate when it arrived, and marks paidLate', async () => {
    const customer = await createCustomer(t, owner)
    // The market moves: ETH is 2000 USD when the payments arrive.
    const later = new FixedRateProvider({ 'ETH:USD': '2000', 'USDT:USD': '1' })

    const onTime = await createInvoice(t, owner, customer.id, { accepts: [ETH] })
    await sendInvoice(t, owner, onTime.id)
    const locked = await quote(onTime.id, ETH)
    expect(locked).toMatchObject({ amount: '0.025', rate: '4000' })
    await f.payNative(locked.address as Address, '0.025')
    await scan(later)
    await settle()
    expect(await invoice(onTime.id)).toMatchObject({ status: 'paid', paidLate: false })

    const inv = await createInvoice(t, owner, customer.id, { accepts: [ETH] })
    await sendInvoice(t, owner, inv.id)
    // Quoted an hour ago: its 15-minute lock ended 45 minutes before the payment's block.
    t.clock.set(new Date(Date.now() - 60 * 60_000))
    const stale = await quote(inv.id, ETH)
    t.clock.reset()
    const shown = await invoice(inv.id)
    expect(shown.quotes[0]).toMatchObject({ id: stale.id, expired: true })
    await f.payNative(stale.address as Address, '0.025')
    await scan(later)
    await settle()
    const late = await invoice(inv.id)
    expect(late).toMatchObject({
      status: 'partially_paid',
      paidLate: true,
      amountPaid: '50.00',
      amountDue: '50.00',
    })
    expect(late.payments[0]).toMatchObject({ late: true, rate: '2000', amount: '50' })
    // The remainder is payable through a new quote at today's rate.
    expect(await quote(inv.id, ETH)).toMatchObject({ fiatAmount: '50.00', amount: '0.0125' })
  })

  it('"charge now" creates and sends a one-line invoice due today with a ready quote per coin', async () => {
    const customer = await createCustomer(t, owner)
    t.clock.set('2026-05-05T15:30:00Z')
    const res = await t.request('POST', `/api/v1/customers/${customer.id}/charge`, {
      as: owner,
      body: {
        amount: '25',
        currency: 'USD',
        description: 'Espresso beans',
        accepts: [USDT, ETH],
        expiresIn: 300,
      },
    })
    t.clock.reset()
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body.invoice).toMatchObject({
      status: 'open',
      total: '25.00',
      dueDate: '2026-05-05',
      lines: [{ description: 'Espresso beans', quantity: '1', amount: '25.00' }],
    })
    expect(res.body.payUrl).toBe(res.body.invoice.payUrl)
    expect(res.body.quotes.map((q: { asset: string; amount: string }) => [q.asset, q.amount])).toEqual([
      ['USDT', '25'],
      ['ETH', '0.00625'],
    ])
    expect(res.body.quotes[0].expiresAt).toBe('2026-05-05T15:35:00.000Z')
    expect(res.body.unavailable).toEqual([])
    const checkout = await t.request('GET', `/api/v1/public/checkout/${payToken(res.body.invoice)}`)
    expect(checkout.body).toMatchObject({ merchantName: 'Anvil Goods', amountDue: '25.00', status: 'open' })
  })

  it('a reorg that removes a payment moves the invoice back, and its credit with it', async () => {
    const customer = await createCustomer(t, owner)
    const inv = await createInvoice(t, owner, customer.id, { accepts: [USDT] })
    await sendInvoice(t, owner, inv.id)
    const q = await quote(inv.id)
    await f.payToken(f.usdt, q.address as Address, usdt(120))
    await scan()
    await settle()
    expect(await invoice(inv.id)).toMatchObject({ status: 'overpaid', amountPaid: '120.00' })
    const credited = await t.request('GET', `/api/v1/customers/${customer.id}/billing`, { as: owner })
    expect(credited.body.credit).toEqual([{ currency: 'USD', amount: '20.00' }])

    // Replace the last 5 blocks (the payment's included) with empty ones.
    await f.anvil.rpc('anvil_reorg', [5, []])
    const result = await confirmPayments({ db: t.db, adapter, required: 3 })
    expect(result.reorged).toBe(1)
    const back = await invoice(inv.id)
    expect(back).toMatchObject({ status: 'open', amountPaid: '0.00', amountDue: '100.00' })
    expect(back.payments[0]).toMatchObject({ status: 'reorged', counts: false })
    expect(back.history.map((h: { to: string }) => h.to)).toEqual(['draft', 'open', 'overpaid', 'open'])
    const after = await t.request('GET', `/api/v1/customers/${customer.id}/billing`, { as: owner })
    expect(after.body.credit).toEqual([])
    const profile = await t.request('GET', `/api/v1/customers/${customer.id}`, { as: owner })
    expect(profile.body).toMatchObject({ lifetimeValue: '0', paymentCount: 0 })
  })

  it("a payment to the customer's stable address pays their oldest open invoice sent before it; off, it stays a plain payment", async () => {
    const customer = await createCustomer(t, owner, { preferredCoins: [USDT] })
    const target = await t.request('POST', `/api/v1/customers/${customer.id}/deposit-targets`, {
      as: owner,
      body: USDT,
    })
    expect(target.status, JSON.stringify(target.body)).toBe(200)
    const stable = target.body.address as Address
    const paymentOf = (hash: string) =>
      t.db.selectFrom('payments').selectAll().where('tx_hash', '=', hash).executeTakeFirstOrThrow()

    // Paid before any invoice was sent: a plain payment, whatever is sent afterwards.
    const early = await f.payToken(f.usdt, stable, usdt(5))
    await scan()
    await settle()
    const earlyAt = (await paymentOf(early)).block_time as Date
    // Both invoices go out just after the early payment's block (half a second, after a minute of block-clock slack).
    t.clock.set(new Date(earlyAt.getTime() + 60_500))
    const older = await createInvoice(t, owner, customer.id, { accepts: [USDT] })
    await sendInvoice(t, owner, older.id)
    const newer = await createInvoice(t, owner, customer.id, { accepts: [USDT] })
    await sendInvoice(t, owner, newer.id)
    t.clock.reset()
    expect((await paymentOf(early)).invoice_id).toBeNull()

    // Anvil may mine two blocks within one second: the next one is at least two seconds after the early one,
    // so it is after the invoices were sent (less the minute of slack) whatever the machine's speed.
    await f.anvil.rpc('evm_increaseTime', [2])
    const first = await f.payToken(f.usdt, stable, usdt(30))
    await scan()
    expect(await invoice(older.id)).toMatchObject({ status: 'open', amountSeen: '30.00', amountPaid: '0.00' })
    await settle()
    expect(await invoice(older.id)).toMatchObject({
      status: 'partially_paid',
      amountPaid: '30.00',
      amountDue: '70.00',
    })
    expect(await invoice(newer.id)).toMatchObject({ status: 'open', amountPaid: '0.00' })
    expect((await invoice(older.id)).payments[0]).toMatchObject({
      method: 'onchain',
      amount: '30',
      late: false,
    })
    expect((await paymentOf(first)).invoice_id).toBe(older.id)

    // 90 more: the older invoice takes what it needs and the rest is credit (the newer one uses it on send).
    await f.payToken(f.usdt, stable, usdt(90))
    await scan()
    await settle()
    expect(await invoice(older.id)).toMatchObject({ status: 'overpaid', amountPaid: '120.00' })
    const billing = await t.request('GET', `/api/v1/customers/${customer.id}/billing`, { as: owner })
    expect(billing.body.credit).toEqual([{ currency: 'USD', amount: '20.00' }])

    // The merchant turns it off: the next payment pays no invoice.
    const off = await t.request('PATCH', '/api/v1/invoice-settings', {
      as: owner,
      body: { applyStablePayments: false },
    })
    expect(off.status).toBe(200)
    expect(off.body.applyStablePayments).toBe(false)
    const plain = await f.payToken(f.usdt, stable, usdt(10))
    await scan()
    await settle()
    expect((await paymentOf(plain)).invoice_id).toBeNull()
    expect(await invoice(newer.id)).toMatchObject({ status: 'open', amountPaid: '0.00' })
    const profile = await t.request('GET', `/api/v1/customers/${customer.id}`, { as: owner })
    expect(profile.body).toMatchObject({ lifetimeValue: '135', paymentCount: 4 })
    const on = await t.request('PATCH', '/api/v1/invoice-settings', {
      as: owner,
      body: { applyStablePayments: true },
    })
    expect(on.body.applyStablePayments).toBe(true)
  })
})
