import {
  type AnyChainAdapter,
  CompactWatchSet,
  createBitcoinAdapter,
  createEvmAdapter,
  createSolanaAdapter,
  createTonAdapter,
  createTronAdapter,
  type NetworkId,
  networkIds,
  networks,
  ScriptWatchSet,
  type TransferEvent,
  type WatchSet,
} from '@coinbook/chain-watchers'
import type { Kysely } from 'kysely'
import { type Config, extraTokens, requiredConfirmations, rpcUrls } from '../config.js'
import type { Database } from '../db/database.js'
import { observedAdapter, recordRpcError } from '../observability/chain.js'

/** A watch set that also takes new targets. */
export interface TargetSet extends WatchSet {
  add(target: string): unknown
}

/**
 * The chains this deployment talks to: an adapter for each network with RPC URLs, and the watch set of
 * every network's deposit targets, kept current from the database (other processes allocate too).
 */
export class Chains {
  private readonly adapters = new Map<NetworkId, AnyChainAdapter>()
  private readonly sets = new Map<NetworkId, { set: TargetSet; loadedAt: Date | null }>()

  constructor(
    private readonly config: Config,
    adapters?: Partial<Record<NetworkId, AnyChainAdapter>>,
  ) {
    for (const id of networkIds) {
      const given = adapters?.[id]
      const adapter = given ?? createAdapter(config, id)
      if (adapter) this.adapters.set(id, observedAdapter(adapter))
    }
  }

  /** The adapter of a network, or undefined when no RPC URL is configured for it. */
  adapter(network: NetworkId): AnyChainAdapter | undefined {
    return this.adapters.get(network)
  }

  /** Networks that can scan and verify. */
  configured(): NetworkId[] {
    return [...this.adapters.keys()]
  }

  /**
   * The decimals of a token the deployment configured (`<NETWORK>_TOKENS`), for an event of its contract;
   * undefined for the registry's own assets, whose decimals the registry knows.
   */
  decimalsOf(e: Pick<TransferEvent, 'network' | 'contract'>): number | undefined {
    if (!e.contract) return undefined
    const contract = e.contract.toLowerCase()
    return extraTokens(this.config, e.network).find((t) => t.contract.toLowerCase() === contract)?.decimals
  }

  requiredConfirmations(network: NetworkId): number {
    return requiredConfirmations(this.config, network)
  }

  /** Starts watching a target at once (the next refresh would find it too). */
  watch(network: string, address: string): void {
    this.entry(network as NetworkId).set.add(address)
  }

  /**
   * The watch set of a network, first loading every target and later only recent ones. The overlap of a
   * few minutes covers transactions that committed after a later one we already read.
   */
  async watchSet(db: Kysely<Database>, network: NetworkId): Promise<TargetSet> {
    const entry = this.entry(network)
    const now = new Date()
    let q = db.selectFrom('deposit_targets').select('address').where('network', '=', network)
    if (entry.loadedAt) q = q.where('created_at', '>', new Date(entry.loadedAt.getTime() - 5 * 60_000))
    for (const row of await q.execute()) entry.set.add(row.address)
    // Addresses a merchant gives to everyone (EVM, Bitcoin, Tron) are watched like deposit targets.
    let shared = db.selectFrom('shared_receiving_addresses').select('address').where('network', '=', network)
    if (entry.loadedAt)
      shared = shared.where('created_at', '>', new Date(entry.loadedAt.getTime() - 5 * 60_000))
    for (const row of await shared.execute()) entry.set.add(row.address)
    entry.loadedAt = now
    return entry.set
  }

  private entry(network: NetworkId) {
    let e = this.sets.get(network)
    if (!e) {
      // Bitcoin matches output scripts, so a scan builds no address string for outputs that are not ours.
      const set =
        network === 'bitcoin' ? new ScriptWatchSet(this.config.COINBOOK_NETWORK_MODE) : new CompactWatchSet()
      e = { set, loadedAt: null }
      this.sets.set(network, e)
    }
    return e
  }
}

function createAdapter(config: Config, network: NetworkId): AnyChainAdapter | undefined {
  const urls = rpcUrls(config, network)
  if (urls.length === 0) return undefined
  const rpc = { urls, timeoutMs: config.RPC_TIMEOUT_MS, onError: recordRpcError }
  const mode = config.COINBOOK_NETWORK_MODE
  const confirmations = requiredConfirmations(config, network)
  switch (networks[network].family) {
    case 'evm':
      return createEvmAdapter({ network, mode, rpc, confirmations, tokens: extraTokens(config, network) })
    case 'bitcoin':
      return createBitcoinAdapter({ backend: config.BITCOIN_BACKEND, mode, rpc, confirmations })
    case 'tron':
      return createTronAdapter({ mode, rpc, confirmations, tokens: extraTokens(config, 'tron') })
    case 'solana': {
      // A deployment may name the USDC mint (a local validator has its own); else the registry's for the mode.
      const usdc = extraTokens(config, 'solana').find((t) => t.asset === 'USDC')
      return createSolanaAdapter({ mode, rpc, confirmations, ...(usdc ? { usdcMint: usdc.contract } : {}) })
    }
    case 'ton':
      // verify(txHash) is always given the asking merchant's wallet, so the adapter needs no list of its own.
      return createTonAdapter({
        mode,
        rpc,
        confirmations,
        ...(config.TON_API_KEY ? { apiKey: config.TON_API_KEY } : {}),
      })
  }
}
