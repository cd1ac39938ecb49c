import { formatUnits } from '@coinbook/chain-watchers'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publicKeyAt } from '../../chain-watchers/src/derive/account-keys.fixture.js'
import { customerAddress, type EvmFixture, evmFixture } from '../../chain-watchers/test/evm/fixture.js'
import { chainConfirmJob, chainScanJob } from '../src/jobs/definitions/chain-scan.js'
import { confirmPayments } from '../src/modules/payments/services/confirm.js'
import { scanNetwork } from '../src/modules/payments/services/scan.js'
import { createTestApp, type Session, type TestApp } from './harness.js'

// The merchant's wallet is the BIP39 test mnemonic; the server only ever sees its account xpub.
const accountXpub = publicKeyAt("m/44'/60'/0'")

let f: EvmFixture
let t: TestApp
let owner: Session

beforeAll(async () => {
  f = await evmFixture()
  t = await createTestApp({
    env: { ETHEREUM_CONFIRMATIONS: '3', ETHEREUM_TOKENS: `USDT:${f.usdt}:6,USDC:${f.usdc}:18` },
    adapters: { ethereum: f.adapter },
  })
  owner = await t.signup()
})
afterAll(async () => {
  await t.close()
  await f.stop()
})

async function customer(name: string) {
  const res = await t.request('POST', '/api/v1/customers', { as: owner, body: { name } })
  expect(res.status).toBe(201)
  return res.body.id as string
}

async function depositAddress(customerId: string, body: Record<string, unknown> = {}) {
  const res = await t.request('POST', `/api/v1/customers/${customerId}/deposit-targets`, {
    as: owner,
    body: { asset: 'ETH', network: 'ethereum', ...body },
  })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body
}

async function ltv(customerId: string) {
  const res = await t.request('GET', `/api/v1/customers/${customerId}`, { as: owner })
  return { value: res.body.lifetimeValue as string, count: res.body.paymentCount as number }
}

function scan() {
  return scanNetwork({
    db: t.db,
    adapter: f.adapter,
    watch: { has: () => true },
    ingest: { rates: t.core.rates, mode: 'regtest', confirmationsFor: () => 3 },
    startAt: 1n,
  })
}

