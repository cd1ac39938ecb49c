import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTonHarness, type TonHarness } from '../../chain-watchers/test/ton/harness.js'
import { fund, TestWallet } from '../../chain-watchers/test/ton/wallets.js'
import { chainScanJob } from '../src/jobs/definitions/chain-scan.js'
import { createTestApp, type Session, type TestApp } from './harness.js'

// TON into the merchant's one wallet, told apart by comment codes: @ton/sandbox runs real wallet
// contracts and a local toncenter serves what they did.
let h: TonHarness
let t: TestApp
let owner: Session
let payer: TestWallet

beforeAll(async () => {
  h = await startTonHarness()
  t = await createTestApp({ adapters: { ton: h.adapter } })
  owner = await t.signup()
  // The merchant wallet was funded and deployed before the merchant connected it: that is not a payment.
  const res = await t.request('PUT', '/api/v1/wallets/ton', {
    as: owner,
    body: { address: h.merchant.friendly({ bounceable: false, testOnly: true }) },
  })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  // From here on the test chain's clock is today's, like the payments a connected wallet receives.
  h.chain.blockchain.now = Math.floor(Date.now() / 1000)
  payer = new TestWallet(h.chain, 'customer', 'v5r1')
  await fund(h.chain, payer.address, 1_000_000_000_000n)
})
afterAll(async () => {
  await t.close()
  await h.close()
})

const scan = () => chainScanJob('ton', 1000).handler({}, t.core)

async function customer(name: string) {
  const res = await t.request('POST', '/api/v1/customers', { as: owner, body: { name } })
  return res.body.id as string
}

async function comment(customerId: string) {
  const res = await t.request('POST', `/api/v1/customers/${customerId}/deposit-targets`, {
    as: owner,
    body: { asset: 'TON', network: 'ton' },
  })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body.memo as string
}

async function payments(query = '') {
  const res = await t.request('GET', `/api/v1/payments?network=ton${query}`, { as: owner })
  expect(res.status).toBe(200)
  return res.body.data as {
    id: string
    txHash: string
    amount: string
    status: string
    memo: string | null
    customerId: string | null
    customerName: string | null
  }[]
}

async function ltv(customerId: string) {
  const res = await t.request('GET', `/api/v1/customers/${customerId}`, { as: owner })
  return { value: res.body.lifetimeValue as string, count: res.body.paymentCount as number }
}

const hex = (hash: Buffer) => hash.toString('hex')

describe('TON payments end to end on a local toncenter', () => {
  let carol: string
  let dave: string

  it('finds a payment by its comment code when the scan job pages the wallet, once', async () => {
    carol = await customer('Carol')
    dave = await customer('Dave')
    const code = await comment(carol)
    const paid = await payer.pay(h.merchant.address, 2_500_000_000n, code)
    await scan()
    await scan()
    expect(await payments()).toEqual([
      expect.objectContaining({
        txHash: hex(paid.received!.hash()),
        amount: '2.5',
        memo: code,
        status: 'confirmed',
        customerName: 'Carol',
      }),
    ])
    // Lifetime value is in the reporting currency: the fixed test rate is 5 USD per TON.
    expect(await ltv(carol)).toEqual({ value: '12.5', count: 1 })
  })

  it('matches a comment typed by hand: lower case, spaces, look-alike letters', async () => {
    const code = await comment(dave)
    const typed = ` ${code.toLowerCase().replace(/1/g, 'l').replace(/0/g, 'o')} `
    const paid = await payer.pay(h.merchant.address, 1_000_000_000n, typed)
    await scan()
    const [found] = (await payments()).filter((p) => p.txHash === hex(paid.received!.hash()))
    expect(found).toMatchObject({ customerId: dave, amount: '1' })
  })

  it('verifies a payment by its hash in any form, and a second verify changes nothing', async () => {
    const code = await comment(carol)
    const paid = await payer.pay(h.merchant.address, 750_000_000n, code)
    const hash = paid.received!.hash()
    const first = await t.request('POST', '/api/v1/payments/verify', {
      as: owner,
      body: { network: 'ton', txHash: hash.toString('base64') },
    })
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    expect(first.body.data).toEqual([
      expect.objectContaining({ customerId: carol, amount: '0.75', created: true, status: 'confirmed' }),
    ])
    const again = await t.request('POST', '/api/v1/payments/verify', {
      as: owner,
      body: { network: 'ton', txHash: hex(hash) },
    })
    expect(again.body.data).toEqual([expect.objectContaining({ id: first.body.data[0].id, created: false })])
    await scan()
    expect((await payments()).filter((p) => p.txHash === hex(hash))).toHaveLength(1)
    expect(await ltv(carol)).toEqual({ value: '16.25', count: 2 })
  })

  it('does not find a transaction of another wallet, nor an unknown hash, for this merchant', async () => {
    const stranger = new TestWallet(h.chain, 'stranger', 'v4')
    const elsewhere = await payer.pay(stranger.address, 1_000_000_000n, await comment(carol))
    const res = await t.request('POST', '/api/v1/payments/verify', {
      as: owner,
      body: { network: 'ton', txHash: hex(elsewhere.received!.hash()) },
    })
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    const bad = await t.request('POST', '/api/v1/payments/verify', {
      as: owner,
      body: { network: 'ton', txHash: 'not-a-hash' },
    })
    expect(bad.status).toBe(400)
  })

  it('records a payment without a known comment as unattributed, to assign to a customer', async () => {
    const none = await payer.pay(h.merchant.address, 4_000_000_000n)
    const unknown = await payer.pay(h.merchant.address, 5_000_000_000n, 'invoice 42')
    await scan()
    const open = await payments('&attribution=unattributed')
    expect(open.map((p) => [p.txHash, p.amount, p.memo])).toEqual([
      [hex(unknown.received!.hash()), '5', 'invoice 42'],
      [hex(none.received!.hash()), '4', null],
    ])
    const assign = await t.request('POST', `/api/v1/payments/${open[1]!.id}/assign`, {
      as: owner,
      body: { customerId: dave },
    })
    expect(assign.status, JSON.stringify(assign.body)).toBe(200)
    expect(await ltv(dave)).toEqual({ value: '25', count: 2 })
    // The funding that deployed the wallet, before it was connected, is not among the payments.
    const { count } = await t.db
      .selectFrom('payments')
      .select(sql<number>`count(*)::int`.as('count'))
      .where('network', '=', 'ton')
      .executeTakeFirstOrThrow()
    expect(count).toBe(5)
  })
})
