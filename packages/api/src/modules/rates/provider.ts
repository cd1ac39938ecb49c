import type { AssetId } from '@coinbook/chain-watchers/registry'

/** The price of one whole unit of an asset in a fiat currency, as an exact decimal string. */
export interface Rate {
  asset: AssetId
  fiat: string
  rate: string
  source: string
  /** When the provider says the price was observed. */
  at: Date
}

/** Where fiat prices come from: a real price API in production, a fixed table offline and in tests. */
export interface RateProvider {
  readonly name: string
  /** The rate at (or as close as the provider can to) `at`; throws RateUnavailableError when it can't. */
  getRate(input: { asset: AssetId; fiat: string; at: Date }): Promise<Rate>
}

/** The provider has no price for this pair right now; the payment is kept and priced later. */
export class RateUnavailableError extends Error {
  override name = 'RateUnavailableError'
  constructor(
    readonly asset: string,
    readonly fiat: string,
    reason: string,
    opts: { cause?: unknown } = {},
  ) {
    super(`No ${asset}/${fiat} rate: ${reason}`, opts)
  }
}
