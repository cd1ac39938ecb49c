import type { Config } from '../../config.js'
import { CoinGeckoRateProvider } from './coingecko.js'
import { DEFAULT_FIXED_RATES, FixedRateProvider, parseFixedRates } from './fixed.js'
import type { RateProvider } from './provider.js'

export * from './convert.js'
export * from './provider.js'
export * from './quote-rate.js'

/** The provider the configuration names. */
export function createRateProvider(
  config: Pick<Config, 'RATES_PROVIDER' | 'RATES_FIXED' | 'RATES_URL' | 'RATES_API_KEY'>,
): RateProvider {
  if (config.RATES_PROVIDER === 'fixed') {
    return new FixedRateProvider(
      config.RATES_FIXED ? parseFixedRates(config.RATES_FIXED) : DEFAULT_FIXED_RATES,
    )
  }
  return new CoinGeckoRateProvider({ baseUrl: config.RATES_URL, apiKey: config.RATES_API_KEY })
}
