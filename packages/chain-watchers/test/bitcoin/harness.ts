import {
  type BitcoinAdapterConfig,
  type BitcoinBackendKind,
  createBitcoinAdapter,
} from '../../src/adapters/bitcoin/index.js'
import { fundedRegtest } from './fixtures.js'
import { type NodeServer, type NodeServerOptions, startNodeServer } from './server.js'

export const backends: BitcoinBackendKind[] = ['esplora', 'core']

/** The rpcuser/rpcpassword of the local Core endpoint. */
export const AUTH = { user: 'coinbook', password: 'regtest-secret' }

/** The URL an adapter of `backend` is configured with: Esplora's base, or Core's with its credentials. */
export function nodeUrl(server: NodeServer, backend: BitcoinBackendKind): string {
  if (backend === 'esplora') return server.esploraUrl
  const url = new URL(server.coreUrl)
  url.username = AUTH.user
  url.password = AUTH.password
  return url.toString()
}

/** Quick retries so fault tests take milliseconds, not the production seconds. */
export const fastRpc = { timeoutMs: 2_000, retries: 2, backoff: { initialMs: 5, maxMs: 20 }, cooldownMs: 0 }

/**
 * A funded regtest chain served by a local node (Esplora and Core on one port, Core behind basic auth)
 * and a regtest adapter of `backend` pointed at it.
 */
export async function startBitcoinHarness(
  backend: BitcoinBackendKind,
  opts: {
    config?: Partial<Omit<BitcoinAdapterConfig, 'rpc'>> & { rpc?: Partial<BitcoinAdapterConfig['rpc']> }
    server?: NodeServerOptions
    urls?: (own: string) => string[]
  } = {},
) {
  const { chain, wallet } = fundedRegtest()
  const server = await startNodeServer(chain, { auth: AUTH, ...opts.server })
  const own = nodeUrl(server, backend)
  const adapter = createBitcoinAdapter({
    backend,
    mode: 'regtest',
    ...opts.config,
    rpc: { ...fastRpc, ...opts.config?.rpc, urls: opts.urls ? opts.urls(own) : [own] },
  })
  return { chain, wallet, server, adapter, close: () => server.close() }
}

export type BitcoinHarness = Awaited<ReturnType<typeof startBitcoinHarness>>
