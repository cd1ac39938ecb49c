import { deriveBitcoinAddress, formatUnits } from '@coinbook/chain-watchers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publicKeyAt } from '../../chain-watchers/src/derive/account-keys.fixture.js'
import { customerAddresses } from '../../chain-watchers/test/bitcoin/fixtures.js'
import { type BitcoinHarness, startBitcoinHarness } from '../../chain-watchers/test/bitcoin/harness.js'
import { confirmPayments } from '../src/modules/payments/services/confirm.js'
import { scanNetwork } from '../src/modules/payments/services/scan.js'
import { createTestApp, type Session, type TestApp } from './harness.js'

// The merchant's BIP84 account key on regtest (the BIP84 test mnemonic), as a wallet exports it: one
// account per backend, since both suites may share one database and an address belongs to one merchant.
describe.each([
  ['esplora', 0],
  ['core', 1],
] as const)('Bitcoin payments end to end (%s backend)', (backend, account) => {
  const vpub = publicKeyAt(`m/84'/1'/${account}'`, 'vpub')
  const expected = (count: number) =>
    Array.from(
      { length: count },
      (_, index) => deriveBitcoinAddress({ xpub: vpub, index, mode: 'regtest' }).address,
    )
  let h: BitcoinHarness
  let t: TestApp
  let owner: Session
  let customerId: string
  let address: string

  beforeAll(async () => {
    h = await startBitcoinHarness(backend, { config: { confirmations: 2 } })
    t = await createTestApp({ env: { BITCOIN_CONFIRMATIONS: '2' }, adapters: { bitcoin: h.adapter } })
    owner = await t.signup()
  })
  afterAll(async () => {
    await t.close()
    await h.close()
  })

  const scan = async () =>
    scanNetwork({
      db: t.db,
      adapter: h.adapter,
      watch: await t.core.chains.watchSet(t.db, 'bitcoin'),
      ingest: { rates: t.core.rates, mode: 'regtest', confirmationsFor: () => 2 },
      startAt: 100n,
    })
  const confirm = () => confirmPayments({ db: t.db, adapter: h.adapter, required: 2 })
  const customer = async () => (await t.request('GET', `/api/v1/customers/${customerId}`, { as: owner })).body

  it('derives BIP84 deposit addresses from a vpub, with a BIP21 URI', async () => {
    const wallet = await t.request('PUT', '/api/v1/wallets/bitcoin', { as: owner, body: { xpub: vpub } })
    expect(wallet.status).toBe(200)
    expect(wallet.body.scheme).toBe('bip84')
    expect(wallet.body.firstAddresses.map((a: { address: string }) => a.address)).toEqual(expected(3))
    if (account === 0) expect(expected(3)).toEqual(customerAddresses('bip84', 3))

    customerId = (await t.request('POST', '/api/v1/customers', { as: owner, body: { name: 'Satoshi' } })).body
      .id
    const target = await t.request('POST', `/api/v1/customers/${customerId}/deposit-targets`, {
      as: owner,
      body: { asset: 'BTC', network: 'bitcoin', amount: '0.001' },
    })
    expect(target.status).toBe(200)
    address = target.body.address
    expect(address).toBe(expected(1)[0])
    expect(target.body.uri).toBe(`bitcoin:${address}?amount=0.001`)
  })

  it('sees a payment in the mempool by hash, then in a block by scan, and confirms it', async () => {
    const tx = h.wallet.pay([{ address, value: 100_000n }])
    const pending = await t.request('POST', '/api/v1/payments/verify', {
      as: owner,
      body: { network: 'bitcoin', txHash: tx.getId() },
    })
    expect(pending.status).toBe(200)
    expect(pending.body.data).toMatchObject([
      { status: 'pending', amount: '0.001', confirmations: 0, blockNumber: null },
    ])

    h.chain.mine(1)
    const run = await scan()
    expect(run?.payments).toHaveLength(1)
    expect(run?.payments[0]?.created).toBe(false)
    expect((await customer()).lifetimeValue).toBe('0')

    h.chain.mine(1)
    await confirm()
    expect(await customer()).toMatchObject({ lifetimeValue: '100', paymentCount: 1 })
  })

  it('gives back a confirmed payment that a reorg leaves out, and counts it again when it is mined anew', async () => {
    const tx = h.wallet.pay([{ address, value: 50_000n }])
    h.chain.mine(2)
    await scan()
    const listed = async () =>
      (await t.request('GET', `/api/v1/customers/${customerId}/payments`, { as: owner })).body.data.find(
        (p: { txHash: string }) => p.txHash === tx.getId(),
      )
    // A scan reads raw blocks, whose inputs carry no amounts: the fee is not known yet.
    expect(await listed()).toMatchObject({ networkFee: null, networkFeeAsset: 'BTC' })
    await confirm()
    expect(await customer()).toMatchObject({ lifetimeValue: '150', paymentCount: 2 })
    // Found by the scan alone (never verified), the payment shows the fee its sender paid once the
    // confirmation job has read it.
    const spent = tx.ins.reduce(
      (sum, i) => sum + h.chain.knownTx(Buffer.from(i.hash).reverse().toString('hex'))!.outs[i.index]!.value,
      0n,
    )
    const fee = spent - tx.outs.reduce((sum, o) => sum + o.value, 0n)
    expect(fee).toBeGreaterThan(0n)
    expect(await listed()).toMatchObject({ networkFee: formatUnits(fee, 8), networkFeeAsset: 'BTC' })

    // A competing branch of 3 blocks replaces the last 2 and leaves the payment in the mempool.
    h.chain.reorg(2, { exclude: [tx.getId()] })
    const reversed = await confirm()
    expect(reversed.reorged).toBe(1)
    expect(await customer()).toMatchObject({ lifetimeValue: '100', paymentCount: 1 })

    // Mined again: the same (txid, vout) comes back to life, counted once.
    h.chain.mine(2)
    await scan()
    await confirm()
    expect(await customer()).toMatchObject({ lifetimeValue: '150', paymentCount: 2 })
    const list = await t.request('GET', `/api/v1/customers/${customerId}/payments`, { as: owner })
    expect(list.body.data.filter((p: { txHash: string }) => p.txHash === tx.getId())).toHaveLength(1)
  })
})
