import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { WatchSet } from '../../src/adapters/types.js'
import { InvalidInputError, TransactionNotFoundError } from '../../src/errors.js'
import { CompactWatchSet } from '../../src/watch-set.js'
import {
  customerAddresses,
  START_TOKENS,
  strangerAddress,
  UNLISTED_TOKEN,
  USDC,
  USDT,
  watchSetOf,
} from './fixtures.js'
import { startTronHarness, type TronHarness } from './harness.js'
import { ENERGY_PRICE_SUN } from './ledger.js'

const watchSets: [string, (addresses: string[]) => WatchSet][] = [
  ['a Set of addresses', (a) => watchSetOf(a)],
  ['a CompactWatchSet', (a) => CompactWatchSet.from(a)],
]

describe('Tron adapter', () => {
  let h: TronHarness
  beforeEach(async () => {
    h = await startTronHarness()
  })
  afterEach(() => h.close())

  const [alice, bob, carol] = customerAddresses(3)
  const customers = [alice!, bob!, carol!]
  const ref = (block: { number: number; id: string }) => ({ number: BigInt(block.number), hash: block.id })

  it.each(watchSets)(
    'finds TRX, USDT and USDC payments to addresses of %s in one block, and nothing to strangers',
    async (_, makeWatchSet) => {
      const { payer, chain, adapter } = h
      const trx = await payer.sendTrx(alice!, 25_000_000n)
      await payer.sendTrx(strangerAddress('shop'), 1_000_000n)
      const usdt = await payer.transferToken(USDT, bob!, 120_500_000n)
      await payer.transferToken(USDT, strangerAddress('shop'), 99_000_000n)
      const usdc = await payer.transferToken(USDC, carol!, 7_000_000n)
      await payer.transferToken(UNLISTED_TOKEN, alice!, 5_000_000n)
      const [block] = chain.mine(1)

      const result = await adapter.scan(BigInt(block!.number), BigInt(block!.number), makeWatchSet(customers))

      expect(result.last).toEqual(ref(block!))
      expect(result.events.map((e) => [e.txHash, e.eventIndex, e.asset, e.contract, e.to, e.amount])).toEqual(
        [
          [trx.txID, 0, 'TRX', undefined, alice, 25_000_000n],
          [usdt.txID, 1, 'USDT', USDT, bob, 120_500_000n],
          [usdc.txID, 1, 'USDC', USDC, carol, 7_000_000n],
        ],
      )
      // Token transfers carry the TRX their energy burned (TransactionInfo.fee); a scanned TRX transfer is
      // read without its info, so its fee is left to verify.
      expect(result.events.map((e) => e.fee)).toEqual([
        undefined,
        64_285n * BigInt(ENERGY_PRICE_SUN),
        64_285n * BigInt(ENERGY_PRICE_SUN),
      ])
      for (const event of result.events) {
        expect(event).toMatchObject({
          network: 'tron',
          from: payer.address,
          blockRef: ref(block!),
          blockTime: block!.timestamp / 1000,
          status: 'pending',
        })
      }
    },
  )

  it('scans a range page by page in chain order, reading infos only for blocks with contract calls', async () => {
    await h.close()
    h = await startTronHarness({ config: { blocksPerRequest: 2 } })
    const { payer, chain, server, adapter } = h
    const first = await payer.sendTrx(alice!, 1_000n)
    const [b1] = chain.mine(1)
    chain.mine(2)
    const second = await payer.transferToken(USDT, bob!, 2_000n)
    const [b4] = chain.mine(1)
    const third = await payer.sendTrx(carol!, 3_000n)
    const [b5] = chain.mine(1)
    server.requests.length = 0

    const result = await adapter.scan(BigInt(b1!.number), BigInt(b5!.number), watchSetOf(customers))

    expect(result.events.map((e) => [e.txHash, e.blockRef?.number])).toEqual([
      [first.txID, BigInt(b1!.number)],
      [second.txID, BigInt(b4!.number)],
      [third.txID, BigInt(b5!.number)],
    ])
    expect(result.last).toEqual(ref(b5!))
    const pages = server.requests.filter((r) => r.path === '/wallet/getblockbylimitnext').map((r) => r.params)
    expect(pages).toEqual([
      { startNum: b1!.number, endNum: b1!.number + 2 },
      { startNum: b1!.number + 2, endNum: b1!.number + 4 },
      { startNum: b1!.number + 4, endNum: b1!.number + 5 },
    ])
    const infos = server.requests.filter((r) => r.path === '/wallet/gettransactioninfobyblocknum')
    expect(infos.map((r) => r.params)).toEqual([{ num: b4!.number }])
  })

  it('reports a USDT transfer the contract reverted as failed, and the payment it attempted', async () => {
    const { payer, chain, adapter } = h
    const tx = await payer.transferToken(USDT, alice!, START_TOKENS + 1n)
    const [block] = chain.mine(1)

    const { events } = await adapter.scan(BigInt(block!.number), BigInt(block!.number), watchSetOf(customers))

    const failed = {
      network: 'tron',
      asset: 'USDT',
      contract: USDT,
      txHash: tx.txID,
      eventIndex: 1,
      from: payer.address,
      to: alice,
      amount: START_TOKENS + 1n,
      fee: 1_279n * BigInt(ENERGY_PRICE_SUN),
      status: 'failed',
      blockRef: ref(block!),
      blockTime: block!.timestamp / 1000,
    }
    expect(events).toEqual([failed])
    expect(await adapter.verify(tx.txID)).toEqual([failed])
    // Nothing moved.
    expect(chain.tokenBalance(USDT, alice!)).toBe(0n)
  })

  it('verifies a transaction by id: every transfer it made, to whomever', async () => {
    const { payer, chain, adapter } = h
    const usdt = await payer.transferToken(USDT, strangerAddress('shop'), 42_000_000n)
    const trx = await payer.sendTrx(alice!, 3_000_000n)
    const [block] = chain.mine(1)

    expect(await adapter.verify(usdt.txID)).toEqual([
      {
        network: 'tron',
        asset: 'USDT',
        contract: USDT,
        txHash: usdt.txID,
        eventIndex: 1,
        from: payer.address,
        to: strangerAddress('shop'),
        amount: 42_000_000n,
        fee: 6_428_500n,
        status: 'pending',
        blockRef: ref(block!),
        blockTime: block!.timestamp / 1000,
      },
    ])
    const [event] = await adapter.verify(trx.txID)
    // Paid from the free daily bandwidth: the info has no fee, which is 0.
    expect(event).toMatchObject({ asset: 'TRX', eventIndex: 0, to: alice, amount: 3_000_000n, fee: 0n })
    expect(event!.contract).toBeUndefined()
  })

  it('reads the id with 0x or in upper case and reports it in lowercase hex', async () => {
    const { payer, chain, adapter } = h
    const tx = await payer.sendTrx(alice!, 1_000_000n)
    chain.mine(1)

    const [upper] = await adapter.verify(tx.txID.toUpperCase())
    const [prefixed] = await adapter.verify(`0x${tx.txID}`)

    expect(upper!.txHash).toBe(tx.txID)
    expect(prefixed).toEqual(upper)
  })

  it('verifies a transaction still in the pending pool as pending, outside any block, TRX only', async () => {
    const { payer, adapter } = h
    const trx = await payer.sendTrx(alice!, 2_500_000n)
    const usdt = await payer.transferToken(USDT, bob!, 1_000_000n)

    expect(await adapter.verify(trx.txID)).toEqual([
      {
        network: 'tron',
        asset: 'TRX',
        txHash: trx.txID,
        eventIndex: 0,
        from: payer.address,
        to: alice,
        amount: 2_500_000n,
        status: 'pending',
      },
    ])
    // Token transfers exist once the contract ran in a block.
    expect(await adapter.verify(usdt.txID)).toEqual([])
  })

  it('tells an unknown transaction from a malformed id, which never reaches the node', async () => {
    const { adapter, server } = h
    const unknown = 'ab'.repeat(32)
    const error = await adapter.verify(unknown).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TransactionNotFoundError)
    expect(error).toMatchObject({ network: 'tron', txHash: unknown })

    const asked = server.requests.length
    for (const bad of ['', 'abc', 'zz'.repeat(32), 'ab'.repeat(33), `0X${'ab'.repeat(31)}`, 'TR7NHqjeKQ']) {
      await expect(adapter.verify(bad)).rejects.toBeInstanceOf(InvalidInputError)
    }
    expect(server.requests.length).toBe(asked)
  })

  it('refuses a range past the head and an inverted one', async () => {
    const head = BigInt(h.chain.height)
    await expect(h.adapter.scan(head, head + 1n, watchSetOf(customers))).rejects.toBeInstanceOf(
      InvalidInputError,
    )
    await expect(h.adapter.scan(head, head - 1n, watchSetOf(customers))).rejects.toThrow(
      /Invalid block range/,
    )
    await expect(h.adapter.scan(-1n, head, watchSetOf(customers))).rejects.toBeInstanceOf(InvalidInputError)
  })

  it('reports the latest block as the head, with the solidified block', async () => {
    h.chain.mine(20)
    const head = await h.adapter.head()
    expect(head).toEqual({
      number: BigInt(h.chain.height),
      hash: h.chain.tip.id,
      timestamp: h.chain.tip.timestamp / 1000,
      solidified: ref(h.chain.solidified),
    })
    expect(head.solidified.number).toBe(head.number - 18n)
  })
})
