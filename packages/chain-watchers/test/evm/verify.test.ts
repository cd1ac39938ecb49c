import { parseEther, parseUnits } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { InvalidInputError, TransactionNotFoundError } from '../../src/errors.js'
import { customerAddress, type EvmFixture, evmFixture } from './fixture.js'

let f: EvmFixture
beforeAll(async () => {
  f = await evmFixture()
})
afterAll(() => f?.stop())

const alice = customerAddress(0)
const bob = customerAddress(1)

describe('evm verify', () => {
  it('returns a native payment as eventIndex 0 with its block and time', async () => {
    const hash = await f.payNative(alice, '0.75')
    const block = await f.blockOf(hash)
    expect(await f.adapter.verify(hash)).toEqual([
      {
        network: 'ethereum',
        asset: 'ETH',
        txHash: hash,
        eventIndex: 0,
        from: f.payer.toLowerCase(),
        to: alice.toLowerCase(),
        amount: parseEther('0.75'),
        // gasUsed × effectiveGasPrice: what the payer's balance lost beyond the value.
        fee: (await f.payerSpentIn(hash)) - parseEther('0.75'),
        blockRef: block,
        blockTime: expect.any(Number),
        status: 'pending',
      },
    ])
  })

  it('returns a token payment as eventIndex 1 with the contract, in base units', async () => {
    const hash = await f.payToken(f.usdt, bob, parseUnits('12.345678', 6))
    const [event] = await f.adapter.verify(hash)
    expect(event).toMatchObject({
      asset: 'USDT',
      contract: f.usdt.toLowerCase(),
      eventIndex: 1,
      to: bob.toLowerCase(),
      amount: 12_345_678n,
      // A token payment costs the payer only gas.
      fee: await f.payerSpentIn(hash),
    })
    expect(event!.fee).toBeGreaterThan(0n)
  })

  it('accepts a hash in upper case and answers with the lowercase one', async () => {
    const hash = await f.payNative(alice, '0.01')
    const [event] = await f.adapter.verify(`0x${hash.slice(2).toUpperCase()}`)
    expect(event?.txHash).toBe(hash)
  })

  it('returns every transfer of a batch, including those to addresses it does not watch', async () => {
    const stranger = customerAddress(50)
    const hash = await f.batchPay(f.usdc, [
      [alice, 1n],
      [stranger, 2n],
    ])
    const events = await f.adapter.verify(hash)
    expect(events.map((e) => [e.eventIndex, e.to, e.amount])).toEqual([
      [1, alice.toLowerCase(), 1n],
      [2, stranger.toLowerCase(), 2n],
    ])
  })

  it('marks a token transfer of more than the balance as failed', async () => {
    // Account 0 holds the supply; asking for more reverts in the contract (explicit gas skips estimation).
    const hash = await f.payToken(f.usdt, bob, 10n ** 30n, { gas: 100_000n })
    const events = await f.adapter.verify(hash)
    expect(events).toEqual([
      expect.objectContaining({
        asset: 'USDT',
        eventIndex: 1,
        to: bob.toLowerCase(),
        amount: 10n ** 30n,
        status: 'failed',
      }),
    ])
    expect(events[0]?.blockRef).toEqual(await f.blockOf(hash))
  })

  it('returns a transaction waiting in the mempool as pending, without a block', async () => {
    await f.anvil.rpc('evm_setAutomine', [false])
    try {
      const hash = await f.payNative(bob, '2')
      expect(await f.adapter.verify(hash)).toEqual([
        expect.objectContaining({ txHash: hash, eventIndex: 0, amount: parseEther('2'), status: 'pending' }),
      ])
      expect((await f.adapter.verify(hash))[0]?.blockRef).toBeUndefined()
      await f.mine(3)
      const [mined] = await f.adapter.verify(hash)
      expect(mined?.status).toBe('confirmed')
      expect(mined?.blockRef?.number).toBe((await f.blockNumber()) - 2n)
    } finally {
      await f.anvil.rpc('evm_setAutomine', [true])
    }
  })

  it('returns nothing for a transaction that moves no value', async () => {
    const hash = await f.anvil.rpc<`0x${string}`>('eth_sendTransaction', [
      { from: f.payer, to: alice, value: '0x0' },
    ])
    await f.blockOf(hash)
    expect(await f.adapter.verify(hash)).toEqual([])
  })

  it('raises TransactionNotFoundError for an unknown hash and InvalidInputError for a malformed one', async () => {
    const unknown = `0x${'12'.repeat(32)}`
    await expect(f.adapter.verify(unknown)).rejects.toBeInstanceOf(TransactionNotFoundError)
    await expect(f.adapter.verify(unknown)).rejects.toMatchObject({ network: 'ethereum', txHash: unknown })
    for (const bad of ['0x1234', 'hello', `${'ab'.repeat(32)}`, `0x${'zz'.repeat(32)}`]) {
      await expect(f.adapter.verify(bad)).rejects.toBeInstanceOf(InvalidInputError)
    }
  })
})
