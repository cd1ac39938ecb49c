import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCustomer } from './factories.js'
import { createTestApp, type Session, type TestApp } from './harness.js'

// EIP-55's own test vector, the same address in lower case, and a checksum with one letter's case wrong.
const EVM = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'
const EVM_BAD_CHECKSUM = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD'
const REGTEST_BTC = 'bcrt1qnfj0exdmxpuhuwkmntz5ydtu6jp5a867r60j9l'
const MAINNET_BTC = 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq'
const TRON = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'
const TON = 'EQDKbjIcfM6ezt8KjKJJLshZJJSqX7XOA4ff-W72r5gqPrHF'

let t: TestApp
let owner: Session
let other: Session

beforeAll(async () => {
  t = await createTestApp()
  owner = await t.signup({ merchantName: 'Payment methods shop' })
  other = await t.signup({ merchantName: 'Someone else' })
})
afterAll(() => t.close())

const path = (id: string, rest = '') => `/api/v1/customers/${id}${rest}`

describe('payment methods: the wallets a customer pays from', () => {
  it('adds a wallet by hand, validated for its network, labels it and removes it', async () => {
    const c = await createCustomer(t, owner)
    const empty = await t.request('GET', path(c.id, '/wallets'), { as: owner })
    expect(empty.status).toBe(200)
    expect(empty.body.data).toEqual([])

    const added = await t.request('POST', path(c.id, '/wallets'), {
      as: owner,
      body: { network: 'ethereum', address: EVM, label: 'Ledger' },
    })
    expect(added.status, JSON.stringify(added.body)).toBe(201)
    expect(added.body).toMatchObject({
      customerId: c.id,
      network: 'ethereum',
      address: EVM,
      label: 'Ledger',
      source: 'manual',
      shared: false,
      paymentCount: 0,
      lastSeenAt: null,
    })

    // The same wallet typed in another case is the same wallet.
    const again = await t.request('POST', path(c.id, '/wallets'), {
      as: owner,
      body: { network: 'ethereum', address: EVM.toLowerCase() },
    })
    expect(again.status).toBe(409)

    const labelled = await t.request('PATCH', path(c.id, `/wallets/${added.body.id}`), {
      as: owner,
      body: { label: 'Cold storage' },
    })
    expect(labelled.status).toBe(200)
    expect(labelled.body.label).toBe('Cold storage')

    const removed = await t.request('DELETE', path(c.id, `/wallets/${added.body.id}`), { as: owner })
    expect(removed.status).toBe(204)
    const after = await t.request('GET', path(c.id, '/wallets'), { as: owner })
    expect(after.body.data).toEqual([])
    const gone = await t.request('DELETE', path(c.id, `/wallets/${added.body.id}`), { as: owner })
    expect(gone.status).toBe(404)
  })

  it('refuses an address that is not valid on the network with a 400 naming the field', async () => {
    const c = await createCustomer(t, owner)
    for (const [network, address] of [
      ['ethereum', EVM_BAD_CHECKSUM],
      ['ethereum', 'not an address'],
      ['bitcoin', MAINNET_BTC], // a mainnet address on a regtest deployment
      ['tron', EVM],
      ['solana', '0OIl'],
    ]) {
      const res = await t.request('POST', path(c.id, '/wallets'), { as: owner, body: { network, address } })
      expect(res.status, `${network} ${address}`).toBe(400)
      expect(res.body.errors[0].path).toBe('address')
    }
    const unknown = await t.request('POST', path(c.id, '/wallets'), {
      as: owner,
      body: { network: 'dogecoin', address: EVM },
    })
    expect(unknown.status).toBe(400)
  })

  it('flags an address known for two customers as shared on both, and refuses to un-share it', async () => {
    const a = await createCustomer(t, owner)
    const b = await createCustomer(t, owner)
    const first = await t.request('POST', path(a.id, '/wallets'), {
      as: owner,
      body: { network: 'tron', address: TRON },
    })
    expect(first.body.shared).toBe(false)
    const second = await t.request('POST', path(b.id, '/wallets'), {
      as: owner,
      body: { network: 'tron', address: TRON },
    })
    expect(second.status).toBe(201)
    expect(second.body.shared).toBe(true)
    const aWallets = await t.request('GET', path(a.id, '/wallets'), { as: owner })
    expect(aWallets.body.data[0]).toMatchObject({ address: TRON, shared: true })

    const unshare = await t.request('PATCH', path(a.id, `/wallets/${first.body.id}`), {
      as: owner,
      body: { shared: false },
    })
    expect(unshare.status).toBe(409)

    // Once it is B's no longer, A's wallet may recognise A again.
    await t.request('DELETE', path(b.id, `/wallets/${second.body.id}`), { as: owner })
    const ok = await t.request('PATCH', path(a.id, `/wallets/${first.body.id}`), {
      as: owner,
      body: { shared: false },
    })
    expect(ok.status).toBe(200)
    expect(ok.body.shared).toBe(false)
  })

  it('lets a merchant mark a wallet shared by hand (an exchange) and back', async () => {
    const c = await createCustomer(t, owner)
    const w = await t.request('POST', path(c.id, '/wallets'), {
      as: owner,
      body: { network: 'bitcoin', address: REGTEST_BTC },
    })
    const shared = await t.request('PATCH', path(c.id, `/wallets/${w.body.id}`), {
      as: owner,
      body: { shared: true },
    })
    expect(shared.body.shared).toBe(true)
  })
})

