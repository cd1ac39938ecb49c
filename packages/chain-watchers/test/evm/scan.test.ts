import { type Hash, parseEther, parseUnits } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { InvalidInputError } from '../../src/errors.js'
import { customerAddress, type EvmFixture, evmFixture, watchSetOf } from './fixture.js'
import { startRpcProxy } from './rpc-proxy.js'

let f: EvmFixture
beforeAll(async () => {
  f = await evmFixture()
})
afterAll(() => f?.stop())

const alice = customerAddress(0)
const bob = customerAddress(1)
const carol = customerAddress(2)
const stranger = customerAddress(99)
const watch = watchSetOf([alice, bob, carol])

describe('evm scan', () => {
  it('finds native and token payments to watched addresses, and nothing else', async () => {
    const from = (await f.blockNumber()) + 1n
    const eth = await f.payNative(alice, '1.25')
    const usdt = await f.payToken(f.usdt, bob, parseUnits('25.5', 6))
    await f.payToken(f.usdt, stranger, parseUnits('7', 6))
    await f.payNative(stranger, '3')
    const usdc = await f.payToken(f.usdc, carol, parseUnits('3', 18))
    const to = await f.blockNumber()

    const { events, last } = await f.adapter.scan(from, to, watch)

    const [ethBlock, usdtBlock, usdcBlock] = await Promise.all([
      f.blockOf(eth),
      f.blockOf(usdt),
      f.blockOf(usdc),
    ])
    expect(events).toEqual([
      {
        network: 'ethereum',
        asset: 'ETH',
        txHash: eth,
        eventIndex: 0,
        from: f.payer.toLowerCase(),
        to: alice.toLowerCase(),
        amount: parseEther('1.25'),
        fee: (await f.payerSpentIn(eth)) - parseEther('1.25'),
        blockRef: ethBlock,
        blockTime: expect.any(Number),
        status: 'confirmed',
      },
      {
        network: 'ethereum',
        asset: 'USDT',
        contract: f.usdt.toLowerCase(),
        txHash: usdt,
        eventIndex: 1,
        from: f.payer.toLowerCase(),
        to: bob.toLowerCase(),
        amount: 25_500_000n,
        // A token payment is read from its log alone: no receipt, so no fee (the API fills it in later).
        blockRef: usdtBlock,
        blockTime: expect.any(Number),
        status: 'confirmed',
      },
      expect.objectContaining({
        asset: 'USDC',
        contract: f.usdc.toLowerCase(),
        txHash: usdc,
        eventIndex: 1,
        to: carol.toLowerCase(),
        amount: 3n * 10n ** 18n,
        blockRef: usdcBlock,
        // The head block itself: 1 confirmation of the 3 required.
        status: 'pending',
      }),
    ])
    expect(last).toEqual({ number: to, hash: usdcBlock.hash })
    expect(events[0]?.blockTime).toBeGreaterThan(1_600_000_000)
  })

  it('reports each watched log of a batch transfer as its own event, by its ordinal among the token logs', async () => {
    const hash = await f.batchPay(f.usdt, [
      [alice, 1_000_000n],
      [stranger, 2_000_000n],
      [bob, 3_000_000n],
      [alice, 4_000_000n],
    ])
    const { number } = await f.blockOf(hash)
    const { events } = await f.adapter.scan(number, number, watch)
    expect(events.map((e) => [e.txHash, e.eventIndex, e.to, e.amount])).toEqual([
      [hash, 1, alice.toLowerCase(), 1_000_000n],
      [hash, 3, bob.toLowerCase(), 3_000_000n],
      [hash, 4, alice.toLowerCase(), 4_000_000n],
    ])
  })

  it('numbers a token transfer among the token Transfer logs only, as verify does', async () => {
    // transferWithMemo emits a Memo log before its Transfer: the Memo does not count.
    const hash = await f.transferWithMemo(f.usdt, bob, 5n)
    const { number } = await f.blockOf(hash)
    const scanned = await f.adapter.scan(number, number, watch)
    const verified = await f.adapter.verify(hash)
    expect(scanned.events.map((e) => e.eventIndex)).toEqual([1])
    expect(verified.map(({ fee, ...e }) => e)).toEqual(scanned.events)
    expect(verified[0]?.fee).toBeGreaterThan(0n)
  })

  it('reads no receipt for token payments, and one for a native payment, whose fee its tokens share', async () => {
    const proxy = await startRpcProxy(f.anvil.url)
    try {
      const adapter = f.adapterWith({ rpc: { urls: [proxy.url] } })
      const from = (await f.blockNumber()) + 1n
      const batch = await f.batchPay(f.usdc, [
        [stranger, 1n],
        [alice, 2n],
        [bob, 3n],
      ])
      await f.payToken(f.usdt, carol, 4n)
      const eth = await f.payNative(carol, '0.1')
      const to = await f.blockNumber()
      const { events } = await adapter.scan(from, to, watch)
      expect(events.map((e) => [e.txHash, e.eventIndex, e.to, e.amount, e.fee])).toEqual([
        [batch, 2, alice.toLowerCase(), 2n, undefined],
        [batch, 3, bob.toLowerCase(), 3n, undefined],
        [expect.any(String), 1, carol.toLowerCase(), 4n, undefined],
        [eth, 0, carol.toLowerCase(), parseEther('0.1'), (await f.payerSpentIn(eth)) - parseEther('0.1')],
      ])
      const receipts = proxy.calls.filter((c) => c.method === 'eth_getTransactionReceipt')
      expect(receipts.map((c) => c.params[0])).toEqual([eth])
      // Verify reads the receipt and numbers the batch's transfers the same way.
      const verified = await adapter.verify(batch)
      expect(verified.map((e) => [e.eventIndex, e.to])).toEqual([
        [1, stranger.toLowerCase()],
        [2, alice.toLowerCase()],
        [3, bob.toLowerCase()],
      ])
      expect(verified.slice(1).map(({ fee, ...e }) => e)).toEqual(events.slice(0, 2))
    } finally {
      await proxy.close()
    }
  })

  it('reads the fee a scan left out, and maps the old receipt-position numbering to ordinals', async () => {
    const memo = await f.transferWithMemo(f.usdt, bob, 6n)
    const batch = await f.batchPay(f.usdc, [
      [stranger, 1n],
      [alice, 2n],
    ])
    const mined = async (hash: Hash) => ({ txHash: hash, blockHash: (await f.blockOf(hash)).hash })
    const fees = await f.adapter.fees([
      await mined(memo),
      await mined(batch),
      { txHash: `0x${'12'.repeat(32)}`, blockHash: `0x${'34'.repeat(32)}` },
    ])
    expect(fees).toEqual(
      new Map([
        [memo, await f.payerSpentIn(memo)],
        [batch, await f.payerSpentIn(batch)],
      ]),
    )
    // The Memo log came first: its Transfer was eventIndex 2 by position, is 1 by ordinal.
    expect(await f.adapter.legacyTokenEventIndexes(memo)).toEqual(new Map([[2, 1]]))
    expect(await f.adapter.legacyTokenEventIndexes(batch)).toEqual(
      new Map([
        [1, 1],
        [2, 2],
      ]),
    )
    expect(await f.adapter.legacyTokenEventIndexes(`0x${'12'.repeat(32)}`)).toBeUndefined()
  })

  it('moves a payment from pending to confirmed as blocks are mined on top', async () => {
    const hash = await f.payNative(bob, '0.5')
    const block = await f.blockOf(hash)
    const first = await f.adapter.scan(block.number, block.number, watch)
    const [event] = first.events
    expect(event?.status).toBe('pending')
    expect(f.adapter.confirmations(event!, await f.adapter.head())).toBe(1)

    await f.mine(2)
    const head = await f.adapter.head()
    expect(f.adapter.confirmations(event!, head)).toBe(3)
    const again = await f.adapter.scan(block.number, block.number, watch)
    expect(again.events[0]).toEqual({ ...event, status: 'confirmed' })
  })

  it('reports a reverted native payment to a watched address as failed', async () => {
    // The token contract has no payable fallback, so sending it ether reverts; watch it as if it were ours.
    const contractWatch = watchSetOf([f.usdt])
    const from = (await f.blockNumber()) + 1n
    const hash = await f.anvil.rpc<`0x${string}`>('eth_sendTransaction', [
      { from: f.payer, to: f.usdt, value: '0x1', gas: '0x30000' },
    ])
    // Raw RPC sends do not wait for the automined block: read its number from the receipt.
    const { number: to } = await f.blockOf(hash)
    const { events } = await f.adapter.scan(from, to, contractWatch)
    expect(events).toEqual([
      expect.objectContaining({ txHash: hash, eventIndex: 0, amount: 1n, status: 'failed' }),
    ])
    expect(await f.adapter.verify(hash)).toEqual(events)
  })

  it('reports a reverted direct token transfer to a watched address as failed, in scan and verify', async () => {
    const from = (await f.blockNumber()) + 1n
    const hash = await f.payToken(f.usdt, carol, 10n ** 30n, { gas: 100_000n })
    const { events } = await f.adapter.scan(from, await f.blockNumber(), watch)
    expect(events).toEqual([
      expect.objectContaining({
        txHash: hash,
        eventIndex: 1,
        asset: 'USDT',
        amount: 10n ** 30n,
        status: 'failed',
      }),
    ])
    expect(await f.adapter.verify(hash)).toEqual(events)
  })

  it('reads logs in chunks of the configured range and finds the same payments', async () => {
    const from = (await f.blockNumber()) + 1n
    for (let i = 0; i < 5; i++) await f.payToken(f.usdc, alice, BigInt(i + 1))
    const to = await f.blockNumber()
    const whole = await f.adapter.scan(from, to, watch)
    const chunked = await f.adapterWith({ maxBlockRange: 2 }).scan(from, to, watch)
    expect(whole.events.map((e) => e.amount)).toEqual([1n, 2n, 3n, 4n, 5n])
    expect(chunked).toEqual(whole)
  })

  it('scans tokens alone when native scanning is off', async () => {
    const from = (await f.blockNumber()) + 1n
    await f.payNative(alice, '1')
    const usdt = await f.payToken(f.usdt, alice, 9n)
    const { events, last } = await f
      .adapterWith({ scanNative: false })
      .scan(from, await f.blockNumber(), watch)
    expect(events.map((e) => [e.txHash, e.asset])).toEqual([[usdt, 'USDT']])
    expect(last).toEqual(await f.blockOf(usdt))
  })

  it('refuses a range past the head or backwards', async () => {
    const head = await f.blockNumber()
    await expect(f.adapter.scan(head, head + 5n, watch)).rejects.toBeInstanceOf(InvalidInputError)
    await expect(f.adapter.scan(head, head - 1n, watch)).rejects.toBeInstanceOf(InvalidInputError)
  })
})
