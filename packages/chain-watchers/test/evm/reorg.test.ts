import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TransactionNotFoundError } from '../../src/errors.js'
import { customerAddress, type EvmFixture, evmFixture, watchSetOf } from './fixture.js'

let f: EvmFixture
beforeAll(async () => {
  f = await evmFixture()
})
afterAll(() => f?.stop())

const alice = customerAddress(0)
const watch = watchSetOf([alice])

describe('evm reorgs', () => {
  it('a reorg that drops the payment`s block makes its block ref non-canonical', async () => {
    const hash = await f.payToken(f.usdt, alice, 500n)
    await f.mine(3)
    const head = await f.adapter.head()
    const block = await f.blockOf(hash)
    const { events } = await f.adapter.scan(block.number, head.number, watch)
    expect(events).toHaveLength(1)
    expect(events[0]?.status).toBe('confirmed')
    expect(f.adapter.confirmations(events[0]!, head)).toBe(4)
    expect(await f.adapter.isCanonical(block)).toBe(true)

    // Replace the last 4 blocks (the payment's included) with empty ones of the same heights.
    await f.anvil.rpc('anvil_reorg', [4, []])

    expect(await f.adapter.isCanonical(block)).toBe(false)
    const after = await f.adapter.head()
    expect(after.number).toBe(head.number)
    expect(after.hash).not.toBe(head.hash)
    expect((await f.adapter.scan(block.number, after.number, watch)).events).toEqual([])
    await expect(f.adapter.verify(hash)).rejects.toBeInstanceOf(TransactionNotFoundError)
  })

  it('a payment mined again in another block keeps its identity, with the new block', async () => {
    const hash = await f.batchPay(f.usdc, [
      [customerAddress(7), 1n],
      [alice, 2n],
    ])
    const raw = await f.anvil.rpc<string>('eth_getRawTransactionByHash', [hash])
    await f.mine(2)
    const before = await f.adapter.verify(hash)
    const oldBlock = before[0]!.blockRef!

    // Depth 3 replaces the payment's block and the two above it; the same signed transaction goes into
    // the second replacement block.
    await f.anvil.rpc('anvil_reorg', [3, [[raw, 1]]])

    const after = await f.adapter.verify(hash)
    expect(await f.adapter.isCanonical(oldBlock)).toBe(false)
    expect(after.map((e) => [e.txHash, e.eventIndex, e.to, e.amount])).toEqual(
      before.map((e) => [e.txHash, e.eventIndex, e.to, e.amount]),
    )
    expect(after[0]?.blockRef?.number).toBe(oldBlock.number + 1n)
    expect(after[0]?.blockRef?.hash).not.toBe(oldBlock.hash)
    expect(await f.adapter.isCanonical(after[0]!.blockRef!)).toBe(true)
    const { events } = await f.adapter.scan(oldBlock.number, (await f.adapter.head()).number, watch)
    // The scan reads no receipt for a token payment: the same event as verify's, without the fee.
    const { fee, ...expected } = after[1]!
    expect(fee).toBeGreaterThan(0n)
    expect(events).toEqual([expected])
  })
})
