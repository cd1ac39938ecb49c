import * as bitcoin from 'bitcoinjs-lib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ScriptWatchSet } from '../../src/adapters/bitcoin/index.js'
import type { WatchSet } from '../../src/adapters/types.js'
import { InvalidInputError, TransactionNotFoundError } from '../../src/errors.js'
import { CompactWatchSet } from '../../src/watch-set.js'
import { customerAddresses, strangerAddress, watchSetOf } from './fixtures.js'
import { type BitcoinHarness, backends, startBitcoinHarness } from './harness.js'

/** The watch sets a scan may be given: by address (a plain Set, the compact one) or by output script. */
const watchSets: [string, (addresses: string[]) => WatchSet][] = [
  ['a Set of addresses', (a) => watchSetOf(a)],
  ['a CompactWatchSet', (a) => CompactWatchSet.from(a)],
  ['a ScriptWatchSet', (a) => ScriptWatchSet.from('regtest', a)],
]

const opReturn = bitcoin.payments.embed({ data: [new TextEncoder().encode('coinbook invoice 42')] }).output!

describe.each(backends)('Bitcoin adapter over %s', (backend) => {
  let h: BitcoinHarness
  beforeEach(async () => {
    h = await startBitcoinHarness(backend)
  })
  afterEach(() => h.close())

  const [bip84a, bip84b, bip84c] = customerAddresses('bip84', 3)
  const [bip86] = customerAddresses('bip86', 1)
  const [bip44] = customerAddresses('bip44', 1)
  const [bip49] = customerAddresses('bip49', 1)
  const customers = [bip84a!, bip84b!, bip84c!, bip86!, bip44!, bip49!]

  /** Inputs − outputs of a transaction, from the outputs it spends as the chain holds them. */
  function feeOf(tx: bitcoin.Transaction): bigint {
    const spent = tx.ins.reduce((sum, input) => {
      const prev = h.chain.knownTx(Buffer.from(input.hash).reverse().toString('hex'))
      return sum + prev!.outs[input.index]!.value
    }, 0n)
    return spent - tx.outs.reduce((sum, out) => sum + out.value, 0n)
  }

  /** Coins of every script type for the wallet, mined, so payments can spend each kind. */
  function fundEveryKind() {
    const { wallet, chain } = h
    wallet.pay(
      (['p2pkh', 'p2sh-p2wpkh', 'p2tr'] as const).map((kind) => ({
        address: wallet.address(kind),
        value: 10_000_000n,
      })),
    )
    chain.mine(1)
  }

  it.each(watchSets)(
    'finds every output paying an address of %s, several per transaction and per block, and nothing else',
    async (_, makeWatchSet) => {
      const { wallet, chain, adapter } = h
      fundEveryKind()
      const twoCustomers = wallet.pay(
        [
          { address: bip84a!, value: 150_000n },
          { address: strangerAddress('shop'), value: 999_000n },
          { address: bip84b!, value: 250_000n },
        ],
        { from: 'p2wpkh' },
      )
      const legacy = wallet.pay([{ address: bip44!, value: 40_000n }], {
        from: 'p2pkh',
        scripts: [{ script: opReturn, value: 0n }],
      })
      const wrapped = wallet.pay(
        [
          { address: bip49!, value: 30_000n },
          { address: bip84c!, value: 20_000n },
        ],
        { from: 'p2sh-p2wpkh' },
      )
      const taproot = wallet.pay([{ address: bip86!, value: 10_000n }], { from: 'p2tr' })
      wallet.pay([{ address: strangerAddress('other'), value: 5_000n }])
      const [block] = chain.mine(1)

      const result = await adapter.scan(BigInt(block!.height), BigInt(block!.height), makeWatchSet(customers))

      const blockRef = { number: BigInt(block!.height), hash: block!.hash }
      expect(result.last).toEqual(blockRef)
      expect(result.events.map((e) => [e.txHash, e.eventIndex, e.to, e.amount, e.from])).toEqual([
        [twoCustomers.getId(), 0, bip84a, 150_000n, wallet.address('p2wpkh')],
        [twoCustomers.getId(), 2, bip84b, 250_000n, wallet.address('p2wpkh')],
        [legacy.getId(), 0, bip44, 40_000n, wallet.address('p2pkh')],
        [wrapped.getId(), 0, bip49, 30_000n, wallet.address('p2sh-p2wpkh')],
        [wrapped.getId(), 1, bip84c, 20_000n, wallet.address('p2sh-p2wpkh')],
        // A key-path taproot spend does not reveal the output it spends.
        [taproot.getId(), 0, bip86, 10_000n, null],
      ])
      for (const event of result.events) {
        expect(event).toMatchObject({ network: 'bitcoin', asset: 'BTC', blockRef, status: 'pending' })
        expect(event.blockTime).toBe(block!.block.timestamp)
        // A raw block's inputs carry no amounts: the fee is read afterwards, with adapter.fees.
        expect(event).not.toHaveProperty('fee')
      }
      // The fee is inputs − outputs of the whole transaction, from the prevouts the node keeps.
      const paying = [twoCustomers, legacy, wrapped, taproot]
      const fees = await adapter.fees(paying.map((tx) => ({ txHash: tx.getId(), blockHash: block!.hash })))
      expect(fees).toEqual(new Map(paying.map((tx) => [tx.getId(), feeOf(tx)])))
      expect(new Set(paying.map(feeOf)).size).toBe(4)
    },
  )

  it('scans without asking about single transactions; fees asks only about those given, none for a coinbase', async () => {
    const { wallet, chain, adapter, server } = h
    const paid = wallet.pay([{ address: bip84a!, value: 60_000n }], { feeRate: 7n })
    wallet.pay([{ address: strangerAddress('elsewhere'), value: 60_000n }])
    const [block] = chain.mine(1, {
      coinbaseScript: bitcoin.address.toOutputScript(bip84b!, bitcoin.networks.regtest),
    })
    // Questions about single transactions: Esplora's /tx/ requests, Core's getrawtransaction calls (batched).
    const txAsks = (from: number) =>
      server.requests
        .slice(from)
        .flatMap((r) => (r.api === 'esplora' ? [r.path] : (r.rpc ?? [])))
        .filter((asked) => asked.includes('/tx/') || asked === 'getrawtransaction')
    const beforeScan = server.requests.length

    const result = await adapter.scan(BigInt(block!.height), BigInt(block!.height), watchSetOf(customers))
    expect(result.events.map((e) => [e.txHash, e.to])).toEqual([
      [block!.txids[0], bip84b],
      [paid.getId(), bip84a],
    ])
    expect(txAsks(beforeScan)).toHaveLength(0)

    // A coinbase spends nothing: it has no fee. Hashes are matched in any case.
    const beforeFees = server.requests.length
    const fees = await adapter.fees(
      result.events.map((e) => ({ txHash: e.txHash.toUpperCase(), blockHash: block!.hash })),
    )
    expect(fees).toEqual(new Map([[paid.getId(), feeOf(paid)]]))
    expect(txAsks(beforeFees)).toHaveLength(2)
    expect(await adapter.fees([])).toEqual(new Map())
    // Core looks for the transaction in the block given (no txindex needed), so one a reorg moved has no fee
    // there; Esplora finds it by txid, and a transaction's fee does not depend on its block.
    const elsewhere = await adapter.fees([
      { txHash: paid.getId(), blockHash: chain.blockAt(block!.height - 1)!.hash },
    ])
    expect(elsewhere).toEqual(backend === 'core' ? new Map() : new Map([[paid.getId(), feeOf(paid)]]))
  })

  it('stops asking a Core node older than 25.0, which tells no fee, for fees', async () => {
    if (backend !== 'core') return
    const old = await startBitcoinHarness('core', { server: { coreVersion: 240000 } })
    try {
      const paid = old.wallet.pay([{ address: bip84a!, value: 60_000n }])
      const again = old.wallet.pay([{ address: bip84b!, value: 60_000n }])
      const [block] = old.chain.mine(1)
      const asked = () => old.server.requests.filter((r) => r.rpc?.includes('getrawtransaction')).length
      const mined = (tx: bitcoin.Transaction) => ({ txHash: tx.getId(), blockHash: block!.hash })

      expect(await old.adapter.fees([mined(paid)])).toEqual(new Map())
      expect(asked()).toBe(1)
      expect(await old.adapter.fees([mined(paid), mined(again)])).toEqual(new Map())
      expect(asked()).toBe(1)
      // verify still reads the transaction, without a fee.
      expect((await old.adapter.verify(paid.getId()))[0]).not.toHaveProperty('fee')
    } finally {
      await old.close()
    }
  })

  it('scans a range of blocks in chain order and returns the last one as the cursor', async () => {
    const { wallet, chain, adapter } = h
    const first = wallet.pay([{ address: bip84a!, value: 1_000n }])
    const [b1] = chain.mine(1)
    chain.mine(1)
    const second = wallet.pay([{ address: bip84b!, value: 2_000n }])
    const [b3] = chain.mine(1)

    const result = await adapter.scan(BigInt(b1!.height), BigInt(b3!.height), watchSetOf(customers))

    expect(result.events.map((e) => [e.txHash, e.blockRef?.number, e.status])).toEqual([
      [first.getId(), BigInt(b1!.height), 'confirmed'],
      [second.getId(), BigInt(b3!.height), 'pending'],
    ])
    expect(result.last).toEqual({ number: BigInt(b3!.height), hash: b3!.hash })
  })

  it('refuses to scan past the tip', async () => {
    const tip = BigInt(h.chain.height)
    await expect(h.adapter.scan(tip, tip + 1n, watchSetOf(customers))).rejects.toBeInstanceOf(
      InvalidInputError,
    )
  })

  it('verifies a mined transaction: every output with an address, confirmed once it has enough confirmations', async () => {
    const { wallet, chain, adapter } = h
    const tx = wallet.pay(
      [
        { address: bip84a!, value: 123_456n },
        { address: strangerAddress('shop'), value: 7_000n },
      ],
      { scripts: [{ script: opReturn, value: 0n }] },
    )
    const [block] = chain.mine(1)

    const once = await adapter.verify(tx.getId())
    // The payment, the stranger and the change; the OP_RETURN output has no address.
    expect(once.map((e) => [e.eventIndex, e.to, e.amount])).toEqual([
      [0, bip84a, 123_456n],
      [1, strangerAddress('shop'), 7_000n],
      [3, wallet.address('p2wpkh'), tx.outs[3]!.value],
    ])
    expect(feeOf(tx)).toBeGreaterThan(0n)
    for (const e of once) {
      expect(e).toMatchObject({
        txHash: tx.getId(),
        from: wallet.address('p2wpkh'),
        // Both nodes know a mined transaction's prevouts: Esplora's `fee`, Core's from the undo data.
        fee: feeOf(tx),
        status: 'pending',
        blockRef: { number: BigInt(block!.height), hash: block!.hash },
        blockTime: block!.block.timestamp,
      })
    }

    chain.mine(1)
    const twice = await adapter.verify(tx.getId())
    expect(twice.every((e) => e.status === 'confirmed')).toBe(true)
  })

  it('verifies a mempool transaction as pending, outside any block', async () => {
    const { wallet, adapter } = h
    const tx = wallet.pay([{ address: bip84a!, value: 50_000n }])

    const events = await adapter.verify(tx.getId().toUpperCase())

    expect(events[0]).toEqual({
      network: 'bitcoin',
      asset: 'BTC',
      txHash: tx.getId(),
      eventIndex: 0,
      from: wallet.address('p2wpkh'),
      to: bip84a,
      amount: 50_000n,
      // Esplora resolves a mempool transaction's prevouts; Core reports a fee only from a block's undo data.
      ...(backend === 'esplora' ? { fee: feeOf(tx) } : {}),
      status: 'pending',
    })
  })

  it('names the sender of a taproot spend only when the node reports the prevout', async () => {
    const { wallet, chain, adapter } = h
    fundEveryKind()
    const tx = wallet.pay([{ address: bip84a!, value: 50_000n }], { from: 'p2tr' })
    const mempool = await adapter.verify(tx.getId())
    chain.mine(1)
    const mined = await adapter.verify(tx.getId())

    // Esplora shows every prevout; Core only for mined transactions (from the block's undo data).
    expect(mempool[0]!.from).toBe(backend === 'esplora' ? wallet.address('p2tr') : null)
    expect(mined[0]!.from).toBe(wallet.address('p2tr'))
  })

  it('tells an unknown transaction from a malformed id', async () => {
    const { adapter, server } = h
    const unknown = 'ab'.repeat(32)
    await expect(adapter.verify(unknown)).rejects.toBeInstanceOf(TransactionNotFoundError)
    await expect(adapter.verify(unknown)).rejects.toMatchObject({ network: 'bitcoin', txHash: unknown })

    const asked = server.requests.length
    for (const bad of ['', 'abc', 'zz'.repeat(32), `0x${'ab'.repeat(32)}`, 'ab'.repeat(33)]) {
      await expect(adapter.verify(bad)).rejects.toBeInstanceOf(InvalidInputError)
    }
    // A malformed id never reaches the node.
    expect(server.requests.length).toBe(asked)
  })

  it('counts confirmations up as blocks are mined on top', async () => {
    const { wallet, chain, adapter } = h
    wallet.pay([{ address: bip84a!, value: 10_000n }])
    const [block] = chain.mine(1)
    const [event] = (await adapter.scan(BigInt(block!.height), BigInt(block!.height), watchSetOf(customers)))
      .events

    expect(adapter.confirmations(event!, await adapter.head())).toBe(1)
    chain.mine(2)
    const head = await adapter.head()
    expect(head).toEqual({
      number: BigInt(chain.height),
      hash: chain.tip.hash,
      timestamp: chain.tip.block.timestamp,
    })
    expect(adapter.confirmations(event!, head)).toBe(3)
    // Not yet mined: no confirmations.
    expect(adapter.confirmations({ ...event!, blockRef: undefined }, head)).toBe(0)
  })

  it('notices a reorg: the old block is no longer canonical and the payment mined again keeps its identity', async () => {
    const { wallet, chain, adapter } = h
    const tx = wallet.pay([{ address: bip84a!, value: 75_000n }])
    const [old] = chain.mine(1)
    const before = await adapter.scan(BigInt(old!.height), BigInt(old!.height), watchSetOf(customers))
    const oldRef = { number: BigInt(old!.height), hash: old!.hash }
    expect(await adapter.isCanonical(oldRef)).toBe(true)

    const { mined } = chain.reorg(1)

    expect(mined[0]!.hash).not.toBe(old!.hash)
    expect(await adapter.isCanonical(oldRef)).toBe(false)
    expect(await adapter.isCanonical({ number: BigInt(mined[0]!.height), hash: mined[0]!.hash })).toBe(true)
    const after = await adapter.scan(oldRef.number, BigInt(chain.height), watchSetOf(customers))
    expect(after.events).toHaveLength(1)
    const [was] = before.events
    const [now] = after.events
    expect([now!.txHash, now!.eventIndex]).toEqual([was!.txHash, was!.eventIndex])
    expect(now!.txHash).toBe(tx.getId())
    expect(now!.blockRef).toEqual({ number: BigInt(mined[0]!.height), hash: mined[0]!.hash })
    expect((await adapter.verify(tx.getId()))[0]!.blockRef).toEqual(now!.blockRef)
  })

  it('reports a payment the competing branch left out as pending, outside any block', async () => {
    const { wallet, chain, adapter } = h
    const kept = wallet.pay([{ address: bip84a!, value: 11_000n }])
    const dropped = wallet.pay([{ address: bip84b!, value: 22_000n }], {
      coins: [wallet.coins('p2wpkh')[0]!],
    })
    const [old] = chain.mine(1)

    chain.reorg(1, { exclude: [dropped.getId()], dropExcluded: true })

    const result = await adapter.scan(BigInt(old!.height), BigInt(chain.height), watchSetOf(customers))
    expect(result.events.map((e) => e.txHash)).toEqual([kept.getId()])
    expect(await adapter.isCanonical({ number: BigInt(old!.height), hash: old!.hash })).toBe(false)
    // The node still knows the transaction (txindex / electrs keep it), but no canonical block holds it.
    const [event] = await adapter.verify(dropped.getId())
    expect(event).toMatchObject({ txHash: dropped.getId(), eventIndex: 0, status: 'pending' })
    expect(event!.blockRef).toBeUndefined()
  })

  it('reports the tip as the head', async () => {
    const head = await h.adapter.head()
    expect(head).toEqual({
      number: BigInt(h.chain.height),
      hash: h.chain.tip.hash,
      timestamp: h.chain.tip.block.timestamp,
    })
  })
})
