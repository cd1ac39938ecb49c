import { createTonAdapter, type TonAdapter, type TonAdapterConfig } from '../../src/adapters/ton/index.js'
import type { AccountScanResult, TransferEvent } from '../../src/adapters/types.js'
import { toTonFriendlyAddress } from '../../src/address/ton.js'
import { TonTestChain, type Zerostate } from './chain.js'
import { startToncenterServer, type ToncenterServerOptions } from './server.js'
import { deployedWallet } from './wallets.js'

/** Quick retries so fault tests take milliseconds, not the production seconds. */
export const fastRpc = { timeoutMs: 2_000, retries: 2, backoff: { initialMs: 5, maxMs: 20 }, cooldownMs: 0 }

export type HarnessConfig = Partial<Omit<TonAdapterConfig, 'rpc'>> & {
  rpc?: Partial<TonAdapterConfig['rpc']>
}

/**
 * A TON test chain with a deployed merchant wallet (v4r2), served by a local toncenter, and a regtest
 * adapter pointed at it that verifies against the merchant wallet.
 */
export async function startTonHarness(
  opts: {
    config?: HarnessConfig
    server?: ToncenterServerOptions
    urls?: (own: string) => string[]
    zerostate?: Zerostate
  } = {},
) {
  const chain = await TonTestChain.create(opts.zerostate)
  const server = await startToncenterServer(chain, opts.server)
  const merchant = await deployedWallet(chain, 'merchant', 'v4')
  const adapterFor = (config: HarnessConfig = {}): TonAdapter =>
    createTonAdapter({
      mode: 'regtest',
      wallets: [merchant.friendly()],
      ...opts.config,
      ...config,
      rpc: {
        ...fastRpc,
        ...opts.config?.rpc,
        ...config.rpc,
        urls: config.rpc?.urls ?? (opts.urls ? opts.urls(server.url) : [server.url]),
      },
    })
  return { chain, server, merchant, adapter: adapterFor(), adapterFor, close: () => server.close() }
}

export type TonHarness = Awaited<ReturnType<typeof startTonHarness>>

/** How regtest events write an address: bounceable, test-only. */
export function eventAddress(raw: string): string {
  return toTonFriendlyAddress(raw, { testOnly: true })
}

/** Pages an account until `more` is false, as the scan job would: every event, and the cursor to keep. */
export async function scanToEnd(
  adapter: TonAdapter,
  account: string,
  cursor: string | null,
  limit?: number,
): Promise<{ events: TransferEvent[]; cursor: string | null; pages: AccountScanResult[] }> {
  const pages: AccountScanResult[] = []
  let at = cursor
  for (;;) {
    const page = await adapter.scanAccount(account, at, limit !== undefined ? { limit } : {})
    pages.push(page)
    at = page.cursor
    if (!page.more) break
    if (pages.length > 1_000) throw new Error('scan does not end')
  }
  return { events: pages.flatMap((p) => p.events), cursor: at, pages }
}
