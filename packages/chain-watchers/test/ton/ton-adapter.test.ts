import { beginCell, toNano } from '@ton/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { InvalidInputError, TransactionNotFoundError } from '../../src/errors.js'
import { eventAddress, scanToEnd, startTonHarness, type TonHarness } from './harness.js'
import { deployedWallet, fund, TestWallet } from './wallets.js'

let h: TonHarness
let alice: TestWallet
let bob: TestWallet
let wallets = 0

beforeAll(async () => {
  h = await startTonHarness()
  // Customers pay from real wallet contracts: a v5r1 and a v4r2, funded by the sandbox's faucet.
  alice = new TestWallet(h.chain, 'alice', 'v5r1')
  bob = new TestWallet(h.chain, 'bob', 'v4')
  await fund(h.chain, alice.address, toNano('1000'))
  await fund(h.chain, bob.address, toNano('1000'))
})
afterAll(() => h?.close())

/** A merchant wallet of its own for a test, deployed, with its cursor at the end of its history. */
async function freshMerchant() {
  const wallet = await deployedWallet(h.chain, `merchant-${++wallets}`, 'v4')
  const { cursor } = await scanToEnd(h.adapter, wallet.raw, null)
  return { wallet, cursor }
}

const hex = (hash: Buffer) => hash.toString('hex')