describe('payment methods: refund addresses', () => {
  it('keeps one refund address per network, replaced by a PUT, with a comment on TON only', async () => {
    const c = await createCustomer(t, owner)
    const put = await t.request('PUT', path(c.id, '/refund-addresses/bitcoin'), {
      as: owner,
      body: { address: REGTEST_BTC },
    })
    expect(put.status, JSON.stringify(put.body)).toBe(200)
    expect(put.body).toMatchObject({ network: 'bitcoin', address: REGTEST_BTC, memo: null })

    await t.request('PUT', path(c.id, '/refund-addresses/ethereum'), { as: owner, body: { address: EVM } })
    const replaced = await t.request('PUT', path(c.id, '/refund-addresses/ethereum'), {
      as: owner,
      body: { address: EVM.toLowerCase() },
    })
    expect(replaced.body.address).toBe(EVM.toLowerCase())
    const ton = await t.request('PUT', path(c.id, '/refund-addresses/ton'), {
      as: owner,
      body: { address: TON, memo: '123456' },
    })
    expect(ton.status, JSON.stringify(ton.body)).toBe(200)
    expect(ton.body.memo).toBe('123456')

    const list = await t.request('GET', path(c.id, '/refund-addresses'), { as: owner })
    expect(list.body.data.map((r: { network: string; address: string }) => [r.network, r.address])).toEqual([
      ['bitcoin', REGTEST_BTC],
      ['ethereum', EVM.toLowerCase()],
      ['ton', TON],
    ])

    const removed = await t.request('DELETE', path(c.id, '/refund-addresses/bitcoin'), { as: owner })
    expect(removed.status).toBe(204)
    const again = await t.request('DELETE', path(c.id, '/refund-addresses/bitcoin'), { as: owner })
    expect(again.status).toBe(404)
  })

  it('refuses an invalid refund address, a comment off TON and an unknown network: 4xx, never 5xx', async () => {
    const c = await createCustomer(t, owner)
    const cases: [string, Record<string, unknown>, number][] = [
      ['bitcoin', { address: MAINNET_BTC }, 400],
      ['ethereum', { address: EVM_BAD_CHECKSUM }, 400],
      ['ethereum', { address: EVM, memo: 'x' }, 400],
      ['ton', { address: 'EQ-not-a-ton-address' }, 400],
      ['ethereum', { address: '' }, 400],
      ['ethereum', { address: EVM, extra: 1 }, 400],
      ['dogecoin', { address: EVM }, 400],
    ]
    for (const [network, body, status] of cases) {
      const res = await t.request('PUT', path(c.id, `/refund-addresses/${network}`), { as: owner, body })
      expect(res.status, `${network} ${JSON.stringify(body)}`).toBe(status)
    }
    const list = await t.request('GET', path(c.id, '/refund-addresses'), { as: owner })
    expect(list.body.data).toEqual([])
  })
})

