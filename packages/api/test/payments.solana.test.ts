import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publicKey } from '../../chain-watchers/test/solana/cluster.js'
import { type SolanaHarness, startSolanaHarness } from '../../chain-watchers/test/solana/harness.js'
import { chainConfirmJob, chainScanJob } from '../src/jobs/definitions/chain-scan.js'
import { createTestApp, type Session, type TestApp } from './harness.js'
import { createInvoice, sendInvoice } from './invoices.js'

// SOL and USDC into the merchant's one Solana wallet, told apart by Solana Pay references: the local node
// serves transactions that @solana/web3.js signs and LiteSVM executes.
let h: SolanaHarness
let t: TestApp
let owner: Session
let merchantWallet: string

beforeAll(async () => {
  h = await startSolanaHarness()
  // Regtest has no USDC mint of its own: the deployment names the local cluster's.
  t = await createTestApp({
    env: { SOLANA_TOKENS: `USDC:${h.cluster.usdcMint.toBase58()}:6` },
    adapters: { solana: h.adapter },
  })
  owner = await t.signup()
  const merchant = h.cluster.wallet({ sol: 1_000_000n })
  merchantWallet = merchant.publicKey.toBase58()
  const res = await t.request('PUT', '/api/v1/wallets/solana', {
    as: owner,
    body: { address: merchantWallet },
  })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
})
afterAll(async () => {
  await t.close()
  await h.close()
})

const scan = () => chainScanJob('solana', 1000).handler({}, t.core)
const confirm = () => chainConfirmJob('solana', 1000).handler({}, t.core)

async function customer(name: string) {
  const res = await t.request('POST', '/api/v1/customers', { as: owner, body: { name } })
  return res.body.id as string
}

async function reference(customerId: string, asset: 'SOL' | 'USDC') {
  const res = await t.request('POST', `/api/v1/customers/${customerId}/deposit-targets`, {
    as: owner,
    body: { asset, network: 'solana' },
  })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return publicKey(res.body.reference as string)
}

async function payments(query = '') {
  const res = await t.request('GET', `/api/v1/payments?network=solana${query}`, { as: owner })
  expect(res.status).toBe(200)
  return res.body.data as {
    id: string
    txHash: string
    asset: string
    amount: string
    status: string
    customerId: string | null
    customerName: string | null
    reference: string | null
  }[]
}

async function ltv(customerId: string) {
  const res = await t.request('GET', `/api/v1/customers/${customerId}`, { as: owner })
  return { value: res.body.lifetimeValue as string, count: res.body.paymentCount as number }
}

