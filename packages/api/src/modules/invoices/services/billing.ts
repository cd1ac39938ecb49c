import {
  type AssetId,
  type NetworkId,
  type NetworkMode,
  networks,
  paymentOptions,
} from '@coinbook/chain-watchers/registry'
import type { Executor } from '../../../context.js'
import { NotFoundError, ValidationError } from '../../../errors.js'

export interface Coin {
  asset: AssetId
  network: NetworkId
}

/** What billing needs of a customer: one of the merchant's live customers, else 404. */
export async function loadBillingCustomer(db: Executor, merchantId: string, customerId: string) {
  const row = await db
    .selectFrom('customers as c')
    .innerJoin('merchants as m', 'm.id', 'c.merchant_id')
    .select([
      'c.id',
      'c.name',
      'c.preferred_fiat',
      'c.payment_terms_days',
      'c.payment_limits',
      'c.tax_exempt',
      'c.auto_send',
      'm.reporting_currency',
    ])
    .where('c.merchant_id', '=', merchantId)
    .where('c.id', '=', customerId)
    .where('c.deleted_at', 'is', null)
    .executeTakeFirst()
  if (!row) throw new NotFoundError('Customer', customerId)
  return row
}

/** The customer's preferred coins, in order. */
export async function preferredCoins(db: Executor, merchantId: string, customerId: string): Promise<Coin[]> {
  const rows = await db
    .selectFrom('customer_preferences')
    .select(['asset', 'network'])
    .where('merchant_id', '=', merchantId)
    .where('customer_id', '=', customerId)
    .orderBy('position')
    .execute()
  // Written only through the validated API: the pairs are the registry's.
  return rows as Coin[]
}

/** Every coin the merchant can receive now: the payment options of the networks with an active wallet. */
export async function configuredCoins(db: Executor, merchantId: string, mode: NetworkMode): Promise<Coin[]> {
  const wallets = await db
    .selectFrom('wallets')
    .select('network')
    .where('merchant_id', '=', merchantId)
    .where('retired_at', 'is', null)
    .execute()
  const active = new Set(wallets.map((w) => w.network))
  return paymentOptions(mode)
    .filter((o) => active.has(o.network))
    .map((o) => ({ asset: o.asset, network: o.network }))
}

const key = (c: Coin) => `${c.asset}/${c.network}`

/**
 * The coins an invoice accepts: those asked for (each must be one the merchant receives, else a 400
 * naming it), else the customer's preferred coins the merchant receives, else everything the merchant
 * receives.
 */
export async function resolveAccepts(
  db: Executor,
  merchantId: string,
  customerId: string,
  mode: NetworkMode,
  asked: readonly Coin[] | undefined,
  path = 'accepts',
): Promise<Coin[]> {
  const configured = await configuredCoins(db, merchantId, mode)
  const receivable = new Set(configured.map(key))
  if (asked) {
    const errors = asked.flatMap((c, i) =>
      receivable.has(key(c))
        ? []
        : [
            {
              path: `${path}.${i}`,
              message: `you have no ${networks[c.network].name} wallet set up, so ${c.asset} on ${c.network} cannot be received`,
            },
          ],
    )
    if (errors.length) throw new ValidationError('The invoice accepts coins you cannot receive yet', errors)
    return asked.map((c) => ({ asset: c.asset, network: c.network }))
  }
  const preferred = (await preferredCoins(db, merchantId, customerId)).filter((c) => receivable.has(key(c)))
  return preferred.length ? preferred : configured
}
