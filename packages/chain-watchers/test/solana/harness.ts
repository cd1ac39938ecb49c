import { createSolanaAdapter, type SolanaAdapterConfig } from '../../src/adapters/solana/index.js'
import { TestCluster } from './cluster.js'
import { type SolanaNodeServer, startSolanaNode } from './server.js'

/** Quick retries so fault tests take milliseconds, not the production seconds. */
export const fastRpc = { timeoutMs: 2_000, retries: 2, backoff: { initialMs: 5, maxMs: 20 }, cooldownMs: 0 }

/**
 * A local cluster with a USDC mint, a node serving it over JSON-RPC (and `others`), and a regtest adapter
 * watching that mint, pointed at the node (or at `urls(node, others)`).
 */
export async function startSolanaHarness(
  opts: {
    config?: Partial<Omit<SolanaAdapterConfig, 'rpc'>> & { rpc?: Partial<SolanaAdapterConfig['rpc']> }
    /** Other nodes over the same ledger, each `behind` blocks behind, handed to `urls`. */
    others?: number[]
    urls?: (own: string, others: SolanaNodeServer[]) => string[]
  } = {},
) {
  const cluster = new TestCluster()
  const node = await startSolanaNode(cluster.ledger)
  const others = await Promise.all(
    (opts.others ?? []).map((behind) => startSolanaNode(cluster.ledger, { behind })),
  )
  const nodes: SolanaNodeServer[] = [node, ...others]
  const adapter = createSolanaAdapter({
    mode: 'regtest',
    usdcMint: cluster.usdcMint.toBase58(),
    ...opts.config,
    rpc: { ...fastRpc, ...opts.config?.rpc, urls: opts.urls ? opts.urls(node.url, others) : [node.url] },
  })
  return {
    cluster,
    ledger: cluster.ledger,
    node,
    others,
    adapter,
    close: () => Promise.all(nodes.map((n) => n.close())).then(() => undefined),
  }
}

export type SolanaHarness = Awaited<ReturnType<typeof startSolanaHarness>>
