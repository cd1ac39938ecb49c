import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publicKeyAt } from '../../chain-watchers/src/derive/account-keys.fixture.js'
import { type EvmFixture, evmFixture } from '../../chain-watchers/test/evm/fixture.js'
import { createCustomer } from './factories.js'
import { createTestApp, type Session, type TestApp } from './harness.js'

// Recognition by sending wallet on a real chain. The payments stay in anvil's mempool (automine off) and
// are verified by hash: they carry no block, so the confirmation passes other test files run on the same
// network and PostgreSQL database never look at them, and this file scans nothing (no shared cursor).

let f: EvmFixture
let t: TestApp
let owner: Session
type Address = `0x${string}`
type Hash = `0x${string}`
let sharedAddress: Address

beforeAll(async () => {
  f = await evmFixture()
  t = await createTestApp({ env: { ETHEREUM_CONFIRMATIONS: '3' }, adapters: { ethereum: f.adapter } })
  owner = await t.signup({ merchantName: 'Wallet recognition' })
  // An account key no other test file uses: an address is watched for one merchant only.
  const wallet = await t.request('PUT', '/api/v1/wallets/ethereum', {
    as: owner,
    body: { xpub: publicKeyAt("m/44'/60'/33'") },
  })
  expect(wallet.status).toBe(200)
  // The merchant's donation address, given to everyone: fresh each run, since the database is shared.
  sharedAddress = `0x${randomBytes(20).toString('hex')}`
  const shared = await t.request('POST', '/api/v1/wallets/shared-addresses', {
    as: owner,
    body: { network: 'ethereum', address: sharedAddress, label: 'Donations' },
  })
  expect(shared.status, JSON.stringify(shared.body)).toBe(201)
  await f.anvil.rpc('evm_setAutomine', [false])
})
afterAll(async () => {
  await t?.close()
  await f?.stop()
})

/** anvil's funded account i, as a customer's own wallet. */
function payer(i: number) {
  return {
    get address() {
      return f.otherPayer(i).address
    },
    pay: (to: Address, ether: string): Promise<Hash> => f.otherPayer(i).payNative(to, ether),
  }
}

async function depositAddress(customerId: string): Promise<Address> {
  const res = await t.request('POST', `/api/v1/customers/${customerId}/deposit-targets`, {
    as: owner,
    body: { asset: 'ETH', network: 'ethereum' },
  })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body.address
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

async function wallets(customerId: string) {
  const res = await t.request('GET', `/api/v1/customers/${customerId}/wallets`, { as: owner })
  expect(res.status).toBe(200)
  return res.body.data
}

describe('recognition by sending wallet (anvil)', () => {
  const known = payer(1)
  const exchange = payer(2)
  const stranger = payer(3)
  let alice: string
  let bob: string
  let carol: string

  it('learns the wallet a customer paid their own deposit address from', async () => {
    alice = (await createCustomer(t, owner, { name: 'Alice' })).id
    const payment = await verify(await known.pay(await depositAddress(alice), '0.1'))
    expect(payment).toMatchObject({ customerId: alice, matchedBy: 'address', status: 'pending' })
    expect(await wallets(alice)).toEqual([
      expect.objectContaining({
        network: 'ethereum',
        address: known.address.toLowerCase(),
        source: 'learned',
        shared: false,
        paymentCount: 1,
      }),
    ])
  })

  it('attributes a payment from that wallet to the shared address to the customer, matched by sender', async () => {
    const payment = await verify(await known.pay(sharedAddress, '0.2'))
    expect(payment).toMatchObject({
      customerId: alice,
      customerName: 'Alice',
      matchedBy: 'sender',
      to: sharedAddress.toLowerCase(),
      amount: '0.2',
    })
    expect((await wallets(alice))[0]).toMatchObject({ paymentCount: 2, shared: false })
    // Verifying it again changes nothing: one payment, counted once.
    expect(await verify((payment as { txHash: Hash }).txHash)).toMatchObject({
      id: payment.id,
      created: false,
    })
    expect((await wallets(alice))[0].paymentCount).toBe(2)
  })

  it('never recognises a wallet seen for two customers: its payment waits in the inbox', async () => {
    bob = (await createCustomer(t, owner, { name: 'Bob' })).id
    carol = (await createCustomer(t, owner, { name: 'Carol' })).id
    await verify(await exchange.pay(await depositAddress(bob), '0.3'))
    await verify(await exchange.pay(await depositAddress(carol), '0.4'))
    expect(await wallets(bob)).toEqual([expect.objectContaining({ shared: true, paymentCount: 1 })])
    expect(await wallets(carol)).toEqual([expect.objectContaining({ shared: true, paymentCount: 1 })])

    const payment = await verify(await exchange.pay(sharedAddress, '0.5'))
    expect(payment).toMatchObject({ customerId: null, matchedBy: null })
    const inbox = await t.request('GET', '/api/v1/payments?attribution=unattributed', { as: owner })
    expect(inbox.body.data.map((p: { id: string }) => p.id)).toContain(payment.id)

    const assigned = await t.request('POST', `/api/v1/payments/${payment.id}/assign`, {
      as: owner,
      body: { customerId: bob },
    })
    expect(assigned.status).toBe(200)
    expect(assigned.body).toMatchObject({ customerId: bob, matchedBy: 'manual' })
    // Still shared: one more payment for Bob, and it recognises nobody.
    expect(await wallets(bob)).toEqual([expect.objectContaining({ shared: true, paymentCount: 2 })])
  })

  it('leaves an unknown wallet’s payment unattributed; once the merchant adds the wallet, the next one is recognised', async () => {
    const first = await verify(await stranger.pay(sharedAddress, '0.01'))
    expect(first).toMatchObject({ customerId: null, matchedBy: null })

    const added = await t.request('POST', `/api/v1/customers/${carol}/wallets`, {
      as: owner,
      body: { network: 'ethereum', address: stranger.address, label: 'Carol’s MetaMask' },
    })
    expect(added.status).toBe(201)
    const next = await verify(await stranger.pay(sharedAddress, '0.02'))
    expect(next).toMatchObject({ customerId: carol, matchedBy: 'sender' })

    // Carol now has two wallets: the exchange's (shared) and her own.
    const carolWallets = await wallets(carol)
    expect(carolWallets.map((w: { label: string | null; shared: boolean }) => [w.label, w.shared])).toEqual(
      expect.arrayContaining([
        [null, true],
        ['Carol’s MetaMask', false],
      ]),
    )
  })

  it('stops recognising a wallet the merchant removed', async () => {
    const [wallet] = await wallets(alice)
    const removed = await t.request('DELETE', `/api/v1/customers/${alice}/wallets/${wallet.id}`, {
      as: owner,
    })
    expect(removed.status).toBe(204)
    const payment = await verify(await known.pay(sharedAddress, '0.03'))
    expect(payment).toMatchObject({ customerId: null, matchedBy: null })
  })
})
