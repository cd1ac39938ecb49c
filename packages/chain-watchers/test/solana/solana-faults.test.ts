import { PublicKey } from '@solana/web3.js'
import { afterEach, describe, expect, it } from 'vitest'
import { SolanaRpcError } from '../../src/adapters/solana/index.js'
import { RpcUnavailableError, WrongChainError } from '../../src/errors.js'
import { deadUrl } from '../rpc/fault-server.js'
import { newReference } from './cluster.js'
import { type SolanaHarness, startSolanaHarness } from './harness.js'
import type { Fault } from './server.js'

describe('Solana adapter when nodes misbehave', () => {
  let h: SolanaHarness
  afterEach(() => h.close())

  /** A harness whose adapter has talked to the node once (the genesis check is behind it), with a payment. */
  async function withPayment(...args: Parameters<typeof startSolanaHarness>) {
    h = await startSolanaHarness(...args)
    const merchant = h.cluster.wallet({ sol: 1_000_000n })
    const customer = h.cluster.wallet({ usdc: 10_000_000n })
    const sol = h.cluster.landed(
      h.cluster.paySol({
        from: customer,
        to: merchant.publicKey,
        lamports: 77_000n,
        reference: newReference(),
      }),
    )
    h.cluster.landed(
      h.cluster.payUsdc({ from: customer, to: merchant.publicKey, amount: 88n, createAccount: true }),
    )
    h.ledger.advance()
    return { wallet: merchant.publicKey.toBase58(), signature: sol.signature }
  }

  const faults: [string, Fault][] = [
    ['an HTTP 500', { kind: 'status', status: 500, body: 'Internal Server Error' }],
    ['an HTTP 503 from a proxy', { kind: 'status', status: 503, body: '<html>upstream down</html>' }],
    ['an HTTP 429 with Retry-After', { kind: 'status', status: 429, headers: { 'Retry-After': '0' } }],
    ['a dropped connection', { kind: 'reset' }],
    ['a JSON answer cut in half', { kind: 'truncate' }],
    ['"node is behind" (-32005)', { kind: 'rpcError', code: -32005, message: 'Node is behind by 42 slots' }],
  ]
  it.each(faults)('retries after %s and answers as if nothing happened', async (_, fault) => {
    const { wallet, signature } = await withPayment()
    const expected = await h.adapter.verify(signature)
    const scanned = await h.adapter.scanAccount(wallet, null)

    for (const method of ['getTransaction', 'getSignaturesForAddress', 'getBlock', 'getLatestBlockhash']) {
      h.node.faults.push({ ...fault, method })
      expect(await h.adapter.verify(signature)).toEqual(expected)
      h.node.faults.push({ ...fault, method })
      expect(await h.adapter.scanAccount(wallet, null)).toEqual(scanned)
    }
    expect(h.node.faults).toHaveLength(0)
  })

  it('retries a node that stays silent past the timeout', async () => {
    const { signature } = await withPayment({ config: { rpc: { timeoutMs: 150, retries: 1 } } })
    await h.adapter.head()
    h.node.faults.push({ kind: 'delay', ms: 400, method: 'getTransaction' })
    expect(await h.adapter.verify(signature)).toHaveLength(1)
    expect(h.node.requests.filter((r) => r.fault === 'delay')).toHaveLength(1)
  })

  it('fails fast on invalid params, naming the method and code', async () => {
    const { signature } = await withPayment()
    h.node.faults.push({
      kind: 'rpcError',
      code: -32602,
      message: 'Invalid params',
      method: 'getTransaction',
    })
    const error = await h.adapter.verify(signature).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SolanaRpcError)
    expect(error).toMatchObject({ rpcCode: -32602, method: 'getTransaction', retryable: false })
    expect(h.node.requests.filter((r) => r.method === 'getTransaction')).toHaveLength(1)
  })

  it('fails over from a dead first URL to the second', async () => {
    const dead = await deadUrl()
    const { wallet, signature } = await withPayment({ urls: (own) => [dead, own] })
    expect(await h.adapter.verify(signature)).toHaveLength(1)
    expect((await h.adapter.scanAccount(wallet, null)).events).toHaveLength(2)
  })

  it('leaves a node that is behind the cursor for one that has caught up, losing nothing', async () => {
    const { wallet } = await withPayment({ others: [0], urls: (own, [lagging]) => [lagging!.url, own] })
    const lagging = h.others[0]!
    const first = await h.adapter.scanAccount(wallet, null)
    expect(first.events).toHaveLength(2)
    expect(h.node.requests).toHaveLength(0)

    const customer = h.cluster.wallet()
    const late = h.cluster.landed(
      h.cluster.paySol({ from: customer, to: new PublicKey(wallet), lamports: 9n }),
    )
    h.ledger.advance(3)
    // The first node falls behind the slot the cursor has seen; listing there would miss nothing new but
    // would hide it: it must refuse (minContextSlot) and the next node answer.
    lagging.view.behind = 5

    const next = await h.adapter.scanAccount(wallet, first.cursor)

    expect(next.events.map((e) => e.txHash)).toEqual([late.signature])
    expect(
      lagging.requests.some(
        (r) => r.method === 'getSignaturesForAddress' && 'minContextSlot' in (r.params[1] as object),
      ),
    ).toBe(true)
    expect(h.node.requests.some((r) => r.method === 'getSignaturesForAddress')).toBe(true)
  })

  it('does not take a lagging node`s silence about a listed transaction for its absence', async () => {
    const { wallet } = await withPayment({ others: [0], urls: (own, [lagging]) => [own, lagging!.url] })
    const expected = await h.adapter.scanAccount(wallet, null)
    h.others[0]!.view.behind = 1
    // The node that listed the signatures fails once on getTransaction; the next URL does not have it yet.
    h.node.faults.push({ kind: 'status', status: 502, method: 'getTransaction' })

    expect(await h.adapter.scanAccount(wallet, null)).toEqual(expected)
    expect(h.others[0]!.requests.filter((r) => r.method === 'getTransaction').length).toBeGreaterThan(0)
  })

  it('says no node answered when every URL is down, naming each', async () => {
    const urls = [await deadUrl(), await deadUrl()]
    await withPayment({ urls: () => urls })
    const error = await h.adapter.head().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RpcUnavailableError)
    expect((error as RpcUnavailableError).errors.map((e) => e.url)).toEqual(urls)
  })

  it('refuses a node of another cluster (a local validator for a mainnet adapter)', async () => {
    await withPayment({ config: { mode: 'mainnet', usdcMint: undefined } })
    const error = await h.adapter.head().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(WrongChainError)
    expect((error as WrongChainError).shortMessage).toMatch(/a local cluster .*expected mainnet-beta/)
  })

  it('asks again when a node answers in the wrong shape', async () => {
    const { wallet, signature } = await withPayment()
    const expected = await h.adapter.scanAccount(wallet, null)
    const verified = await h.adapter.verify(signature)
    h.node.faults.push(
      {
        kind: 'result',
        result: [{ signature: 'not-a-signature', slot: 1 }],
        method: 'getSignaturesForAddress',
      },
      { kind: 'result', result: { slot: 5, meta: null }, method: 'getTransaction' },
    )
    expect(await h.adapter.scanAccount(wallet, null)).toEqual(expected)
    h.node.faults.push({
      kind: 'result',
      result: { context: { slot: -1 }, value: {} },
      method: 'getLatestBlockhash',
    })
    expect(await h.adapter.verify(signature)).toEqual(verified)
    expect(h.node.faults).toHaveLength(0)
  })
})
