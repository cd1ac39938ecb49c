import { afterEach, describe, expect, it } from 'vitest'
import { ReorgDuringScanError, RpcError, RpcUnavailableError, WrongChainError } from '../../src/errors.js'
import { customerAddresses, watchSetOf } from './fixtures.js'
import { type BitcoinHarness, backends, startBitcoinHarness } from './harness.js'
import { deadUrl, type Fault } from './server.js'

const [customer] = customerAddresses('bip84', 1)
const watch = watchSetOf([customer!])

describe.each(backends)('Bitcoin adapter over %s when the node misbehaves', (backend) => {
  let h: BitcoinHarness
  const open: BitcoinHarness[] = []
  afterEach(async () => {
    await Promise.all(open.splice(0).map((o) => o.close()))
  })

  async function start(...args: Parameters<typeof startBitcoinHarness>): Promise<BitcoinHarness> {
    h = await startBitcoinHarness(...args)
    open.push(h)
    return h
  }

  /** A harness whose adapter has already talked to the node once (the genesis check is behind it). */
  async function warmHarness(...args: Parameters<typeof startBitcoinHarness>): Promise<BitcoinHarness> {
    await start(...args)
    await h.adapter.head()
    return h
  }

  /** A mined payment to the customer and the height of its block. */
  function minedPayment() {
    const tx = h.wallet.pay([{ address: customer!, value: 42_000n }])
    const [block] = h.chain.mine(1)
    return { txid: tx.getId(), height: BigInt(block!.height) }
  }

  const faultsOnce: [string, Fault][] = [
    ['an HTTP 500', { kind: 'status', status: 500, body: 'Internal Server Error', target: backend }],
    ['an HTTP 503', { kind: 'status', status: 503, body: 'warming up', target: backend }],
    [
      'an HTTP 429 with Retry-After',
      { kind: 'status', status: 429, headers: { 'Retry-After': '0' }, target: backend },
    ],
    ['a dropped connection', { kind: 'reset', target: backend }],
  ]
  it.each(faultsOnce)('retries after %s and answers as if nothing happened', async (_, fault) => {
    await warmHarness(backend)
    const { txid, height } = minedPayment()
    const expected = await h.adapter.verify(txid)
    h.server.faults.push(fault)

    expect(await h.adapter.verify(txid)).toEqual(expected)
    expect(h.server.faults).toHaveLength(0)
    h.server.faults.push({ ...fault })
    // A scan reads raw blocks, whose inputs carry no amounts: the fee is read afterwards, as verify reads it.
    const paid = expected.filter((e) => e.to === customer)
    expect((await h.adapter.scan(height, height, watch)).events).toEqual(paid.map(({ fee, ...e }) => e))
    h.server.faults.push({ ...fault })
    const fees = await h.adapter.fees([{ txHash: txid, blockHash: paid[0]!.blockRef!.hash }])
    expect(fees).toEqual(new Map([[txid, paid[0]!.fee]]))
    expect(h.server.faults).toHaveLength(0)
  })

  it('retries a JSON answer cut in half', async () => {
    await warmHarness(backend)
    const { txid } = minedPayment()
    const expected = await h.adapter.verify(txid)
    // Esplora's JSON is the transaction's status; Core's every answer.
    h.server.faults.push({
      kind: 'truncate',
      target: backend,
      match: backend === 'esplora' ? `/tx/${txid}` : 'getrawtransaction',
    })

    expect(await h.adapter.verify(txid)).toEqual(expected)
    const served = h.server.requests.filter((r) => r.fault === 'truncate')
    expect(served).toHaveLength(1)
  })

  it('fetches a raw block again when its body was cut short', async () => {
    await warmHarness(backend)
    const { height } = minedPayment()
    h.server.faults.push({
      kind: 'truncate',
      target: backend,
      match: backend === 'esplora' ? '/raw' : 'getblock',
    })

    const result = await h.adapter.scan(height, height, watch)

    expect(result.events).toHaveLength(1)
    expect(h.server.requests.some((r) => r.fault === 'truncate')).toBe(true)
  })

  it('retries a node that stays silent past the timeout', async () => {
    await warmHarness(backend, { config: { rpc: { timeoutMs: 150, retries: 1 } } })
    h.server.faults.push({ kind: 'delay', ms: 400, target: backend })
    expect(await h.adapter.head()).toMatchObject({ number: BigInt(h.chain.height) })
    expect(h.server.requests.filter((r) => r.fault === 'delay')).toHaveLength(1)
  })

  it('fails over from a dead first URL to the second', async () => {
    const dead = await deadUrl(backend === 'esplora' ? '/api' : '/')
    await start(backend, { urls: (own) => [dead, own] })
    const { txid } = minedPayment()

    const events = await h.adapter.verify(txid)

    expect(events.find((e) => e.to === customer)).toMatchObject({ amount: 42_000n, status: 'pending' })
  })

  it('says no node answered when every URL is down, naming each', async () => {
    const urls = [await deadUrl('/'), await deadUrl('/')]
    await start(backend, { urls: () => urls })

    const error = await h.adapter.head().catch((e: unknown) => e)

    expect(error).toBeInstanceOf(RpcUnavailableError)
    expect((error as RpcUnavailableError).errors.map((e) => e.url)).toEqual(
      urls.map((u) => u.replace(/\/$/, '')),
    )
  })

  it('refuses a node of another chain (a regtest node for a testnet adapter)', async () => {
    await start(backend, { config: { mode: 'testnet' } })

    const error = await h.adapter.head().catch((e: unknown) => e)

    expect(error).toBeInstanceOf(WrongChainError)
    expect((error as WrongChainError).shortMessage).toMatch(
      /regtest, expected testnet3 or testnet4 or signet/,
    )
  })

  it('reports a block replaced while the scan reads it as a reorg, or returns it for the cursor check', async () => {
    await warmHarness(backend)
    const { height } = minedPayment()
    const oldHash = h.chain.tip.hash
    h.server.faults.push({
      kind: 'delay',
      ms: 50,
      target: backend,
      match: backend === 'esplora' ? '/raw' : 'getblock',
      onServe: () => h.chain.reorg(1),
    })

    const outcome = await h.adapter.scan(height, height, watch).catch((e: unknown) => e)

    if (backend === 'esplora') {
      // electrs forgets a block once it leaves the best chain.
      expect(outcome).toBeInstanceOf(ReorgDuringScanError)
    } else {
      // Core still serves the stale block; the scan job's isCanonical check on the cursor catches it.
      expect(outcome).toMatchObject({ last: { number: height, hash: oldHash } })
      expect(await h.adapter.isCanonical({ number: height, hash: oldHash })).toBe(false)
    }
  })
})

describe('Bitcoin adapter over core with wrong credentials', () => {
  let h: BitcoinHarness
  afterEach(() => h?.close())

  it('fails with HTTP 401 from the node rather than pretending the transaction is unknown', async () => {
    h = await startBitcoinHarness('core', {
      urls: (own) => {
        const url = new URL(own)
        url.password = 'wrong'
        return [url.toString()]
      },
    })

    const error = await h.adapter.verify('ab'.repeat(32)).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(RpcUnavailableError)
    const [last] = (error as RpcUnavailableError).errors
    expect(last).toBeInstanceOf(RpcError)
    expect(last!.status).toBe(401)
  })
})