describe('Solana payments end to end on a local node', () => {
  let alice: string
  let bob: string

  it('finds SOL and USDC payments carrying customers’ references by paging the wallet, once', async () => {
    alice = await customer('Alice')
    bob = await customer('Bob')
    const payer = h.cluster.wallet({ usdc: 100_000_000n })
    const sol = h.cluster.landed(
      h.cluster.paySol({
        from: payer,
        to: publicKey(merchantWallet),
        lamports: 1_500_000_000n,
        reference: await reference(alice, 'SOL'),
      }),
    )
    const usdc = h.cluster.landed(
      h.cluster.payUsdc({
        from: payer,
        to: publicKey(merchantWallet),
        amount: 12_500_000n,
        reference: await reference(bob, 'USDC'),
        createAccount: true,
      }),
    )
    h.ledger.advance()
    await scan()
    await scan()
    const found = await payments()
    expect(found).toEqual([
      expect.objectContaining({ txHash: usdc.signature, asset: 'USDC', amount: '12.5', customerName: 'Bob' }),
      expect.objectContaining({ txHash: sol.signature, asset: 'SOL', amount: '1.5', customerName: 'Alice' }),
    ])
    expect(found.map((p) => p.status)).toEqual(['pending', 'pending'])
    expect(await ltv(alice)).toEqual({ value: '0', count: 0 })
  })

  it('confirms them once their slot is finalized', async () => {
    h.ledger.advance(2)
    await confirm()
    expect((await payments('&status=pending')).length).toBe(2)
    h.ledger.finalize(h.ledger.tip.slot)
    await confirm()
    expect(await payments('&status=pending')).toEqual([])
    expect((await ltv(alice)).count).toBe(1)
    expect((await ltv(bob)).count).toBe(1)
  })

  it('verifies a payment by its signature, and a second verify or the scan changes nothing', async () => {
    const payer = h.cluster.wallet()
    const tx = h.cluster.landed(
      h.cluster.paySol({
        from: payer,
        to: publicKey(merchantWallet),
        lamports: 250_000_000n,
        reference: await reference(alice, 'SOL'),
      }),
    )
    h.ledger.advance()
    const body = { network: 'solana', txHash: tx.signature }
    const first = await t.request('POST', '/api/v1/payments/verify', { as: owner, body })
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    expect(first.body.data).toEqual([
      expect.objectContaining({ customerId: alice, asset: 'SOL', amount: '0.25', created: true }),
    ])
    const again = await t.request('POST', '/api/v1/payments/verify', { as: owner, body })
    expect(again.body.data).toEqual([expect.objectContaining({ id: first.body.data[0].id, created: false })])
    await scan()
    expect((await payments()).filter((p) => p.txHash === tx.signature)).toHaveLength(1)
  })

  it('ignores a payment carrying a customer reference but paying another wallet', async () => {
    const payer = h.cluster.wallet()
    const stranger = h.cluster.wallet()
    const tx = h.cluster.landed(
      h.cluster.paySol({
        from: payer,
        to: stranger.publicKey,
        lamports: 100_000_000n,
        reference: await reference(bob, 'SOL'),
      }),
    )
    h.ledger.advance()
    await scan()
    const res = await t.request('POST', '/api/v1/payments/verify', {
      as: owner,
      body: { network: 'solana', txHash: tx.signature },
    })
    expect(res.status).toBe(200)
    expect(res.body.data).toEqual([])
    expect((await payments()).map((p) => p.txHash)).not.toContain(tx.signature)
  })

  it('records a payment without a reference as unattributed, and assigning it counts it for the customer', async () => {
    // Payments from before the wallet was connected are not the merchant's business; the local cluster's
    // clock starts in January, so the wallet is dated back to before it.
    await sql`update wallets set created_at = '2025-12-01' where network = 'solana'`.execute(t.db)
    const payer = h.cluster.wallet({ usdc: 10_000_000n })
    const tx = h.cluster.landed(
      h.cluster.payUsdc({ from: payer, to: publicKey(merchantWallet), amount: 4_000_000n }),
    )
    h.ledger.advance()
    await scan()
    const [unattributed] = await payments('&attribution=unattributed')
    expect(unattributed).toMatchObject({
      txHash: tx.signature,
      amount: '4',
      customerId: null,
      reference: null,
    })

    const before = await ltv(bob)
    const assign = await t.request('POST', `/api/v1/payments/${unattributed!.id}/assign`, {
      as: owner,
      body: { customerId: bob },
    })
    expect(assign.status, JSON.stringify(assign.body)).toBe(200)
    expect(assign.body).toMatchObject({ customerId: bob, customerName: 'Bob' })
    expect(await payments('&attribution=unattributed')).toEqual([])
    // A second assignment is refused: the payment is someone's now.
    const again = await t.request('POST', `/api/v1/payments/${unattributed!.id}/assign`, {
      as: owner,
      body: { customerId: alice },
    })
    expect(again.status).toBe(409)
    h.ledger.finalize(h.ledger.tip.slot)
    await confirm()
    expect((await ltv(bob)).count).toBe(before.count + 1)
  })

  it('reports a failed transaction with the reference as failed, counting nothing', async () => {
    const poor = h.cluster.wallet({ sol: 1_000_000n })
    const tx = h.cluster.landed(
      h.cluster.paySol({
        from: poor,
        to: publicKey(merchantWallet),
        lamports: 5_000_000n,
        reference: await reference(alice, 'SOL'),
      }),
    )
    h.ledger.advance()
    await scan()
    const failed = await payments('&status=failed')
    expect(failed).toEqual([
      expect.objectContaining({ txHash: tx.signature, customerId: alice, amount: '0.005' }),
    ])
    const counted = await ltv(alice)
    h.ledger.finalize(h.ledger.tip.slot)
    await confirm()
    expect(await ltv(alice)).toEqual(counted)
  })

  it('gives a payment that lost its reference to the one open invoice quote of exactly that amount', async () => {
    // The local cluster's clock: quotes are made at the time its blocks carry.
    t.clock.set(new Date(Number(h.ledger.tip.blockTime) * 1000))
    const quoteFor = async (customerId: string) => {
      const invoice = await sendInvoice(
        t,
        owner,
        (
          await createInvoice(t, owner, customerId, {
            currency: 'USD',
            accepts: [{ asset: 'SOL', network: 'solana' }],
          })
        ).id,
      )
      const quote = await t.request('POST', `/api/v1/invoices/${invoice.id}/quotes`, {
        as: owner,
        body: { asset: 'SOL', network: 'solana' },
      })
      expect(quote.status, JSON.stringify(quote.body)).toBe(201)
      return { invoice, quote: quote.body }
    }
    const carol = await customer('Carol')
    const { invoice, quote } = await quoteFor(carol)
    // 100 USD at the fixed 200 USD per SOL.
    expect(quote.amount).toBe('0.5')
    const payer = h.cluster.wallet({ sol: 2_000_000_000n })
    const tx = h.cluster.landed(
      h.cluster.paySol({ from: payer, to: publicKey(merchantWallet), lamports: 500_000_000n }),
    )
    h.ledger.advance()
    await scan()
    const [paid] = (await payments()).filter((p) => p.txHash === tx.signature)
    expect(paid).toMatchObject({ customerId: carol, reference: null })
    h.ledger.finalize(h.ledger.tip.slot)
    await confirm()
    const after = await t.request('GET', `/api/v1/invoices/${invoice.id}`, { as: owner })
    expect(after.body.status).toBe('paid')

    // Two open quotes of the same amount: the payment waits for the merchant.
    const dave = await customer('Dave')
    const erin = await customer('Erin')
    await quoteFor(dave)
    await quoteFor(erin)
    const twice = h.cluster.landed(
      h.cluster.paySol({ from: payer, to: publicKey(merchantWallet), lamports: 500_000_000n }),
    )
    h.ledger.advance()
    await scan()
    const open = await payments('&attribution=unattributed')
    expect(open.map((p) => p.txHash)).toContain(twice.signature)
    t.clock.reset()
  })
})
