import { newSolanaReference, toTonFriendlyAddress } from '@coinbook/chain-watchers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type Session, type TestApp } from './harness.js'

// Solana and TON: customers pay the merchant's one wallet and are told apart by a reference or comment.
const solanaWallet = newSolanaReference()
// Regtest has no USDC mint of its own: the deployment names one, as on a local validator.
const usdcMint = newSolanaReference()
const tonRaw = `0:${'ab'.repeat(32)}`
const tonFriendly = toTonFriendlyAddress(tonRaw, { bounceable: false, testOnly: true })

let t: TestApp
let owner: Session

beforeAll(async () => {
  t = await createTestApp({ env: { SOLANA_TOKENS: `USDC:${usdcMint}:6` } })
  owner = await t.signup()
})
afterAll(() => t.close())

async function customer(name: string, as = owner) {
  const res = await t.request('POST', '/api/v1/customers', { as, body: { name } })
  expect(res.status).toBe(201)
  return res.body.id as string
}

describe('Solana and TON receiving wallets', () => {
  it('takes the wallet address in either TON form and shows it as given', async () => {
    const sol = await t.request('PUT', '/api/v1/wallets/solana', {
      as: owner,
      body: { address: solanaWallet },
    })
    expect(sol.status, JSON.stringify(sol.body)).toBe(200)
    expect(sol.body).toMatchObject({ network: 'solana', kind: 'address', address: solanaWallet })
    const ton = await t.request('PUT', '/api/v1/wallets/ton', { as: owner, body: { address: tonFriendly } })
    expect(ton.status).toBe(200)
    expect(ton.body.address).toBe(tonFriendly)
    // The raw form of the same wallet is the same wallet: nothing changes.
    const again = await t.request('PUT', '/api/v1/wallets/ton', { as: owner, body: { address: tonRaw } })
    expect(again.status).toBe(200)
    expect(again.body.createdAt).toBe(ton.body.createdAt)
  })

  it('refuses an xpub, a malformed address, and a wallet another merchant receives on', async () => {
    const xpub = await t.request('PUT', '/api/v1/wallets/solana', { as: owner, body: { xpub: 'xpub123' } })
    expect(xpub.status).toBe(400)
    expect(xpub.body.errors[0].path).toBe('address')
    const bad = await t.request('PUT', '/api/v1/wallets/ton', { as: owner, body: { address: 'EQnope' } })
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].path).toBe('address')
    const other = await t.signup({ merchantName: 'Other' })
    const taken = await t.request('PUT', '/api/v1/wallets/ton', { as: other, body: { address: tonRaw } })
    expect(taken.status).toBe(409)
    expect(taken.body.field).toBe('address')
  })

  it('gives each customer a Solana Pay reference of their own on the merchant wallet, with its URI', async () => {
    const alice = await customer('Alice')
    const bob = await customer('Bob')
    const pay = (id: string, body: Record<string, unknown> = {}) =>
      t.request('POST', `/api/v1/customers/${id}/deposit-targets`, {
        as: owner,
        body: { asset: 'USDC', network: 'solana', ...body },
      })
    const a1 = await pay(alice, { amount: '12.5' })
    expect(a1.status, JSON.stringify(a1.body)).toBe(200)
    expect(a1.body.address).toBe(solanaWallet)
    expect(a1.body.reference).toMatch(/^[1-9A-HJ-NP-Za-km-z]{32,44}$/)
    expect(a1.body.memo).toBeNull()
    const uri = new URL(a1.body.uri)
    expect(uri.protocol).toBe('solana:')
    expect(uri.pathname).toBe(solanaWallet)
    expect(uri.searchParams.get('reference')).toBe(a1.body.reference)
    expect(uri.searchParams.get('amount')).toBe('12.5')
    expect(uri.searchParams.get('spl-token')).toBe(usdcMint)
    expect(a1.body.qrSvg).toContain('<svg')
    // Stable unless a fresh one is asked for; never shared between customers.
    expect((await pay(alice)).body.reference).toBe(a1.body.reference)
    const fresh = await pay(alice, { fresh: true })
    expect(fresh.body.reference).not.toBe(a1.body.reference)
    const b1 = await pay(bob, { asset: 'SOL' })
    expect(b1.body.reference).not.toBe(a1.body.reference)
    expect(new URL(b1.body.uri).searchParams.get('spl-token')).toBeNull()
  })

  it('gives each customer a TON comment code, with a ton://transfer link carrying it', async () => {
    const carol = await t.request('POST', '/api/v1/customers', { as: owner, body: { name: 'Carol' } })
    const res = await t.request('POST', `/api/v1/customers/${carol.body.id}/deposit-targets`, {
      as: owner,
      body: { asset: 'TON', network: 'ton', amount: '1.5' },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.memo).toMatch(/^CB-[0-9A-Z]{8}$/)
    expect(res.body.reference).toBeNull()
    expect(res.body.address).toBe(tonFriendly)
    expect(res.body.uri).toBe(`ton://transfer/${tonFriendly}?amount=1500000000&text=${res.body.memo}`)
  })

  it('says what is missing when no wallet is set, and that nothing can be attached', async () => {
    const other = await t.signup({ merchantName: 'No wallet' })
    const dave = await customer('Dave', other)
    const none = await t.request('POST', `/api/v1/customers/${dave}/deposit-targets`, {
      as: other,
      body: { asset: 'SOL', network: 'solana' },
    })
    expect(none.status).toBe(409)
    expect(none.body.missing).toBe('wallet')
    const attach = await t.request('POST', `/api/v1/customers/${dave}/deposit-targets`, {
      as: other,
      body: { asset: 'SOL', network: 'solana', address: solanaWallet },
    })
    expect(attach.status).toBe(400)
    expect(attach.body.errors[0].path).toBe('address')
  })
})
