import type { Executor } from '../../../context.js'
import type { PaymentPreference } from './present.js'

/** Replaces a customer's preferred coins with this ordered list (position 0 is the default method). */
export async function replacePreferredCoins(
  db: Executor,
  merchantId: string,
  customerId: string,
  coins: readonly PaymentPreference[],
) {
  await db
    .deleteFrom('customer_preferences')
    .where('merchant_id', '=', merchantId)
    .where('customer_id', '=', customerId)
    .execute()
  if (coins.length === 0) return
  await db
    .insertInto('customer_preferences')
    .values(
      coins.map((coin, position) => ({
        customer_id: customerId,
        merchant_id: merchantId,
        position,
        asset: coin.asset,
        network: coin.network,
      })),
    )
    .execute()
}
