import type { AssetId } from '@coinbook/chain-watchers/registry'
import { type Rate, type RateProvider, RateUnavailableError } from './provider.js'

const COIN_IDS: Record<AssetId, string> = {
  BTC: 'bitcoin',
  ETH: 'ethereum',
  BNB: 'binancecoin',
  SOL: 'solana',
  TON: 'the-open-network',
  TRX: 'tron',
  USDT: 'tether',
  USDC: 'usd-coin',
}

export interface CoinGeckoOptions {
  /** https://api.coingecko.com/api/v3 by default; a Pro URL or a proxy otherwise. */
  baseUrl?: string
  apiKey?: string | undefined
  /** How long a current price is reused. */
  ttlMs?: number
  timeoutMs?: number
  fetch?: typeof fetch
}

/**
 * CoinGecko's public API: the current price for recent payments (cached for `ttlMs`), the daily
 * historical price for payments older than an hour (verified late, or found by a catch-up scan).
 */
export class CoinGeckoRateProvider implements RateProvider {
  readonly name = 'coingecko'
  private readonly cache = new Map<string, { rate: Rate; expires: number }>()
  private readonly baseUrl: string
  private readonly ttlMs: number
  private readonly timeoutMs: number
  private readonly doFetch: typeof fetch

  constructor(private readonly opts: CoinGeckoOptions = {}) {
    this.baseUrl = (opts.baseUrl ?? 'https://api.coingecko.com/api/v3').replace(/\/$/, '')
    this.ttlMs = opts.ttlMs ?? 60_000
    this.timeoutMs = opts.timeoutMs ?? 5_000
    this.doFetch = opts.fetch ?? fetch
  }

  async getRate({ asset, fiat, at }: { asset: AssetId; fiat: string; at: Date }): Promise<Rate> {
    const historical = Date.now() - at.getTime() > 3600_000
    const day = at.toISOString().slice(0, 10)
    const key = `${asset}:${fiat}:${historical ? day : 'now'}`
    const hit = this.cache.get(key)
    if (hit && hit.expires > Date.now()) return hit.rate

    const id = COIN_IDS[asset]
    const vs = fiat.toLowerCase()
    let price: unknown
    if (historical) {
      const [y, m, d] = day.split('-')
      const body = await this.get(`/coins/${id}/history?date=${d}-${m}-${y}&localization=false`, asset, fiat)
      price = (body as { market_data?: { current_price?: Record<string, unknown> } }).market_data
        ?.current_price?.[vs]
    } else {
      const body = await this.get(`/simple/price?ids=${id}&vs_currencies=${vs}`, asset, fiat)
      price = (body as Record<string, Record<string, unknown> | undefined>)[id]?.[vs]
    }
    if (typeof price !== 'number' || !Number.isFinite(price) || price <= 0) {
      throw new RateUnavailableError(asset, fiat, 'CoinGecko returned no price for this pair')
    }
    // JSON numbers arrive as floats; their shortest decimal form is the text the API sent.
    const rate: Rate = { asset, fiat, rate: decimalText(price), source: this.name, at }
    // Historical prices never change; current ones expire.
    this.cache.set(key, { rate, expires: historical ? Number.POSITIVE_INFINITY : Date.now() + this.ttlMs })
    return rate
  }

  private async get(path: string, asset: string, fiat: string): Promise<unknown> {
    const headers: Record<string, string> = { accept: 'application/json' }
    if (this.opts.apiKey) headers['x-cg-demo-api-key'] = this.opts.apiKey
    let res: Response
    try {
      res = await this.doFetch(`${this.baseUrl}${path}`, {
        headers,
        signal: AbortSignal.timeout(this.timeoutMs),
      })
    } catch (cause) {
      throw new RateUnavailableError(asset, fiat, `CoinGecko did not answer (${String(cause)})`, { cause })
    }
    if (!res.ok) throw new RateUnavailableError(asset, fiat, `CoinGecko answered HTTP ${res.status}`)
    try {
      return await res.json()
    } catch (cause) {
      throw new RateUnavailableError(asset, fiat, 'CoinGecko sent a body that is not JSON', { cause })
    }
  }
}

function decimalText(n: number): string {
  const s = String(n)
  if (!/e/i.test(s)) return s
  // 1e-7 and the like: expand without losing digits.
  return n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '')
}
