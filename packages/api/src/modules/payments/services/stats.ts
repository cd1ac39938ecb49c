import type { Transaction } from 'kysely'
import type { Database } from '../../../db/database.js'
import { refreshPaymentMetrics } from '../../analytics/metrics.js'

/**
 * Brings the customer's stats in line after one of their payments started (sign 1) or stopped (sign -1)
 * counting, in the caller's transaction. The figures are recomputed from the payments that count
 * (modules/analytics/metrics.ts), so a reversal is exact and the same change applied twice changes nothing.
 */
export async function applyStatsDelta(
  trx: Transaction<Database>,
  { customerId }: { customerId: string; sign: 1 | -1; fiatValue: string | null },
) {
  await refreshPaymentMetrics(trx, customerId)
}
