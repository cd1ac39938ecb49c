import type { Keypair } from '@solana/web3.js'
import { afterEach, describe, expect, it } from 'vitest'
import type { TransferEvent } from '../../src/adapters/types.js'
import { newReference, type TestCluster } from './cluster.js'
import { type SolanaHarness, startSolanaHarness } from './harness.js'
import { identity, scanAll } from './scan-helpers.js'

/**
 * A merchant's history: SOL and USDC payments (some naming the wallet and its token account, some only
 * the token account), several per slot, a failed one, one to a stranger, and slots skipped in between.
 * Returns the signatures of the transactions that pay the merchant, in ledger order.
 */
function payHistory(cluster: TestCluster, merchant: Keypair, customers: Keypair[], rounds: number): string[] {
  const stranger = cluster.wallet()
  const ours: string[] = []
  const to = merchant.publicKey
  for (let round = 0; round < rounds; round++) {
    const [a, b, c] = [0, 1, 2].map((i) => customers[(round + i) % customers.length]!)
    const pay = [
      cluster.paySol({ from: a!, to, lamports: BigInt(1_000 + round), reference: newReference() }),
      cluster.payUsdc({
        from: b!,
        to,
        amount: BigInt(2_000 + round),
        reference: newReference(),
        createAccount: round % 2 === 0,
      }),
      cluster.paySol({ from: c!, to: stranger.publicKey, lamports: 5n }),
    ]
    if (round % 3 === 1) pay.push(cluster.payUsdc({ from: c!, to, amount: BigInt(3_000 + round) }))
    if (round === 2)
      pay.push(cluster.paySol({ from: cluster.wallet({ sol: 1_000_000n }), to, lamports: 5_000_000n }))
    for (const outcome of pay) {
      const tx = cluster.landed(outcome)
      if (
        tx.message.accountKeys.includes(to.toBase58()) ||
        tx.message.accountKeys.includes(cluster.usdcAccount(to).toBase58())
      ) {
        ours.push(tx.signature)
      }
    }
    cluster.ledger.advance(1, { skip: round % 2 })
  }
  return ours
}

function expectOldestFirst(events: TransferEvent[]) {
  const slots = events.map((e) => e.blockRef!.number)
  expect(slots).toEqual([...slots].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)))
}

describe('Solana adapter paging a wallet`s history', () => {
  let h: SolanaHarness
  afterEach(() => h.close())

  async function setup(config: Parameters<typeof startSolanaHarness>[0] = {}) {
    h = await startSolanaHarness(config)
    const merchant = h.cluster.wallet({ sol: 1_000_000n })
    const customers = [0, 1, 2].map(() => h.cluster.wallet({ usdc: 1_000_000_000n }))
    return { merchant, customers, wallet: merchant.publicKey.toBase58() }
  }

  it('reads every payment once, oldest first, whatever the page limit', async () => {
    const { merchant, customers, wallet } = await setup()
    const ours = payHistory(h.cluster, merchant, customers, 6)

    const whole = await scanAll(h.adapter, wallet, null)
    expect(whole.pages).toBe(1)
    // One event per paying transaction and asset: every one of ours is there, nothing else.
    expect(new Set(whole.events.map((e) => e.txHash))).toEqual(new Set(ours))
    expect(whole.events.filter((e) => e.status === 'failed')).toHaveLength(1)
    expectOldestFirst(whole.events)

    for (const limit of [1, 2, 3, 5]) {
      const paged = await scanAll(h.adapter, wallet, null, limit)
      expect(paged.events.map(identity)).toEqual(whole.events.map(identity))
      expect(paged.pages).toBeGreaterThanOrEqual(Math.ceil(ours.length / limit))
      expect(paged.cursor).toBe(whole.cursor)
    }
  })

  it('resumes from a stored cursor after a restart, with payments arriving between pages, losing and repeating nothing', async () => {
    const { merchant, customers, wallet } = await setup()
    payHistory(h.cluster, merchant, customers, 3)
    const seen: TransferEvent[] = []
    let stored: string | null = null
    for (let i = 0; i < 3; i++) {
      const page = await h.adapter.scanAccount(wallet, stored, { limit: 2 })
      seen.push(...page.events)
      stored = page.cursor
      expect(page.more).toBe(true)
    }
    // The process dies here; new payments land meanwhile; a new adapter picks up the stored cursor.
    payHistory(h.cluster, merchant, customers, 2)
    await h.adapter.scanAccount(wallet, stored, { limit: 3 })
    const resumed = await scanAll(h.adapter, wallet, stored, 3)
    seen.push(...resumed.events)

    const reference = await scanAll(h.adapter, wallet, null)
    expect(seen.map(identity)).toEqual(reference.events.map(identity))
    expect(new Set(seen.map(identity)).size).toBe(seen.length)
    expect(resumed.cursor).toBe(reference.cursor)
  })

  it('walks down a history longer than one call may list, then pages it up without loss', async () => {
    const { merchant, customers, wallet } = await setup({
      config: { signaturePageSize: 2, maxSignaturePages: 2 },
    })
    payHistory(h.cluster, merchant, customers, 4)
    const expected = await scanAll(h.adapter, wallet, null, 100)

    const first = await h.adapter.scanAccount(wallet, null, { limit: 2 })
    // The walk down to the oldest transaction takes several calls before the first event.
    expect(first).toMatchObject({ events: [], more: true })
    const rest = await scanAll(h.adapter, wallet, first.cursor, 2)

    expect(rest.events.map(identity)).toEqual(expected.events.map(identity))
    expectOldestFirst(rest.events)
    const listed = h.node.requests.filter((r) => r.method === 'getSignaturesForAddress')
    expect(listed.every((r) => (r.params[1] as { limit: number }).limit === 2)).toBe(true)
  })

  it('reads a transaction touching the wallet and its token account once, even when a page ends between them', async () => {
    const { merchant, customers, wallet } = await setup()
    // Both in one slot: a USDC payment creating the token account (both addresses), then a SOL payment.
    const both = h.cluster.landed(
      h.cluster.payUsdc({ from: customers[0]!, to: merchant.publicKey, amount: 5n, createAccount: true }),
    )
    const sol = h.cluster.landed(
      h.cluster.paySol({ from: customers[1]!, to: merchant.publicKey, lamports: 6n }),
    )
    const usdc = h.cluster.landed(
      h.cluster.payUsdc({ from: customers[2]!, to: merchant.publicKey, amount: 7n }),
    )
    h.ledger.advance()

    const paged = await scanAll(h.adapter, wallet, null, 1)

    expect(paged.events.map((e) => [e.txHash, e.amount])).toEqual([
      [both.signature, 5n],
      [sol.signature, 6n],
      [usdc.signature, 7n],
    ])
    expect(paged.pages).toBe(3)
  })
})
