import type { AssetId } from '@coinbook/chain-watchers/registry'
import { type Rate, type RateProvider, RateUnavailableError } from './provider.js'

/** Indicative USD prices for offline use; operators override them with RATES_FIXED. */
export const DEFAULT_FIXED_RATES: Record<string, string> = {
  'BTC:USD': '100000',
  'ETH:USD': '4000',
  'BNB:USD': '700',
  'SOL:USD': '200',
  'TON:USD': '5',
  'TRX:USD': '0.25',
  'USDT:USD': '1',
  'USDC:USD': '1',
}

/** Parses "BTC:USD=100000,ETH:EUR=3500" into a rate table (validated by the config schema). */
export function parseFixedRates(spec: string): Record<string, string> {
  const table: Record<string, string> = {}
  for (const part of spec.split(',')) {
    const m = /^\s*([A-Z]{2,5}):([A-Z]{3})\s*=\s*(\d+(?:\.\d+)?)\s*$/.exec(part)
    if (!m) throw new Error(`"${part}" is not ASSET:FIAT=PRICE (for example BTC:USD=100000)`)
    table[`${m[1]}:${m[2]}`] = m[3]!
  }
  return table
}

/** A fixed table: the same price at every moment. Deterministic, for offline installs and tests. */
export class FixedRateProvider implements RateProvider {
  readonly name = 'fixed'
  constructor(private readonly table: Record<string, string> = DEFAULT_FIXED_RATES) {}

  async getRate({ asset, fiat, at }: { asset: AssetId; fiat: string; at: Date }): Promise<Rate> {
    const rate = this.table[`${asset}:${fiat}`]
    if (!rate) throw new RateUnavailableError(asset, fiat, 'not in the fixed rate table (RATES_FIXED)')
    return { asset, fiat, rate, source: this.name, at }
  }
}