describe('EVM payments end to end on anvil', () => {
  let alice: string
  let bob: string

  it('shows the first addresses of a pasted xpub, matching the wallet', async () => {
    const res = await t.request('PUT', '/api/v1/wallets/ethereum', { as: owner, body: { xpub: accountXpub } })
    expect(res.status).toBe(200)
    expect(res.body.firstAddresses.map((a: { address: string }) => a.address)).toEqual([
      customerAddress(0),
      customerAddress(1),
      customerAddress(2),
    ])
    expect(res.body.firstAddresses[0].path).toBe("m/44'/60'/0'/0/0")
  })

  it('refuses a private key, naming the field', async () => {
    const res = await t.request('PUT', '/api/v1/wallets/ethereum', {
      as: owner,
      body: {
        xpub: 'xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi',
      },
    })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].path).toBe('xpub')
  })

  it('gives each customer a stable address, a new one only when asked, never one index twice', async () => {
    alice = await customer('Alice')
    bob = await customer('Bob')
    const a1 = await depositAddress(alice)
    const a2 = await depositAddress(alice)
    const b1 = await depositAddress(bob, { asset: 'USDT' })
    expect(a1.address).toBe(customerAddress(0))
    expect(a2.address).toBe(a1.address)
    expect(b1.address).toBe(customerAddress(1))
    expect(b1.uri.toLowerCase()).toBe(
      `ethereum:${f.usdt}@31337/transfer?address=${customerAddress(1)}`.toLowerCase(),
    )
    expect(a1.uri).toBe(`ethereum:${customerAddress(0)}@31337`)
    expect(a1.qrSvg).toMatch(/^<svg/)
    const fresh = await depositAddress(alice, { fresh: true })
    expect(fresh.address).toBe(customerAddress(2))
    expect(fresh.derivationPath).toBe("m/44'/60'/0'/0/2")
  })

  it('allocates no index twice under 20 concurrent requests', async () => {
    const ids = await Promise.all(Array.from({ length: 5 }, (_, i) => customer(`Concurrent ${i}`)))
    const results = await Promise.all(
      ids.flatMap((id) =>
        [0, 1, 2, 3].map(() =>
          t.request('POST', `/api/v1/customers/${id}/deposit-targets`, {
            as: owner,
            body: { asset: 'ETH', network: 'ethereum', fresh: true },
          }),
        ),
      ),
    )
    expect(results.every((r) => r.status === 200)).toBe(true)
    const addresses = results.map((r) => r.body.address)
    expect(new Set(addresses).size).toBe(20)
  })

  it('records a payment verified by hash once, however often it is verified', async () => {
    const hash = await f.payNative(customerAddress(0), '0.5')
    await f.blockOf(hash)
    const first = await t.request('POST', '/api/v1/payments/verify', {
      as: owner,
      body: { network: 'ethereum', txHash: hash },
    })
    expect(first.status).toBe(200)
    expect(first.body.data).toHaveLength(1)
    expect(first.body.data[0]).toMatchObject({
      customerId: alice,
      customerName: 'Alice',
      asset: 'ETH',
      amount: '0.5',
      fiatValue: '2000',
      status: 'pending',
      confirmations: 1,
      requiredConfirmations: 3,
      created: true,
    })
    // Found by Alice's own address; the network fee is what the payer's balance lost beyond the value.
    const fee = (await f.payerSpentIn(hash)) - 500_000_000_000_000_000n
    expect(fee).toBeGreaterThan(0n)
    expect(first.body.data[0]).toMatchObject({
      matchedBy: 'address',
      networkFee: formatUnits(fee, 18),
      networkFeeAsset: 'ETH',
    })
    const again = await t.request('POST', '/api/v1/payments/verify', {
      as: owner,
      body: { network: 'ethereum', txHash: hash },
    })
    expect(again.body.data[0]).toMatchObject({ id: first.body.data[0].id, created: false })
    const list = await t.request('GET', `/api/v1/customers/${alice}/payments`, { as: owner })
    expect(list.body.data).toHaveLength(1)
    expect(list.body.data[0].customerName).toBe('Alice')
  })

  it('answers an unknown hash with 404 and a malformed one with 400', async () => {
    const unknown = await t.request('POST', '/api/v1/payments/verify', {
      as: owner,
      body: { network: 'ethereum', txHash: `0x${'12'.repeat(32)}` },
    })
    expect(unknown.status).toBe(404)
    const malformed = await t.request('POST', '/api/v1/payments/verify', {
      as: owner,
      body: { network: 'ethereum', txHash: 'nope' },
    })
    expect(malformed.status).toBe(400)
    expect(malformed.body.errors[0].path).toBe('txHash')
  })

  it('finds token payments by scanning, confirms them, and the lifetime value follows', async () => {
    await f.payToken(f.usdt, customerAddress(1), 25_000_000n)
    await f.batchPay(f.usdt, [
      [customerAddress(1), 5_000_000n],
      [customerAddress(9), 1_000_000n], // not a customer of ours
    ])
    const run = await scan()
    expect(run?.payments.length).toBeGreaterThanOrEqual(3)
    const again = await scan()
    expect(again?.payments ?? []).toHaveLength(0)

    expect(await ltv(bob)).toEqual({ value: '0', count: 0 })
    await f.mine(3)
    const confirmed = await confirmPayments({ db: t.db, adapter: f.adapter, required: 3 })
    expect(confirmed.confirmed).toBe(3)
    expect(await ltv(bob)).toEqual({ value: '30', count: 2 })
    expect(await ltv(alice)).toEqual({ value: '2000', count: 1 })

    const sorted = await t.request('GET', '/api/v1/customers?sort=-lifetimeValue', { as: owner })
    expect(sorted.body.data.slice(0, 2).map((c: { id: string }) => c.id)).toEqual([alice, bob])
  })

  it('reverses a confirmed payment whose block is reorged away, and rescans the new branch', async () => {
    const hash = await f.payNative(customerAddress(0), '1')
    await f.blockOf(hash)
    await scan()
    await f.mine(3)
    await confirmPayments({ db: t.db, adapter: f.adapter, required: 3 })
    expect(await ltv(alice)).toEqual({ value: '6000', count: 2 })

    // Replace the last 5 blocks (the payment's included) with empty ones.
    await f.anvil.rpc('anvil_reorg', [5, []])
    const result = await confirmPayments({ db: t.db, adapter: f.adapter, required: 3 })
    expect(result.reorged).toBe(1)
    expect(await ltv(alice)).toEqual({ value: '2000', count: 1 })
    const payments = await t.request('GET', '/api/v1/payments?status=reorged', { as: owner })
    expect(payments.body.data.map((p: { txHash: string }) => p.txHash)).toEqual([hash])

    // The scan notices its cursor block is gone and resumes from a checkpoint still on the chain.
    await f.mine(1)
    const resumed = await scan()
    expect(resumed?.rewound).toBeGreaterThan(0)
  })

  it('runs the scan and confirm jobs for a configured network', async () => {
    const hash = await f.payToken(f.usdt, customerAddress(1), 1_000_000n)
    await f.blockOf(hash)
    await chainScanJob('ethereum', 1000).handler({}, t.core)
    await f.mine(3)
    await chainConfirmJob('ethereum', 1000).handler({}, t.core)
    expect(await ltv(bob)).toEqual({ value: '31', count: 3 })
  })

  it('skips addresses already watched and refuses a key another merchant uses', async () => {
    // Connect another key, then the first one again: its next indexes must not collide with old targets.
    await t.request('PUT', '/api/v1/wallets/ethereum', {
      as: owner,
      body: { xpub: publicKeyAt("m/44'/60'/5'") },
    })
    await t.request('PUT', '/api/v1/wallets/ethereum', { as: owner, body: { xpub: accountXpub } })
    const again = await depositAddress(alice, { fresh: true })
    expect(again.derivationPath).not.toBe("m/44'/60'/0'/0/0")
    const owned = await t.db
      .selectFrom('deposit_targets')
      .select('address')
      .where('merchant_id', '=', owner.merchantId)
      .execute()
    expect(new Set(owned.map((r) => r.address)).size).toBe(owned.length)

    const copycat = await t.signup()
    await t.request('PUT', '/api/v1/wallets/ethereum', { as: copycat, body: { xpub: accountXpub } })
    const theirCustomer = (await t.request('POST', '/api/v1/customers', { as: copycat, body: { name: 'X' } }))
      .body.id
    const res = await t.request('POST', `/api/v1/customers/${theirCustomer}/deposit-targets`, {
      as: copycat,
      body: { asset: 'ETH', network: 'ethereum' },
    })
    expect(res.status).toBe(409)
    expect(res.body.detail).toMatch(/another Coinbook account/)
  })

  it('never shows one merchant the payments of another', async () => {
    const other = await t.signup()
    const list = await t.request('GET', '/api/v1/payments', { as: other })
    expect(list.body.data).toEqual([])
    const hash = (await t.request('GET', '/api/v1/payments', { as: owner })).body.data[0].txHash
    const verify = await t.request('POST', '/api/v1/payments/verify', {
      as: other,
      body: { network: 'ethereum', txHash: hash },
    })
    expect(verify.body.data).toEqual([])
    const targets = await t.request('GET', `/api/v1/customers/${alice}/deposit-targets`, { as: other })
    expect(targets.status).toBe(404)
    const theirs = await t.request('GET', `/api/v1/customers/${alice}/payments`, { as: other })
    expect(theirs.status).toBe(404)
    const allocate = await t.request('POST', `/api/v1/customers/${alice}/deposit-targets`, {
      as: other,
      body: { asset: 'ETH', network: 'ethereum' },
    })
    expect(allocate.status).toBe(404)
  })

  it('renumbers a token payment recorded by receipt position, so verify and a rescan find it', async () => {
    const dave = await customer('Dave')
    const { address } = await depositAddress(dave, { asset: 'USDT' })
    // A Memo log comes before the Transfer: position 1 in the receipt (eventIndex 2 the old way), ordinal 0.
    const hash = await f.transferWithMemo(f.usdt, address, 4_000_000n)
    await f.blockOf(hash)
    const verify = () =>
      t.request('POST', '/api/v1/payments/verify', { as: owner, body: { network: 'ethereum', txHash: hash } })
    const first = await verify()
    expect(first.body.data).toEqual([expect.objectContaining({ eventIndex: 1, created: true })])
    const id = first.body.data[0].id

    // As migration 0028 leaves a payment recorded before: its old number, listed for renumbering.
    const makeLegacy = async () => {
      await t.db.updateTable('payments').set({ event_index: 2 }).where('id', '=', id).execute()
      await sql`insert into evm_event_renumbering (payment_id, network, tx_hash)
        values (${id}, 'ethereum', ${hash})`.execute(t.db)
    }
    const listed = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from evm_event_renumbering`.execute(t.db)).rows[0]
        ?.n

    await makeLegacy()
    const again = await verify()
    expect(again.body.data).toEqual([expect.objectContaining({ id, eventIndex: 1, created: false })])
    expect(await listed()).toBe(0)

    await makeLegacy()
    await scan()
    expect(await listed()).toBe(0)
    const list = await t.request('GET', `/api/v1/customers/${dave}/payments`, { as: owner })
    expect(list.body.data).toEqual([expect.objectContaining({ id, eventIndex: 1, amount: '4' })])
  })

  it('fills in the network fee of a scanned token payment when confirming it', async () => {
    const erin = await customer('Erin')
    const { address } = await depositAddress(erin, { asset: 'USDT' })
    const hash = await f.payToken(f.usdt, address, 2_000_000n)
    await f.blockOf(hash)
    await scan()
    const payments = () => t.request('GET', `/api/v1/customers/${erin}/payments`, { as: owner })
    // The scan read the log, not the receipt: no fee yet.
    expect((await payments()).body.data).toEqual([
      expect.objectContaining({ txHash: hash, networkFee: null }),
    ])
    await confirmPayments({ db: t.db, adapter: f.adapter, required: 3 })
    expect((await payments()).body.data).toEqual([
      expect.objectContaining({ txHash: hash, networkFee: formatUnits(await f.payerSpentIn(hash), 18) }),
    ])
  })
})

describe('a crash between writing payments and moving the cursor', () => {
  it('loses nothing and counts nothing twice when the scan runs again', async () => {
    const { CrashingPlugin } = await import('./crash-plugin.js')
    const owner2 = await t.signup()
    const id = (await t.request('POST', '/api/v1/customers', { as: owner2, body: { name: 'Crash' } })).body.id
    await t.request('PUT', '/api/v1/wallets/ethereum', {
      as: owner2,
      body: { xpub: publicKeyAt("m/44'/60'/1'") },
    })
    const target = await t.request('POST', `/api/v1/customers/${id}/deposit-targets`, {
      as: owner2,
      body: { asset: 'USDT', network: 'ethereum' },
    })
    const hash = await f.payToken(f.usdt, target.body.address, 7_000_000n)
    await f.blockOf(hash)

    // The process "dies" when it moves the cursor: the transaction with the payment rolls back too.
    const plugin = new CrashingPlugin('chain_cursors', 'block_number')
    const crashing = t.db.withPlugin(plugin)
    const opts = {
      adapter: f.adapter,
      watch: { has: () => true },
      ingest: { rates: t.core.rates, mode: 'regtest' as const, confirmationsFor: () => 3 },
      startAt: 1n,
    }
    await expect(scanNetwork({ ...opts, db: crashing })).rejects.toThrow(/simulated crash/)
    expect(plugin.seen).toContain('raw: insert into payments') // the payment was written before the crash
    const none = await t.request('GET', `/api/v1/customers/${id}/payments`, { as: owner2 })
    expect(none.body.data).toHaveLength(0)

    // Restarted, it reads the same blocks again: one payment, counted once.
    await scanNetwork({ ...opts, db: t.db })
    await scanNetwork({ ...opts, db: t.db })
    await f.mine(3)
    await confirmPayments({ db: t.db, adapter: f.adapter, required: 3 })
    await confirmPayments({ db: t.db, adapter: f.adapter, required: 3 })
    const after = await t.request('GET', `/api/v1/customers/${id}`, { as: owner2 })
    expect(after.body).toMatchObject({ lifetimeValue: '7', paymentCount: 1 })
  })
})

describe('verify without a node', () => {
  it('answers a malformed hash with 400 and a well-formed one with 503 naming the setting', async () => {
    const bare = await createTestApp()
    const s = await bare.signup()
    const malformed = await bare.request('POST', '/api/v1/payments/verify', {
      as: s,
      body: { network: 'bitcoin', txHash: '0x1234' },
    })
    expect(malformed.status).toBe(400)
    expect(malformed.body.errors[0]).toMatchObject({ path: 'txHash' })
    const noNode = await bare.request('POST', '/api/v1/payments/verify', {
      as: s,
      body: { network: 'bitcoin', txHash: 'ab'.repeat(32) },
    })
    expect(noNode.status).toBe(503)
    expect(noNode.body.setting).toBe('BITCOIN_RPC_URLS')
    await bare.close()
  })
})

describe('tokens the deployment configures', () => {
  it('values a payment with the decimals of ETHEREUM_TOKENS, not the registry’s', async () => {
    // This chain's USDC has 18 decimals (the registry's mainnet USDC has 6): 2.5 USDC is 2.5e18 base units.
    const id = await customer('Decimals')
    const target = await depositAddress(id, { asset: 'USDC' })
    const hash = await f.payToken(f.usdc, target.address, 25n * 10n ** 17n)
    await f.blockOf(hash)
    const res = await t.request('POST', '/api/v1/payments/verify', {
      as: owner,
      body: { network: 'ethereum', txHash: hash },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.data).toEqual([expect.objectContaining({ customerId: id, asset: 'USDC', amount: '2.5' })])
  })
})
