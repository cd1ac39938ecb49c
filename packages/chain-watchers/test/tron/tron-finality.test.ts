import { afterEach, describe, expect, it } from 'vitest'
import { ReorgDuringScanError } from '../../src/errors.js'
import { customerAddresses, USDT, watchSetOf } from './fixtures.js'
import { startTronHarness, type TronHarness, type TronHarnessOptions } from './harness.js'

const [alice, bob] = customerAddresses(2)
const watch = watchSetOf([alice!, bob!])
const ref = (block: { number: number; id: string }) => ({ number: BigInt(block.number), hash: block.id })

describe('Tron adapter: solidification and reorgs', () => {
  let h: TronHarness
  afterEach(() => h.close())

  async function start(opts?: TronHarnessOptions) {
    h = await startTronHarness(opts)
    return h
  }

  /** A USDT payment to alice, mined; the scan's event and its block. */
  async function minedPayment() {
    const tx = await h.payer.transferToken(USDT, alice!, 10_000_000n)
    const [block] = h.chain.mine(1)
    const height = BigInt(block!.number)
    const [event] = (await h.adapter.scan(height, height, watch)).events
    return { tx, block: block!, event: event! }
  }

  async function statusNow(txid: string, height: bigint) {
    const scanned = (await h.adapter.scan(height, height, watch)).events[0]!.status
    const verified = (await h.adapter.verify(txid))[0]!.status
    expect(verified).toBe(scanned)
    return scanned
  }

  it('confirms a payment once its block is solidified, at 19 confirmations with the usual lag', async () => {
    await start()
    const { tx, block, event } = await minedPayment()
    const height = BigInt(block.number)
    expect(event.status).toBe('pending')
    expect(h.adapter.confirmations(event, await h.adapter.head())).toBe(1)

    h.chain.mine(17)
    expect(h.chain.solidified.number).toBe(block.number - 1)
    expect(h.adapter.confirmations(event, await h.adapter.head())).toBe(18)
    expect(await statusNow(tx.txID, height)).toBe('pending')

    h.chain.mine(1)
    expect(h.chain.solidified.number).toBe(block.number)
    expect(h.adapter.confirmations(event, await h.adapter.head())).toBe(19)
    expect(await statusNow(tx.txID, height)).toBe('confirmed')
  })

  it('keeps a payment below the required confirmations while solidification lags behind', async () => {
    await start({ chain: { solidifyDepth: 30 } })
    const { tx, block, event } = await minedPayment()

    h.chain.mine(25)
    const head = await h.adapter.head()
    expect(head.number - BigInt(block.number) + 1n).toBe(26n)
    expect(h.adapter.confirmations(event, head)).toBe(18)
    expect(await statusNow(tx.txID, BigInt(block.number))).toBe('pending')

    h.chain.mine(5)
    expect(h.adapter.confirmations(event, await h.adapter.head())).toBe(31)
    expect(await statusNow(tx.txID, BigInt(block.number))).toBe('confirmed')
  })

  it('counts a solidified block as confirmed even when it solidified in fewer blocks', async () => {
    await start({ chain: { solidifyDepth: 3 }, config: { confirmations: 20 } })
    const { tx, block, event } = await minedPayment()
    h.chain.mine(3)

    expect(h.adapter.confirmations(event, await h.adapter.head())).toBe(20)
    expect(await statusNow(tx.txID, BigInt(block.number))).toBe('confirmed')
    // A head without the solidified block (as a caller may have stored it) gives the plain depth.
    const { number, hash } = await h.adapter.head()
    expect(h.adapter.confirmations(event, { number, hash })).toBe(4)
    expect(h.adapter.confirmations({ ...event, blockRef: undefined }, { number, hash })).toBe(0)
  })

  it('notices a reorg: the old block is no longer canonical and the payment mined again keeps its identity', async () => {
    await start()
    const { tx, block: old, event: before } = await minedPayment()
    expect(await h.adapter.isCanonical(ref(old))).toBe(true)

    const { mined } = h.chain.reorg(1)

    const now = mined[0]!
    expect(now.id).not.toBe(old.id)
    expect(await h.adapter.isCanonical(ref(old))).toBe(false)
    expect(await h.adapter.isCanonical(ref(now))).toBe(true)
    const after = await h.adapter.scan(BigInt(old.number), BigInt(h.chain.height), watch)
    expect(after.events).toHaveLength(1)
    const [again] = after.events
    expect([again!.txHash, again!.eventIndex]).toEqual([before.txHash, before.eventIndex])
    expect(again!.blockRef).toEqual(ref(now))
    expect((await h.adapter.verify(tx.txID))[0]!.blockRef).toEqual(ref(now))
  })

  it('reports a payment the new branch left out as back in the pending pool', async () => {
    await start()
    const kept = await h.payer.sendTrx(alice!, 1_000_000n)
    const dropped = await h.payer.sendTrx(bob!, 2_000_000n)
    const [old] = h.chain.mine(1)

    h.chain.reorg(1, { exclude: [dropped.txID] })

    const result = await h.adapter.scan(BigInt(old!.number), BigInt(h.chain.height), watch)
    expect(result.events.map((e) => e.txHash)).toEqual([kept.txID])
    const [event] = await h.adapter.verify(dropped.txID)
    expect(event).toMatchObject({ txHash: dropped.txID, eventIndex: 0, status: 'pending' })
    expect(event!.blockRef).toBeUndefined()
  })

  it('says a block above the head is not canonical', async () => {
    await start()
    const tip = h.chain.tip
    expect(await h.adapter.isCanonical({ number: BigInt(tip.number + 1), hash: tip.id })).toBe(false)
    expect(await h.adapter.isCanonical({ number: -1n, hash: tip.id })).toBe(false)
    expect(await h.adapter.isCanonical({ number: BigInt(tip.number), hash: tip.id.toUpperCase() })).toBe(true)
  })

  it('reports a reorg between two pages of a scan', async () => {
    await start({ config: { blocksPerRequest: 1, scanConcurrency: 1 } })
    h.chain.mine(3)
    const from = BigInt(h.chain.height - 2)
    h.server.faults.push(
      { kind: 'delay', ms: 0, match: '/wallet/getblockbylimitnext' },
      {
        kind: 'delay',
        ms: 20,
        match: '/wallet/getblockbylimitnext',
        onServe: () => h.chain.reorg(3),
      },
    )

    const outcome = await h.adapter.scan(from, from + 2n, watch).catch((e: unknown) => e)

    expect(outcome).toBeInstanceOf(ReorgDuringScanError)
  })

  it('reports a block replaced between reading it and reading its infos', async () => {
    await start()
    const tx = await h.payer.transferToken(USDT, alice!, 1_000_000n)
    const [block] = h.chain.mine(1)
    h.server.faults.push({
      kind: 'delay',
      ms: 20,
      match: '/wallet/gettransactioninfobyblocknum',
      // The new branch mines the payment a block later.
      onServe: () => h.chain.reorg(1, { exclude: [tx.txID] }),
    })

    const height = BigInt(block!.number)
    const outcome = await h.adapter.scan(height, height, watch).catch((e: unknown) => e)

    expect(outcome).toBeInstanceOf(ReorgDuringScanError)
    expect(outcome).toMatchObject({ network: 'tron', blockNumber: height })
  })
})
