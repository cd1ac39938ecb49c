import type { AssetId } from '@coinbook/chain-watchers/registry'
import { CoinbookError } from '../../errors.js'
import { type RateProvider, RateUnavailableError } from './provider.js'

/**
 * The rate a quote locks: the provider's price now, or a 503 `rate_unavailable` the payer can retry
 * (a quote is never made without a price).
 */
export async function rateForQuote(
  rates: RateProvider,
  { asset, fiat, at }: { asset: AssetId; fiat: string; at: Date },
): Promise<{ rate: string; source: string }> {
  try {
    return await rates.getRate({ asset, fiat, at })
  } catch (err) {
    if (err instanceof RateUnavailableError)
      throw new CoinbookError(
        'rate_unavailable',
        `No ${asset} price in ${fiat} right now; try again shortly`,
        {
          cause: err,
          details: { asset, currency: fiat },
        },
      )
    throw err
  }
}
