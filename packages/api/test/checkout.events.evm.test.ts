import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publicKeyAt } from '../../chain-watchers/src/derive/account-keys.fixture.js'
import { type EvmFixture, evmFixture } from '../../chain-watchers/test/evm/fixture.js'
import { confirmPayments } from '../src/modules/payments/services/confirm.js'
import { scanNetwork } from '../src/modules/payments/services/scan.js'
import { createCustomer } from './factories.js'
import { createTestApp, type Session, type TestApp } from './harness.js'
import { createInvoice, payToken, sendInvoice } from './invoices.js'
import { eventReader } from './sse.js'

// BNB Smart Chain on a local anvil: a network no other test file scans, so its cursor and confirmation
// passes are this file's own on a shared PostgreSQL database; an account key no other file uses.
const network = 'bsc' as const
// USDC: 18 decimals here, as the registry has it on BSC (ingest values a payment by the registry's decimals).
const USDC = { asset: 'USDC', network }

let f: EvmFixture
let t: TestApp
let owner: Session
let adapter: ReturnType<EvmFixture['adapterWith']>

beforeAll(async () => {
  f = await evmFixture()
  adapter = f.adapterWith({ network })
  t = await createTestApp({
    env: { BSC_CONFIRMATIONS: '3', BSC_TOKENS: `USDC:${f.usdc}:18`, RATES_FIXED: 'USDC:USD=1' },
    adapters: { bsc: adapter },
  })
  owner = await t.signup({ merchantName: 'Streamed Chain Goods' })
  const wallet = await t.request('PUT', `/api/v1/wallets/${network}`, {
    as: owner,
    body: { xpub: publicKeyAt("m/44'/60'/25'") },
  })
  expect(wallet.status).toBe(200)
})
afterAll(async () => {
  await t.close()
  await f.stop()
})

const scan = () =>
  scanNetwork({
    db: t.db,
    adapter,
    watch: { has: () => true },
    ingest: { rates: t.core.rates, mode: 'regtest', confirmationsFor: () => 3, clock: t.clock },
    startAt: 1n,
  })

describe('checkout events for a payment on chain (anvil, a real ERC-20)', () => {
  it('shows the payment seen with n of m confirmations, then paid, and ends', async () => {
    const customer = await createCustomer(t, owner)
    const inv = await createInvoice(t, owner, customer.id, { accepts: [USDC] })
    const token = payToken(await sendInvoice(t, owner, inv.id))
    const quote = await t.request('POST', `/api/v1/public/checkout/${token}/quote`, { body: USDC })
    expect(quote.status).toBe(201)

    const res = await t.app.request(`/api/v1/public/checkout/${token}/events`)
    if (!res.body) throw new Error('no body')
    const events = eventReader(res.body)
    expect(JSON.parse((await events.next())?.data ?? '')).toMatchObject({ status: 'open', payments: [] })

    const tx = await f.payToken(f.usdc, quote.body.address, 100n * 10n ** 18n)
    await scan()
    const seen = JSON.parse((await events.next())?.data ?? '')
    expect(seen).toMatchObject({ status: 'open', amountSeen: '100.00', amountDue: '100.00' })
    expect(seen.payments).toEqual([
      {
        asset: 'USDC',
        network,
        amount: '100',
        txHash: tx,
        status: 'seen',
        confirmations: 1,
        requiredConfirmations: 3,
      },
    ])

    await f.mine(2)
    await confirmPayments({ db: t.db, adapter, required: 3 })
    const paid = JSON.parse((await events.next())?.data ?? '')
    expect(paid).toMatchObject({
      status: 'paid',
      amountPaid: '100.00',
      amountDue: '0.00',
      amountSeen: '0.00',
    })
    expect(paid.payments[0]).toMatchObject({ status: 'confirmed', confirmations: 3 })
    // Nothing of the merchant's: no ids, notes, rates or customer.
    expect(Object.keys(paid).sort()).toEqual(
      ['amountDue', 'amountPaid', 'amountSeen', 'currency', 'paidLate', 'payments', 'status', 'total'].sort(),
    )
    expect(await events.next()).toBeNull()
  }, 60_000)
})
