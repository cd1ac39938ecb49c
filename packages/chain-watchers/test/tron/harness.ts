import { createTronAdapter, type TronAdapterConfig } from '../../src/adapters/tron/index.js'
import type { TronChainOptions } from './chain.js'
import { fundedChain, PAYER_SEED, USDC } from './fixtures.js'
import { startTronNode } from './server.js'
import { TronTestWallet } from './wallet.js'

/** Quick retries so fault tests take milliseconds, not the production seconds. */
export const fastRpc = { timeoutMs: 2_000, retries: 2, backoff: { initialMs: 5, maxMs: 20 }, cooldownMs: 0 }

export interface TronHarnessOptions {
  config?: Partial<Omit<TronAdapterConfig, 'rpc'>> & { rpc?: Partial<TronAdapterConfig['rpc']> }
  chain?: Omit<TronChainOptions, 'allocations' | 'tokens'>
  /** The adapter's URLs, given the local node's. */
  urls?: (own: string) => string[]
}

/**
 * A funded local chain served by a local full node, a payer wallet (tronweb) on it, and a mainnet-mode
 * adapter pointed at the node: it checks the node's chain id (the local genesis) and watches the registry's
 * USDT plus USDC from its config.
 */
export async function startTronHarness(opts: TronHarnessOptions = {}) {
  const chain = fundedChain(opts.chain)
  const server = await startTronNode(chain)
  const payer = new TronTestWallet(server.url, PAYER_SEED)
  const adapter = createTronAdapter({
    mode: 'mainnet',
    chainId: chain.chainId,
    tokens: [{ asset: 'USDC', contract: USDC, decimals: 6 }],
    ...opts.config,
    rpc: { ...fastRpc, ...opts.config?.rpc, urls: opts.urls ? opts.urls(server.url) : [server.url] },
  })
  return { chain, server, payer, adapter, close: () => server.close() }
}

export type TronHarness = Awaited<ReturnType<typeof startTronHarness>>
