import { normalizeTonAddress } from '../../address/ton.js'
import { InvalidInputError } from '../../errors.js'
import { networks } from '../../registry/index.js'
import type { NetworkMode } from '../../registry/types.js'
import type { RpcPoolOptions } from '../../rpc/pool.js'

/** The merchant wallets verify(txHash) searches: a list, or a function asked on every call (the database). */
export type TonWalletSource = readonly string[] | (() => readonly string[] | Promise<readonly string[]>)

export interface TonAdapterConfig {
  /** Picks the zerostate every URL must serve (regtest: none checked) and the address flags. Default mainnet. */
  mode?: NetworkMode
  /**
   * toncenter HTTP API v2 endpoints tried in order: the API base (`https://toncenter.com/api/v2`); the
   * JSON-RPC URL (`…/api/v2/jsonRPC`) is accepted too and trimmed to its base.
   */
  rpc: Omit<RpcPoolOptions, 'network' | 'prepare'>
  /** toncenter API key, sent as `X-API-Key` to every URL. */
  apiKey?: string
  /** Where verify(txHash) looks, since toncenter v2 finds a transaction only through its account. */
  wallets?: TonWalletSource
  /** How many of each wallet's newest transactions verify searches. Default 1,000. */
  verifyDepth?: number
  /** Transactions read per scanAccount call when the caller gives no limit. Default 100. */
  pageSize?: number
  /** Confirmations for `confirmed`; defaults to the registry's (1). */
  confirmations?: number
}

/** What every action needs to know besides the pool. */
export interface TonContext {
  network: 'ton'
  mode: NetworkMode
  /** Outside mainnet, user-friendly addresses carry the test-only flag (kQ…/0Q…). */
  testOnly: boolean
  confirmations: number
  verifyDepth: number
  pageSize: number
  /** The merchant wallets, raw "wc:hex", when verify asks. */
  wallets(): Promise<string[]>
}

/** toncenter answers at most 100 transactions per getTransactions call. */
export const TONCENTER_MAX_LIMIT = 100

/** Resolves a config against the registry, checking the numbers and the wallets it was given. */
export function resolveTonConfig(config: TonAdapterConfig): TonContext {
  const mode = config.mode ?? 'mainnet'
  const confirmations = positive('confirmations', config.confirmations ?? networks.ton.confirmations.default)
  const verifyDepth = positive('verifyDepth', config.verifyDepth ?? 1_000)
  const pageSize = positive('pageSize', config.pageSize ?? TONCENTER_MAX_LIMIT)
  const source = config.wallets ?? []
  const normalize = (list: readonly string[]) => [...new Set(list.map((w) => normalizeTonAddress(w, mode)))]
  // A fixed list is checked now, so that a typo fails at start-up rather than at the first verify.
  const fixed = typeof source === 'function' ? undefined : normalize(source)
  return {
    network: 'ton',
    mode,
    testOnly: mode !== 'mainnet',
    confirmations,
    verifyDepth,
    pageSize,
    wallets: async () => fixed ?? normalize(await (source as () => readonly string[])()),
  }
}

/** A toncenter URL as the pool wants it: the API base, without a trailing `/jsonRPC` or slash. */
export function toncenterBase(url: string): string {
  // Methods are appended to the base, so a query string would end up in the middle of every request
  // (and a key in it would show in every error): the key has its own setting.
  if (url.includes('?')) {
    throw new InvalidInputError(
      `A toncenter URL takes no query string (${url.split('?')[0]}?…): give the API key as apiKey (TON_API_KEY)`,
    )
  }
  return url.replace(/\/+$/, '').replace(/\/jsonRPC$/i, '')
}

function positive(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new InvalidInputError(`TON ${name} must be a positive integer, not ${value}`)
  }
  return value
}