describe('TON adapter: payments into a merchant wallet', () => {
  it('finds a payment with its comment by scan and by hash, as the same event', async () => {
    const { wallet, cursor } = await freshMerchant()
    const paid = await alice.pay(wallet.address, toNano('2.5'), 'CB-7KQ2M9XA')
    const tx = paid.received!

    const page = await h.adapter.scanAccount(wallet.friendly(), cursor)
    const expected = {
      network: 'ton',
      asset: 'TON',
      txHash: hex(tx.hash()),
      eventIndex: 0,
      from: eventAddress(alice.raw),
      to: eventAddress(wallet.raw),
      memo: 'CB-7KQ2M9XA',
      amount: 2_500_000_000n,
      // What the sandbox charged the merchant wallet's transaction that took the payment in.
      fee: tx.totalFees.coins,
      blockRef: { number: BigInt(h.chain.last.seqno), hash: hex(h.chain.last.rootHash) },
      blockTime: tx.now,
      status: 'confirmed',
    }
    expect(page).toEqual({ events: [expected], cursor: `${tx.lt}:${hex(tx.hash())}`, more: false })
    expect(tx.totalFees.coins).toBeGreaterThan(0n)
    expect(await h.adapter.verify(hex(tx.hash()), { wallets: [wallet.raw] })).toEqual([expected])
  })

  it('verifies the hash as toncenter (base64), explorers (hex) and URLs (base64url) write it, and by message hash', async () => {
    const paid = await bob.pay(h.merchant.address, toNano('1'), 'CB-VERIFY01')
    const tx = paid.received!
    const [event] = await h.adapter.verify(hex(tx.hash()))
    expect(event).toMatchObject({
      memo: 'CB-VERIFY01',
      amount: toNano('1'),
      to: eventAddress(h.merchant.raw),
    })
    for (const form of [
      tx.hash().toString('base64'),
      tx.hash().toString('base64url'),
      hex(tx.hash()).toUpperCase(),
    ]) {
      expect(await h.adapter.verify(form)).toEqual([event])
    }
    const messageHash = tx.raw.refs[0]!.refs[0]!.hash()
    expect(await h.adapter.verify(hex(messageHash))).toEqual([event])
  })

  it('reports a payment without a comment with no memo', async () => {
    const { wallet, cursor } = await freshMerchant()
    await alice.pay(wallet.address, toNano('0.3'))
    const { events } = await h.adapter.scanAccount(wallet.raw, cursor)
    expect(events).toHaveLength(1)
    expect(events[0]).not.toHaveProperty('memo')
    expect(events[0]!.amount).toBe(toNano('0.3'))
  })

  it('reads comments exactly: case, spaces, accents, emoji, and long comments that continue in another cell', async () => {
    const { wallet, cursor } = await freshMerchant()
    const comments = ['  cb-7kq2m9xa ', 'Café ☕ 支付 CB-ABCD', `${'x'.repeat(121)}🚀🚀 Rechnung №42 — ✓`]
    for (const text of comments) await alice.pay(wallet.address, toNano('0.1'), text)
    const { events } = await h.adapter.scanAccount(wallet.raw, cursor)
    expect(events.map((e) => e.memo)).toEqual(comments)
  })

  it('has no memo for a body that is not a text comment (another opcode, invalid UTF-8)', async () => {
    const { wallet, cursor } = await freshMerchant()
    await alice.pay(
      wallet.address,
      toNano('0.1'),
      beginCell().storeUint(0x12345678, 32).storeUint(7, 64).endCell(),
    )
    await alice.pay(
      wallet.address,
      toNano('0.1'),
      beginCell()
        .storeUint(0, 32)
        .storeBuffer(Buffer.from([0x43, 0xff]))
        .endCell(),
    )
    const { events } = await h.adapter.scanAccount(wallet.raw, cursor)
    expect(events).toHaveLength(2)
    for (const e of events) expect(e.memo).toBeUndefined()
  })

  it('ignores a payment to another wallet, even one carrying a customer code', async () => {
    const { wallet, cursor } = await freshMerchant()
    const stranger = new TestWallet(h.chain, 'stranger')
    const elsewhere = await bob.pay(stranger.address, toNano('5'), 'CB-7KQ2M9XA')
    const mine = await bob.pay(wallet.address, toNano('1'), 'CB-MINE0001')

    const { events } = await h.adapter.scanAccount(wallet.raw, cursor)
    expect(events.map((e) => e.txHash)).toEqual([hex(mine.received!.hash())])
    await expect(
      h.adapter.verify(hex(elsewhere.received!.hash()), { wallets: [wallet.raw] }),
    ).rejects.toBeInstanceOf(TransactionNotFoundError)
    // Searched in the wallet it went to, it is found, addressed to that wallet.
    const [there] = await h.adapter.verify(hex(elsewhere.received!.hash()), {
      wallets: [stranger.friendly()],
    })
    expect(there).toMatchObject({ to: eventAddress(stranger.raw), memo: 'CB-7KQ2M9XA' })
  })

  it('reports a bounceable payment to a wallet not yet deployed as failed: the value went back', async () => {
    const undeployed = new TestWallet(h.chain, 'undeployed-merchant', 'v4')
    const bounced = await alice.pay(undeployed.address, toNano('3'), 'CB-BOUNCED1', { bounce: true })
    const kept = await alice.pay(undeployed.address, toNano('2'), 'CB-KEPT0001', { bounce: false })
    // The sandbox really bounced the first: a message went back to alice.
    expect(bounced.all.some((t) => t.inMessage?.info.type === 'internal' && t.inMessage.info.bounced)).toBe(
      true,
    )

    const { events } = await h.adapter.scanAccount(undeployed.friendly({ bounceable: false }), null)
    expect(events.map((e) => [e.memo, e.amount, e.status])).toEqual([
      ['CB-BOUNCED1', toNano('3'), 'failed'],
      ['CB-KEPT0001', toNano('2'), 'confirmed'],
    ])
    expect(await h.adapter.verify(hex(bounced.received!.hash()), { wallets: [undeployed.raw] })).toEqual([
      events[0],
    ])
    expect(kept.received).toBeDefined()
  })

  it("gives no event for the merchant's own transfers, nor for its bounced transfer coming back", async () => {
    const { wallet, cursor } = await freshMerchant()
    const paidIn = await bob.pay(wallet.address, toNano('4'), 'CB-IN000001')
    const refund = await wallet.pay(new TestWallet(h.chain, 'nowhere').address, toNano('1'), 'refund', {
      bounce: true,
    })
    const bounceBack = refund.all.find(
      (t) => t.inMessage?.info.type === 'internal' && t.inMessage.info.bounced,
    )
    expect(bounceBack?.address.toString(16).padStart(64, '0')).toBe(wallet.raw.slice(2))

    const { events } = await h.adapter.scanAccount(wallet.raw, cursor)
    expect(events.map((e) => e.txHash)).toEqual([hex(paidIn.received!.hash())])
    expect(await h.adapter.verify(hex(refund.sent.hash()), { wallets: [wallet.raw] })).toEqual([])
    expect(await h.adapter.verify(hex(bounceBack!.hash()), { wallets: [wallet.raw] })).toEqual([])
  })

  it('records a transfer submitted twice once: the wallet refuses the replay', async () => {
    const { wallet, cursor } = await freshMerchant()
    const paid = await alice.pay(wallet.address, toNano('1.5'), 'CB-TWICE001')
    await expect(alice.submit(paid.external, wallet.address)).rejects.toThrow()

    const { events } = await h.adapter.scanAccount(wallet.raw, cursor)
    expect(events).toHaveLength(1)
    const hash = hex(paid.received!.hash())
    expect(await h.adapter.verify(hash, { wallets: [wallet.raw] })).toEqual(events)
    expect(await h.adapter.verify(hash, { wallets: [wallet.raw] })).toEqual(events)
  })
})

