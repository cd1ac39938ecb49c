import {
  type AnyChainAdapter,
  ChainError,
  type NetworkId,
  networkIds,
  networks,
  RpcUnavailableError,
} from '@coinbook/chain-watchers'
import type { Chains } from '../../../chains/index.js'
import type { ServiceContext } from '../../../context.js'
import type { NetworkStatus } from '../schema.js'

/** How long a node's answer is reused: the page refreshes every few seconds, the nodes need not. */
const HEAD_CACHE_MS = 10_000
const HEAD_TIMEOUT_MS = 5_000

type HeadReading = { head: bigint | null; error: string | null; at: Date }
const heads = new Map<AnyChainAdapter, { reading: Promise<HeadReading>; expires: number }>()

/**
 * Each network's health as this deployment sees it: whether a node answers and its head, where the scan
 * is and how far behind, and when it last ran (for Solana and TON: the asking merchant's wallets).
 */
export async function listNetworkStatus({
  ctx,
  chains,
}: {
  ctx: ServiceContext
  chains: Chains
}): Promise<NetworkStatus[]> {
  const [cursors, walletScans] = await Promise.all([
    ctx.db.selectFrom('chain_cursors').select(['network', 'block_number', 'updated_at']).execute(),
    ctx.db
      .selectFrom('wallet_cursors as c')
      .innerJoin('wallets as w', 'w.id', 'c.wallet_id')
      .select(['w.network', (eb) => eb.fn.max('c.updated_at').as('last')])
      .where('w.merchant_id', '=', ctx.merchantId)
      .groupBy('w.network')
      .execute(),
  ])
  return Promise.all(
    networkIds.map(async (network): Promise<NetworkStatus> => {
      const definition = networks[network]
      const adapter = chains.adapter(network)
      const scan = definition.family === 'solana' || definition.family === 'ton' ? 'wallets' : 'blocks'
      const reading = adapter ? await readHead(adapter) : undefined
      const cursorRow = cursors.find((c) => c.network === network)
      const cursor = scan === 'blocks' && cursorRow ? BigInt(cursorRow.block_number) : null
      const lastScan =
        scan === 'blocks'
          ? (cursorRow?.updated_at ?? null)
          : (walletScans.find((w) => w.network === network)?.last ?? null)
      const head = reading?.head ?? null
      return {
        network,
        name: definition.name,
        scan,
        node: {
          status: !adapter ? 'not_configured' : reading?.error ? 'error' : 'ok',
          error: reading?.error ?? null,
          urls: urlCount(adapter),
        },
        head: head?.toString() ?? null,
        cursor: cursor?.toString() ?? null,
        lag: head !== null && cursor !== null ? Math.max(0, Number(head - cursor)) : null,
        lastScanAt: lastScan ? new Date(lastScan).toISOString() : null,
        requiredConfirmations: chains.requiredConfirmations(network as NetworkId),
        checkedAt: (reading?.at ?? new Date()).toISOString(),
      }
    }),
  )
}

function readHead(adapter: AnyChainAdapter): Promise<HeadReading> {
  const cached = heads.get(adapter)
  if (cached && cached.expires > Date.now()) return cached.reading
  const reading = withTimeout(adapter.head(), HEAD_TIMEOUT_MS).then(
    (h): HeadReading => ({ head: h.number, error: null, at: new Date() }),
    (err: unknown): HeadReading => ({
      head: null,
      error: describe(err),
      at: new Date(),
    }),
  )
  heads.set(adapter, { reading, expires: Date.now() + HEAD_CACHE_MS })
  return reading
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms)
    promise.then(
      (v) => {
        clearTimeout(timer)
        resolve(v)
      },
      (e: unknown) => {
        clearTimeout(timer)
        reject(e)
      },
    )
  })
}

function urlCount(adapter: AnyChainAdapter | undefined): number {
  const pool = (adapter as { pool?: { urls?: readonly string[] } } | undefined)?.pool
  return pool?.urls?.length ?? (adapter ? 1 : 0)
}

/** The node's failure in a line: each URL's last error when every URL failed. */
function describe(err: unknown): string {
  if (err instanceof RpcUnavailableError) return err.errors.map((e) => e.message).join('; ')
  return err instanceof ChainError ? err.shortMessage : String(err)
}
