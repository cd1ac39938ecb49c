import { afterEach, describe, expect, it } from 'vitest'
import { createTronAdapter } from '../../src/adapters/tron/index.js'
import { ChainError, RpcError, RpcUnavailableError, WrongChainError } from '../../src/errors.js'
import { deadUrl } from '../rpc/fault-server.js'
import { customerAddresses, USDT, watchSetOf } from './fixtures.js'
import { startTronHarness, type TronHarness, type TronHarnessOptions } from './harness.js'
import type { Fault } from './server.js'

const [customer] = customerAddresses(1)
const watch = watchSetOf([customer!])

describe('Tron adapter when the node misbehaves', () => {
  let h: TronHarness
  const open: TronHarness[] = []
  afterEach(async () => {
    await Promise.all(open.splice(0).map((o) => o.close()))
  })

  async function start(opts?: TronHarnessOptions) {
    h = await startTronHarness(opts)
    open.push(h)
    return h
  }

  /** A harness whose adapter has talked to the node once (the chain id check is behind it). */
  async function warm(opts?: TronHarnessOptions) {
    await start(opts)
    await h.adapter.head()
    return h
  }

  /** A mined USDT payment to the customer and its block height. */
  async function minedPayment() {
    const tx = await h.payer.transferToken(USDT, customer!, 42_000_000n)
    const [block] = h.chain.mine(1)
    return { txid: tx.txID, height: BigInt(block!.number) }
  }

  const faultsOnce: [string, Fault][] = [
    ['an HTTP 500', { kind: 'status', status: 500, body: 'Internal Server Error' }],
    ['an HTTP 503', { kind: 'status', status: 503, body: 'Service Unavailable' }],
    ['an HTTP 429 with Retry-After', { kind: 'status', status: 429, headers: { 'Retry-After': '0' } }],
    ['a dropped connection', { kind: 'reset' }],
    ['a JSON answer cut in half', { kind: 'truncate' }],
    [
      'java-tron\'s {"Error": …}',
      { kind: 'servletError', message: 'class java.lang.NullPointerException : null' },
    ],
    ['an answer of the wrong shape', { kind: 'status', status: 200, body: '{"blockID":"not a hash"}' }],
  ]
  it.each(faultsOnce)('retries after %s and answers as if nothing happened', async (_, fault) => {
    await warm()
    const { txid, height } = await minedPayment()
    const expected = await h.adapter.verify(txid)
    const scanned = await h.adapter.scan(height, height, watch)

    for (const match of ['/wallet/gettransactioninfobyid', '/walletsolidity/getnowblock']) {
      h.server.faults.push({ ...fault, match })
      expect(await h.adapter.verify(txid)).toEqual(expected)
    }
    for (const match of ['/wallet/getblockbylimitnext', '/wallet/gettransactioninfobyblocknum']) {
      h.server.faults.push({ ...fault, match })
      expect(await h.adapter.scan(height, height, watch)).toEqual(scanned)
    }
    expect(h.server.faults).toHaveLength(0)
    expect(h.server.requests.filter((r) => r.fault)).toHaveLength(4)
  })

  it('retries a node that stays silent past the timeout', async () => {
    await warm({ config: { rpc: { timeoutMs: 150, retries: 1 } } })
    h.server.faults.push({ kind: 'delay', ms: 400, match: '/wallet/getnowblock' })

    expect(await h.adapter.head()).toMatchObject({ number: BigInt(h.chain.height) })
    expect(h.server.requests.filter((r) => r.fault === 'delay')).toHaveLength(1)
  })

  it('fails over from a dead first URL to the second', async () => {
    const dead = await deadUrl()
    await start({ urls: (own) => [dead, own] })
    const { txid } = await minedPayment()

    const [event] = await h.adapter.verify(txid)

    expect(event).toMatchObject({ to: customer, amount: 42_000_000n, status: 'pending' })
  })

  it('fails over from a node answering 502 to the next one', async () => {
    const other = await start()
    const first = await start()
    // Two nodes of the same chain (same genesis); the payment is only on the first.
    const { txid } = await minedPayment()
    const adapter = createTronAdapter({
      mode: 'mainnet',
      chainId: first.chain.chainId,
      rpc: { urls: [first.server.url, other.server.url], retries: 0, backoff: { initialMs: 1 } },
    })
    first.server.faults.push(
      { kind: 'status', status: 502 },
      { kind: 'status', status: 502 },
      { kind: 'status', status: 502 },
    )

    // The other node does not know the transaction: asking it proves the failover happened.
    const outcome = await adapter.verify(txid).catch((e: unknown) => e)

    expect(outcome).toMatchObject({ name: 'TransactionNotFoundError' })
    expect(other.server.requests.some((r) => r.path === '/wallet/gettransactionbyid')).toBe(true)
  })

  it('says no node answered when every URL is down, naming each', async () => {
    const urls = [await deadUrl(), await deadUrl()]
    await start({ urls: () => urls })

    const error = await h.adapter.head().catch((e: unknown) => e)

    expect(error).toBeInstanceOf(RpcUnavailableError)
    expect((error as RpcUnavailableError).network).toBe('tron')
    expect((error as RpcUnavailableError).errors.map((e) => e.url)).toEqual(urls)
  })

  it('refuses a node of another chain (a local node for a mainnet adapter)', async () => {
    await start({ config: { chainId: undefined, mode: 'mainnet' } })

    const error = await h.adapter.head().catch((e: unknown) => e)

    expect(error).toBeInstanceOf(WrongChainError)
    expect((error as WrongChainError).shortMessage).toMatch(/expected 0x2b6653dc/)
    expect((error as WrongChainError).shortMessage).toContain(h.chain.chainId.toString(16))
  })

  it('fails fast on a wrong base URL (HTTP 404) rather than calling the transaction unknown', async () => {
    await start({ urls: (own) => [`${own}/v1`] })

    const error = await h.adapter.verify('ab'.repeat(32)).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(RpcError)
    expect(error).toMatchObject({ status: 404, retryable: false })
  })

  it('reports a node that returns no transaction infos instead of taking it for a reorg', async () => {
    await warm()
    const { height } = await minedPayment()
    h.server.faults.push({
      kind: 'status',
      status: 200,
      body: '[]',
      match: '/wallet/gettransactioninfobyblocknum',
    })

    const error = await h.adapter.scan(height, height, watch).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(ChainError)
    expect(error).toMatchObject({ name: 'ChainError' })
    expect((error as ChainError).shortMessage).toMatch(/infos for block \d+ do not match it/)
  })
})
