import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publicKeyAt } from '../../chain-watchers/src/derive/account-keys.fixture.js'
import { type EvmFixture, evmFixture } from '../../chain-watchers/test/evm/fixture.js'
import { createTestApp, type Session, type TestApp } from './harness.js'

// A payment link paid on a real chain. The payments stay in anvil's mempool (automine off) and are verified
// by hash, as in payment-methods.evm.test.ts: no block, so the confirmation passes of other test files on
// the same network and PostgreSQL database never look at them, and this file scans nothing.

let f: EvmFixture
let t: TestApp
let owner: Session
type Address = `0x${string}`
type Hash = `0x${string}`
const ETH = { asset: 'ETH', network: 'ethereum' }

beforeAll(async () => {
  f = await evmFixture()
  t = await createTestApp({ env: { ETHEREUM_CONFIRMATIONS: '3' }, adapters: { ethereum: f.adapter } })
  owner = await t.signup({ merchantName: 'Link on chain' })
  // An account key no other test file uses: an address is watched for one merchant only.
  const wallet = await t.request('PUT', '/api/v1/wallets/ethereum', {
    as: owner,
    body: { xpub: publicKeyAt("m/44'/60'/73'") },
  })
  expect(wallet.status).toBe(200)
  await f.anvil.rpc('evm_setAutomine', [false])
})
afterAll(async () => {
  await t?.close()
  await f?.stop()
})