describe('TON adapter: paging from a stored cursor', () => {
  it('restarts from the cursor with a small page limit and returns every payment once', async () => {
    const { wallet, cursor: start } = await freshMerchant()
    const expected: string[] = []
    const customers = [alice, bob]
    for (let i = 0; i < 7; i++) {
      const paid = await customers[i % 2]!.pay(wallet.address, toNano(`0.${i + 1}`), `CB-SEQ0000${i}`)
      expected.push(hex(paid.received!.hash()))
      // The merchant's own transfers in between are read but pay nothing.
      if (i === 3) await wallet.pay(alice.address, toNano('0.05'))
    }

    // Each call on a new adapter, as after a restart: the stored cursor is all that carries over.
    const seen: string[] = []
    let cursor = start
    let calls = 0
    for (;;) {
      const page = await h.adapterFor().scanAccount(wallet.raw, cursor, { limit: 2 })
      calls++
      seen.push(...page.events.map((e) => e.txHash))
      const times = page.events.map((e) => e.blockTime!)
      expect(times).toEqual([...times].sort((a, b) => a - b))
      // A crash before the cursor was stored: the same call again answers the same.
      expect(await h.adapterFor().scanAccount(wallet.raw, cursor, { limit: 2 })).toEqual(page)
      cursor = page.cursor
      if (!page.more) break
    }
    expect(calls).toBe(4)
    expect(seen).toHaveLength(expected.length)
    expect(new Set(seen)).toEqual(new Set(expected))

    // Caught up: nothing new, the cursor stays.
    expect(await h.adapter.scanAccount(wallet.raw, cursor, { limit: 2 })).toEqual({
      events: [],
      cursor,
      more: false,
    })
    const later = await alice.pay(wallet.address, toNano('9'), 'CB-LATER001')
    const next = await h.adapter.scanAccount(wallet.raw, cursor, { limit: 2 })
    expect(next.events.map((e) => e.txHash)).toEqual([hex(later.received!.hash())])
    expect(next.more).toBe(false)
  })

  it("reads a wallet's whole history from a null cursor, oldest first within each page", async () => {
    const { wallet } = await freshMerchant()
    for (let i = 0; i < 3; i++) await bob.pay(wallet.address, toNano('0.2'), `CB-HIST000${i}`)
    const { events, cursor } = await scanToEnd(h.adapter, wallet.raw, null, 100)
    // The faucet's funding, then the three payments.
    expect(events.map((e) => e.memo ?? null)).toEqual([null, 'CB-HIST0000', 'CB-HIST0001', 'CB-HIST0002'])
    expect(await h.adapter.scanAccount(wallet.raw, cursor)).toEqual({ events: [], cursor, more: false })
  })

  it('answers an empty wallet with no events and keeps a null cursor', async () => {
    const empty = new TestWallet(h.chain, 'never-used')
    expect(await h.adapter.scanAccount(empty.raw, null)).toEqual({ events: [], cursor: null, more: false })
  })

  it('refuses a cursor from another wallet', async () => {
    const { cursor } = await freshMerchant()
    const other = await freshMerchant()
    await alice.pay(other.wallet.address, toNano('1'), 'CB-OTHER001')
    await expect(h.adapter.scanAccount(other.wallet.raw, cursor)).rejects.toBeInstanceOf(InvalidInputError)
    await expect(h.adapter.scanAccount(other.wallet.raw, 'not a cursor')).rejects.toBeInstanceOf(
      InvalidInputError,
    )
  })
})

