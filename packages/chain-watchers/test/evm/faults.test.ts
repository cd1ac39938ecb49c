import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RpcUnavailableError, WrongChainError } from '../../src/errors.js'
import { deadUrl } from '../rpc/fault-server.js'
import { customerAddress, type EvmFixture, evmFixture, watchSetOf } from './fixture.js'
import { startRpcProxy } from './rpc-proxy.js'

let f: EvmFixture
let from: bigint
let to: bigint
const alice = customerAddress(0)
const bob = customerAddress(1)
const watch = watchSetOf([alice, bob])

beforeAll(async () => {
  f = await evmFixture()
  from = (await f.blockNumber()) + 1n
  await f.payNative(alice, '1')
  await f.batchPay(f.usdt, [
    [alice, 10n],
    [customerAddress(9), 20n],
    [bob, 30n],
  ])
  await f.payToken(f.usdc, bob, 40n)
  to = await f.blockNumber()
})
afterAll(() => f?.stop())

const fastRetries = { retries: 6, backoff: { initialMs: 5, maxMs: 20 }, timeoutMs: 2_000 }

describe('evm adapter under faults', () => {
  it('fails over from a dead first URL to anvil', async () => {
    const adapter = f.adapterWith({ rpc: { urls: [await deadUrl(), f.anvil.url], ...fastRetries } })
    expect((await adapter.head()).number).toBe(to)
    expect(await adapter.scan(from, to, watch)).toEqual(await f.adapter.scan(from, to, watch))
  })

  it('raises WrongChainError when a node serves another chain id', async () => {
    const mainnet = f.adapterWith({ chainId: 1 })
    const error = await mainnet.head().catch((e) => e)
    expect(error).toBeInstanceOf(WrongChainError)
    expect(error).toMatchObject({ network: 'ethereum', url: f.anvil.url })
    expect(error.message).toContain('serves chain 31337, expected 1')
    // The registry's own chain id for ethereum mainnet is 1 too.
    await expect(f.adapterWith({ chainId: undefined, mode: 'mainnet' }).head()).rejects.toBeInstanceOf(
      WrongChainError,
    )
  })

  it('loses and duplicates nothing when the node answers 500s and truncated JSON', async () => {
    const proxy = await startRpcProxy(f.anvil.url, {
      fault: (n) => (n % 3 === 1 ? 500 : n % 3 === 2 ? 'truncated' : 'forward'),
    })
    try {
      const flaky = f.adapterWith({ rpc: { urls: [proxy.url], ...fastRetries } })
      const clean = await f.adapter.scan(from, to, watch)
      expect(clean.events).toHaveLength(4)
      expect(await flaky.scan(from, to, watch)).toEqual(clean)
      const hash = clean.events[1]!.txHash
      expect(await flaky.verify(hash)).toEqual(await f.adapter.verify(hash))
    } finally {
      await proxy.close()
    }
  })

  it('numbers token transfers the same when a node sends the logs out of order', async () => {
    const proxy = await startRpcProxy(f.anvil.url, {
      rewrite: (call, reply) =>
        call.method === 'eth_getLogs' ? { ...reply, result: [...reply.result].reverse() } : reply,
    })
    try {
      const shuffled = f.adapterWith({ rpc: { urls: [proxy.url], ...fastRetries } })
      const clean = await f.adapter.scan(from, to, watch)
      // The batch's transfers to alice and bob are its 1st and 3rd token logs.
      expect(clean.events.map((e) => [e.asset, e.eventIndex])).toEqual([
        ['ETH', 0],
        ['USDT', 1],
        ['USDT', 3],
        ['USDC', 1],
      ])
      expect(await shuffled.scan(from, to, watch)).toEqual(clean)
    } finally {
      await proxy.close()
    }
  })

  it('gives up with RpcUnavailableError when every URL keeps failing', async () => {
    const proxy = await startRpcProxy(f.anvil.url, { fault: () => 503 })
    try {
      const down = f.adapterWith({ rpc: { urls: [proxy.url, await deadUrl()], ...fastRetries, retries: 1 } })
      const error = await down.scan(from, to, watch).catch((e) => e)
      expect(error).toBeInstanceOf(RpcUnavailableError)
      expect(error.errors.map((e: { status?: number }) => e.status)).toEqual([503, undefined])
    } finally {
      await proxy.close()
    }
  })

  it('halves the eth_getLogs range when the node says it is too wide', async () => {
    const widths: bigint[] = []
    const proxy = await startRpcProxy(f.anvil.url, {
      rewrite: (call, reply) => {
        if (call.method !== 'eth_getLogs') return reply
        const width = BigInt(call.params[0].toBlock) - BigInt(call.params[0].fromBlock) + 1n
        widths.push(width)
        if (width <= 2n) return reply
        return {
          jsonrpc: '2.0',
          id: call.id,
          error: { code: -32602, message: 'exceed maximum block range: 2' },
        }
      },
    })
    try {
      const narrow = f.adapterWith({ rpc: { urls: [proxy.url], ...fastRetries }, maxBlockRange: 1_000 })
      const scanned = await narrow.scan(0n, to, watch)
      expect(scanned).toEqual(await f.adapter.scan(0n, to, watch))
      expect(scanned.events).toHaveLength(4)
      expect(widths[0]).toBe(to + 1n)
      expect(widths.filter((w) => w <= 2n).length).toBeGreaterThanOrEqual(Number(to + 1n) / 2)
      // The narrower range sticks: the next scan asks for 2 blocks at once straight away.
      widths.length = 0
      await narrow.scan(0n, to, watch)
      expect(widths.every((w) => w <= 2n)).toBe(true)
    } finally {
      await proxy.close()
    }
  })
})