async function createLink(title: string) {
  const res = await t.request('POST', '/api/v1/payment-links', {
    as: owner,
    body: { title, amount: '20', currency: 'USD', accepts: [ETH], collect: ['name', 'email'] },
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body
}

/** What the payer's page does: answer, pick ETH, and read the quote. */
async function checkout(slug: string, answers: { name: string; email: string }) {
  const session = await t.request('POST', `/api/v1/public/payment-links/${slug}/sessions`, { body: answers })
  expect(session.status, JSON.stringify(session.body)).toBe(201)
  const quote = await t.request('POST', `/api/v1/public/payment-link-sessions/${session.body.token}/quote`, {
    body: ETH,
  })
  expect(quote.status, JSON.stringify(quote.body)).toBe(201)
  return { token: session.body.token as string, quote: quote.body }
}

async function verify(hash: Hash) {
  const res = await t.request('POST', '/api/v1/payments/verify', {
    as: owner,
    body: { network: 'ethereum', txHash: hash },
  })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  expect(res.body.data).toHaveLength(1)
  return res.body.data[0]
}

async function customersWithEmail(email: string) {
  const res = await t.request('GET', `/api/v1/customers?q=${encodeURIComponent(email)}`, { as: owner })
  expect(res.status).toBe(200)
  return res.body.data as { id: string; email: string }[]
}

describe('payment links paid on chain (anvil)', () => {
  it('the first payment creates a customer with source payment_link; the same email in another case matches it', async () => {
    const link = await createLink('Conference pass')
    const grace = await checkout(link.slug, { name: 'Grace Hopper', email: 'Grace.Hopper@Navy.test' })
    // 20 USD at 4000 USD per ETH.
    expect(grace.quote).toMatchObject({ amount: '0.005', fiatAmount: '20.00' })
    expect(await customersWithEmail('grace.hopper@navy.test')).toEqual([])

    const firstHash = await f.otherPayer(3).payNative(grace.quote.address as Address, '0.005')
    const first = await verify(firstHash)
    expect(first).toMatchObject({ asset: 'ETH', amount: '0.005', status: 'pending' })
    expect(first.customerId).toEqual(expect.any(String))

    const profile = await t.request('GET', `/api/v1/customers/${first.customerId}`, { as: owner })
    expect(profile.status).toBe(200)
    expect(profile.body).toMatchObject({
      name: 'Grace Hopper',
      email: 'Grace.Hopper@Navy.test',
      source: 'payment_link',
    })
    const state = await t.request('GET', `/api/v1/public/payment-link-sessions/${grace.token}`)
    expect(state.body).toMatchObject({
      status: 'seen',
      payments: [{ asset: 'ETH', amount: '0.005', txHash: firstHash, status: 'pending' }],
    })
    // Seen again (scan after verify, a retried job): the same payment, no second profile.
    expect((await verify(firstHash)).id).toBe(first.id)
    expect(await customersWithEmail('grace.hopper@navy.test')).toHaveLength(1)

    // Another link, the same payer typing her email in another case: her profile, not a new one.
    const other = await createLink('Workshop add-on')
    const again = await checkout(other.slug, { name: 'G. Hopper', email: 'GRACE.HOPPER@navy.TEST' })
    expect(again.quote.address).not.toBe(grace.quote.address)
    const second = await verify(await f.otherPayer(3).payNative(again.quote.address as Address, '0.005'))
    expect(second.customerId).toBe(first.customerId)
    expect(await customersWithEmail('grace.hopper@navy.test')).toHaveLength(1)
    const kept = await t.request('GET', `/api/v1/customers/${first.customerId}`, { as: owner })
    expect(kept.body).toMatchObject({ name: 'Grace Hopper', source: 'payment_link' })

    const firstUses = await t.request('GET', `/api/v1/payment-links/${link.id}/uses`, { as: owner })
    expect(firstUses.body.data).toEqual([
      expect.objectContaining({
        customerId: first.customerId,
        customerMatched: false,
        name: 'Grace Hopper',
        email: 'Grace.Hopper@Navy.test',
        amount: '20.00',
        payments: [
          expect.objectContaining({ id: first.id, asset: 'ETH', amount: '0.005', status: 'pending' }),
        ],
      }),
    ])
    const secondUses = await t.request('GET', `/api/v1/payment-links/${other.id}/uses`, { as: owner })
    expect(secondUses.body.data).toEqual([
      // The profile's name, not the 'G. Hopper' typed on this page.
      expect.objectContaining({
        customerId: first.customerId,
        customerName: 'Grace Hopper',
        customerMatched: true,
        name: 'G. Hopper',
      }),
    ])
    const got = await t.request('GET', `/api/v1/payment-links/${link.id}`, { as: owner })
    expect(got.body.uses).toBe(1)

    // Her privacy export lists both visits: each link's title, what she typed there, when, and when paid.
    const exported = await t.app.request(`/api/v1/customers/${first.customerId}/privacy-export`, {
      headers: owner.headers,
    })
    expect(exported.status).toBe(200)
    const files = unzipSync(new Uint8Array(await exported.arrayBuffer()))
    const doc = JSON.parse(strFromU8(files['customer.json'] as Uint8Array))
    expect(doc.paymentLinks).toEqual([
      {
        linkTitle: 'Conference pass',
        name: 'Grace Hopper',
        email: 'Grace.Hopper@Navy.test',
        phone: null,
        billingAddress: null,
        amount: '20.00',
        currency: 'USD',
        createdAt: expect.any(String),
        paidAt: expect.any(String),
      },
      expect.objectContaining({
        linkTitle: 'Workshop add-on',
        name: 'G. Hopper',
        email: 'GRACE.HOPPER@navy.TEST',
      }),
    ])
    for (const visit of doc.paymentLinks) {
      expect(Date.parse(visit.paidAt)).toBeGreaterThanOrEqual(Date.parse(visit.createdAt))
    }

    const events = await t.request('GET', '/api/v1/events?limit=100', { as: owner })
    const used = events.body.data.filter((e: { type: string }) => e.type === 'payment_link.used')
    expect(
      used
        .map((e: { data: { object: { customerMatched: boolean } } }) => e.data.object.customerMatched)
        .sort(),
    ).toEqual([false, true])
    const created = events.body.data.filter(
      (e: { type: string; data: { object: { id: string } } }) =>
        e.type === 'customer.created' && e.data.object.id === first.customerId,
    )
    expect(created).toHaveLength(1)
  })

  it('a link’s payment matches a customer the merchant created before, and a payer without email gets a profile of their own', async () => {
    const existing = await t.request('POST', '/api/v1/customers', {
      as: owner,
      body: { name: 'Alan Turing', email: 'alan@bletchley.test' },
    })
    expect(existing.status).toBe(201)
    const link = await createLink('Donation')
    const paid = await checkout(link.slug, { name: 'Alan', email: 'ALAN@Bletchley.test' })
    const payment = await verify(await f.otherPayer(4).payNative(paid.quote.address as Address, '0.005'))
    expect(payment.customerId).toBe(existing.body.id)
    const profile = await t.request('GET', `/api/v1/customers/${existing.body.id}`, { as: owner })
    expect(profile.body).toMatchObject({ name: 'Alan Turing', source: 'manual' })

    const anonymous = await t.request('POST', '/api/v1/payment-links', {
      as: owner,
      body: { title: 'Tip jar', amount: '20', currency: 'USD', accepts: [ETH], collect: [] },
    })
    const session = await t.request('POST', `/api/v1/public/payment-links/${anonymous.body.slug}/sessions`, {
      body: {},
    })
    const quote = await t.request(
      'POST',
      `/api/v1/public/payment-link-sessions/${session.body.token}/quote`,
      {
        body: ETH,
      },
    )
    const tip = await verify(await f.otherPayer(5).payNative(quote.body.address as Address, '0.005'))
    const tipper = await t.request('GET', `/api/v1/customers/${tip.customerId}`, { as: owner })
    expect(tipper.body).toMatchObject({ name: 'Payer of “Tip jar”', email: null, source: 'payment_link' })

    // Erasing the customer erases what they typed on the link's page too; the use stays.
    const erased = await t.request('POST', `/api/v1/customers/${existing.body.id}/erase`, {
      as: owner,
      body: { confirm: true },
    })
    expect(erased.status, JSON.stringify(erased.body)).toBeLessThan(300)
    const uses = await t.request('GET', `/api/v1/payment-links/${link.id}/uses`, { as: owner })
    expect(uses.body.data).toEqual([
      expect.objectContaining({ customerId: existing.body.id, name: null, email: null }),
    ])
  })
})