describe('TON adapter: addresses, hashes and blocks', () => {
  it('accepts the wallet in raw, bounceable, non-bounceable and test-only forms', async () => {
    const { wallet, cursor } = await freshMerchant()
    await alice.pay(wallet.address, toNano('1'), 'CB-FORMS001')
    const forms = [
      wallet.raw,
      wallet.raw.toUpperCase().replace(/^0:/, '0:'),
      wallet.friendly({ bounceable: true }),
      wallet.friendly({ bounceable: false }),
      wallet.friendly({ testOnly: true }),
      wallet.address.toString({ urlSafe: false }),
    ]
    const pages = await Promise.all(forms.map((form) => h.adapter.scanAccount(form, cursor)))
    for (const page of pages) expect(page).toEqual(pages[0])
    expect(pages[0]!.events[0]!.to).toBe(eventAddress(wallet.raw))
    const hash = pages[0]!.events[0]!.txHash
    for (const form of forms)
      expect(await h.adapter.verify(hash, { wallets: [form] })).toEqual(pages[0]!.events)
  })

  it('refuses an address that is not TON, and a test-only address in mainnet mode', async () => {
    await expect(
      h.adapter.scanAccount('0x52908400098527886E0F7030069857D2E4169EE7', null),
    ).rejects.toBeInstanceOf(InvalidInputError)
    const mainnet = h.adapterFor({ mode: 'mainnet' })
    await expect(mainnet.scanAccount(h.merchant.friendly({ testOnly: true }), null)).rejects.toBeInstanceOf(
      InvalidInputError,
    )
  })

  it('refuses a malformed hash and does not find an unknown one', async () => {
    await expect(h.adapter.verify('0xabc')).rejects.toBeInstanceOf(InvalidInputError)
    await expect(h.adapter.verify('11'.repeat(32))).rejects.toBeInstanceOf(TransactionNotFoundError)
  })

  it('searches only the newest verifyDepth transactions of each wallet', async () => {
    const { wallet } = await freshMerchant()
    const old = await alice.pay(wallet.address, toNano('1'), 'CB-OLD00001')
    for (let i = 0; i < 3; i++) await bob.pay(wallet.address, toNano('0.1'))
    const hash = hex(old.received!.hash())
    const shallow = h.adapterFor({ verifyDepth: 3, wallets: [wallet.raw] })
    await expect(shallow.verify(hash)).rejects.toBeInstanceOf(TransactionNotFoundError)
    const deep = h.adapterFor({ verifyDepth: 4, wallets: async () => [wallet.friendly()] })
    expect((await deep.verify(hash))[0]).toMatchObject({ memo: 'CB-OLD00001' })
  })

  it('gives the masterchain head, counts confirmations from the block read with the event, and checks blocks', async () => {
    const { wallet, cursor } = await freshMerchant()
    await alice.pay(wallet.address, toNano('1'), 'CB-HEAD0001')
    const head = await h.adapter.head()
    expect(head).toEqual({ number: BigInt(h.chain.last.seqno), hash: hex(h.chain.last.rootHash) })
    const [event] = (await h.adapter.scanAccount(wallet.raw, cursor)).events
    expect(h.adapter.confirmations(event!, head)).toBe(1)

    await bob.pay(alice.address, toNano('1'))
    await bob.pay(alice.address, toNano('1'))
    const later = await h.adapter.head()
    expect(h.adapter.confirmations(event!, later)).toBe(3)
    expect(await h.adapter.isCanonical(event!.blockRef!)).toBe(true)
    expect(await h.adapter.isCanonical(later)).toBe(true)
    expect(await h.adapter.isCanonical({ ...event!.blockRef!, hash: '00'.repeat(32) })).toBe(false)
    expect(await h.adapter.isCanonical({ number: later.number + 5n, hash: later.hash })).toBe(false)
  })

  it('holds payments pending until the configured confirmations', async () => {
    const { wallet, cursor } = await freshMerchant()
    await alice.pay(wallet.address, toNano('1'), 'CB-PENDING1')
    const cautious = h.adapterFor({ confirmations: 2 })
    const [event] = (await cautious.scanAccount(wallet.raw, cursor)).events
    expect(event!.status).toBe('pending')
  })
})