describe('payment methods: the profile tab in one read', () => {
  it('shows preferred coins with the default first, deposit addresses, wallets and refund addresses', async () => {
    const c = await createCustomer(t, owner, {
      preferredCoins: [
        { asset: 'USDT', network: 'tron' },
        { asset: 'BTC', network: 'bitcoin' },
      ],
    })
    await t.request('POST', path(c.id, '/wallets'), { as: owner, body: { network: 'tron', address: TRON } })
    await t.request('PUT', path(c.id, '/refund-addresses/tron'), { as: owner, body: { address: TRON } })

    const res = await t.request('GET', path(c.id, '/payment-methods'), { as: owner })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      preferredCoins: [
        { asset: 'USDT', network: 'tron' },
        { asset: 'BTC', network: 'bitcoin' },
      ],
      defaultMethod: { asset: 'USDT', network: 'tron' },
      depositAddresses: [],
      wallets: [{ network: 'tron', address: TRON, source: 'manual' }],
      refundAddresses: [{ network: 'tron', address: TRON }],
    })

    // The default method changes with the order, through the customer's PATCH.
    const patched = await t.request('PATCH', path(c.id), {
      as: owner,
      body: {
        preferredCoins: [
          { asset: 'BTC', network: 'bitcoin' },
          { asset: 'USDT', network: 'tron' },
        ],
      },
    })
    expect(patched.status, JSON.stringify(patched.body)).toBe(200)
    const after = await t.request('GET', path(c.id, '/payment-methods'), { as: owner })
    expect(after.body.defaultMethod).toEqual({ asset: 'BTC', network: 'bitcoin' })
  })

  it('has an empty tab for a new customer', async () => {
    const c = await createCustomer(t, owner)
    const res = await t.request('GET', path(c.id, '/payment-methods'), { as: owner })
    expect(res.body).toEqual({
      preferredCoins: [],
      defaultMethod: null,
      depositAddresses: [],
      wallets: [],
      refundAddresses: [],
    })
  })
})

describe('payment methods: tenancy and roles', () => {
  it('never shows or changes another merchant’s customer’s payment methods', async () => {
    const c = await createCustomer(t, owner)
    const w = await t.request('POST', path(c.id, '/wallets'), {
      as: owner,
      body: { network: 'ethereum', address: EVM },
    })
    for (const [method, rest, body] of [
      ['GET', '/payment-methods', undefined],
      ['GET', '/wallets', undefined],
      ['POST', '/wallets', { network: 'ethereum', address: EVM }],
      ['PATCH', `/wallets/${w.body.id}`, { label: 'mine now' }],
      ['DELETE', `/wallets/${w.body.id}`, undefined],
      ['GET', '/refund-addresses', undefined],
      ['PUT', '/refund-addresses/ethereum', { address: EVM }],
      ['DELETE', '/refund-addresses/ethereum', undefined],
    ] as const) {
      const res = await t.request(method, path(c.id, rest), { as: other, ...(body ? { body } : {}) })
      expect(res.status, `${method} ${rest}`).toBe(404)
    }
    const mine = await t.request('GET', path(c.id, '/wallets'), { as: owner })
    expect(mine.body.data).toEqual([expect.objectContaining({ id: w.body.id, label: null })])
  })

  it('lets a viewer read but not change them', async () => {
    const c = await createCustomer(t, owner)
    const viewer = await t.apiKey(owner, 'viewer')
    expect((await t.request('GET', path(c.id, '/payment-methods'), { as: viewer })).status).toBe(200)
    const add = await t.request('POST', path(c.id, '/wallets'), {
      as: viewer,
      body: { network: 'ethereum', address: EVM },
    })
    expect(add.status).toBe(403)
  })
})

describe('shared receiving addresses', () => {
  it('lists an EVM address every customer pays, refuses Solana/TON, invalid and taken ones', async () => {
    const address = '0x000000000000000000000000000000000000dEaD'
    const created = await t.request('POST', '/api/v1/wallets/shared-addresses', {
      as: owner,
      body: { network: 'bsc', address, label: 'Donations' },
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    expect(created.body).toMatchObject({ network: 'bsc', address, label: 'Donations' })
    const list = await t.request('GET', '/api/v1/wallets/shared-addresses', { as: owner })
    expect(list.body.data).toEqual([created.body])

    const taken = await t.request('POST', '/api/v1/wallets/shared-addresses', {
      as: other,
      body: { network: 'bsc', address: address.toLowerCase() },
    })
    expect(taken.status).toBe(409)
    const solana = await t.request('POST', '/api/v1/wallets/shared-addresses', {
      as: owner,
      body: { network: 'solana', address: 'Gow7QLXCwgGQ1X7yAVtdPbwVH48Dunf3vFfkh4k5VvGP' },
    })
    expect(solana.status).toBe(400)
    expect(solana.body.errors[0].path).toBe('network')
    const invalid = await t.request('POST', '/api/v1/wallets/shared-addresses', {
      as: owner,
      body: { network: 'bsc', address: EVM_BAD_CHECKSUM },
    })
    expect(invalid.status).toBe(400)

    expect(
      (await t.request('DELETE', `/api/v1/wallets/shared-addresses/${created.body.id}`, { as: other }))
        .status,
    ).toBe(404)
    expect(
      (await t.request('DELETE', `/api/v1/wallets/shared-addresses/${created.body.id}`, { as: owner }))
        .status,
    ).toBe(204)
  })
})
