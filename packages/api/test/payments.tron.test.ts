import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publicKeyAt } from '../../chain-watchers/src/derive/account-keys.fixture.js'
import { customerAddresses, USDT } from '../../chain-watchers/test/tron/fixtures.js'
import { startTronHarness, type TronHarness } from '../../chain-watchers/test/tron/harness.js'
import { chainConfirmJob, chainScanJob } from '../src/jobs/definitions/chain-scan.js'
import { confirmPayments } from '../src/modules/payments/services/confirm.js'
import { scanNetwork } from '../src/modules/payments/services/scan.js'
import { createTestApp, type Session, type TestApp } from './harness.js'

// The merchant's Tron account key (abandon…about, m/44'/195'/0'); the server sees only this xpub.
const accountXpub = publicKeyAt("m/44'/195'/0'")
const [first, second] = customerAddresses(2) as [string, string]

let h: TronHarness
let t: TestApp
let owner: Session

beforeAll(async () => {
  h = await startTronHarness()
  // Regtest has no USDT contract of its own; the local chain runs the mainnet one, which the deployment names.
  t = await createTestApp({ env: { TRON_TOKENS: `USDT:${USDT}:6` }, adapters: { tron: h.adapter } })
  owner = await t.signup()
})
afterAll(async () => {
  await t.close()
  await h.close()
})

async function customer(name: string) {
  const res = await t.request('POST', '/api/v1/customers', { as: owner, body: { name } })
  return res.body.id as string
}

async function ltv(customerId: string) {
  const res = await t.request('GET', `/api/v1/customers/${customerId}`, { as: owner })
  return { value: res.body.lifetimeValue as string, count: res.body.paymentCount as number }
}

function scan() {
  return scanNetwork({
    db: t.db,
    adapter: h.adapter,
    watch: { has: () => true },
    ingest: { rates: t.core.rates, mode: 'regtest', confirmationsFor: () => 19 },
    startAt: 1n,
  })
}

const confirm = () => confirmPayments({ db: t.db, adapter: h.adapter, required: 19 })

describe('Tron payments end to end on a local full node', () => {
  let alice: string
  let bob: string
  let aliceAddress: string

  it('derives customers’ Tron addresses from the account xpub', async () => {
    const wallet = await t.request('PUT', '/api/v1/wallets/tron', { as: owner, body: { xpub: accountXpub } })
    expect(wallet.status, JSON.stringify(wallet.body)).toBe(200)
    expect(wallet.body.firstAddresses[0]).toMatchObject({ address: first, path: "m/44'/195'/0'/0/0" })
    alice = await customer('Alice')
    bob = await customer('Bob')
    const target = await t.request('POST', `/api/v1/customers/${alice}/deposit-targets`, {
      as: owner,
      body: { asset: 'USDT', network: 'tron', amount: '25' },
    })
    expect(target.status, JSON.stringify(target.body)).toBe(200)
    aliceAddress = target.body.address
    expect(aliceAddress).toBe(first)
    expect(target.body.uri).toBe(first)
    const bobs = await t.request('POST', `/api/v1/customers/${bob}/deposit-targets`, {
      as: owner,
      body: { asset: 'TRX', network: 'tron' },
    })
    expect(bobs.body.address).toBe(second)
  })

  it('finds USDT and TRX payments by scanning, once, and confirms them when their block solidifies', async () => {
    await h.payer.transferToken(USDT, aliceAddress, 25_000_000n)
    await h.payer.sendTrx(second, 7_000_000n)
    h.chain.mine(1)
    const run = await scan()
    expect(run?.payments).toHaveLength(2)
    expect((await scan())?.payments ?? []).toHaveLength(0)
    const list = await t.request('GET', '/api/v1/payments?network=tron', { as: owner })
    expect(list.body.data.map((p: { asset: string; amount: string; status: string }) => p)).toEqual([
      expect.objectContaining({ asset: 'TRX', amount: '7', status: 'pending', customerName: 'Bob' }),
      expect.objectContaining({ asset: 'USDT', amount: '25', status: 'pending', customerName: 'Alice' }),
    ])
    expect(await ltv(alice)).toEqual({ value: '0', count: 0 })

    h.chain.mine(17)
    expect((await confirm()).confirmed).toBe(0)
    h.chain.mine(1) // 19 blocks: solidified
    expect((await confirm()).confirmed).toBe(2)
    expect(await ltv(alice)).toEqual({ value: '25', count: 1 })
  })

  it('verifies a payment by its transaction id, and a second verify changes nothing', async () => {
    const tx = await h.payer.transferToken(USDT, aliceAddress, 5_000_000n)
    h.chain.mine(1)
    const first = await t.request('POST', '/api/v1/payments/verify', {
      as: owner,
      body: { network: 'tron', txHash: tx.txID },
    })
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    expect(first.body.data).toEqual([
      expect.objectContaining({
        customerId: alice,
        asset: 'USDT',
        amount: '5',
        created: true,
        status: 'pending',
      }),
    ])
    const again = await t.request('POST', '/api/v1/payments/verify', {
      as: owner,
      body: { network: 'tron', txHash: tx.txID },
    })
    expect(again.body.data).toEqual([expect.objectContaining({ id: first.body.data[0].id, created: false })])
    // The scan reads the same block later: still one payment.
    expect((await scan())?.payments.map((p) => p.created)).toEqual([false])
  })

  it('records a reverted transfer as failed, counting nothing', async () => {
    const tx = await h.payer.transferToken(USDT, aliceAddress, 10n ** 30n)
    h.chain.mine(19)
    await scan()
    const res = await t.request('GET', `/api/v1/payments?network=tron&status=failed`, { as: owner })
    expect(res.body.data.map((p: { txHash: string }) => p.txHash)).toEqual([tx.txID])
    await confirm()
    expect((await ltv(alice)).count).toBe(2)
  })

  it('gives back a payment whose block a fork replaces, through the scan and confirm jobs', async () => {
    const tx = await h.payer.transferToken(USDT, aliceAddress, 3_000_000n)
    h.chain.mine(1)
    await chainScanJob('tron', 1000).handler({}, t.core)
    await chainScanJob('tron', 1000).handler({}, t.core)
    const found = await t.request('GET', `/api/v1/payments?network=tron&status=pending`, { as: owner })
    expect(found.body.data.map((p: { txHash: string }) => p.txHash)).toEqual([tx.txID])
    // A longer branch without the transaction replaces the block before it solidifies.
    h.chain.reorg(1, { exclude: [tx.txID], dropExcluded: true })
    await chainConfirmJob('tron', 1000).handler({}, t.core)
    const gone = await t.request('GET', `/api/v1/payments?network=tron&status=reorged`, { as: owner })
    expect(gone.body.data.map((p: { txHash: string }) => p.txHash)).toEqual([tx.txID])
    h.chain.mine(19)
    await chainConfirmJob('tron', 1000).handler({}, t.core)
    expect((await ltv(alice)).count).toBe(2)
  })
})
