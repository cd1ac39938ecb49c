import type { Executor } from '../../../context.js'
import { NotFoundError } from '../../../errors.js'
import type { CustomerDto } from '../schema.js'
import {
  type CustomerRow,
  type CustomerStatsRow,
  customerColumns,
  type PaymentPreference,
  presentCustomer,
} from './present.js'

const qualifiedColumns = customerColumns.map((col) => `c.${col}` as const)

export type LiveCustomerRow = CustomerRow & CustomerStatsRow

/**
 * The merchant's live (not deleted, not merged) customers as `c`, with their stats as `s`. The stats
 * join is a left join so a customer without a stats row still lists (as zero); a `where` on `s` turns
 * it into the inner join the lifetime-value sort drives from.
 */
export function selectLiveCustomers(db: Executor, merchantId: string) {
  return db
    .selectFrom('customers as c')
    .leftJoin('customer_stats as s', (join) =>
      join.onRef('s.customer_id', '=', 'c.id').on('s.merchant_id', '=', merchantId),
    )
    .select(qualifiedColumns)
    .select(['s.lifetime_value', 's.payment_count', 's.last_payment_at'])
    .where('c.merchant_id', '=', merchantId)
    .where('c.deleted_at', 'is', null)
}

/** The preferred coins of some customers, in one query, keyed by customer id and in order. */
export async function loadPreferredCoins(
  db: Executor,
  merchantId: string,
  customerIds: readonly string[],
): Promise<Map<string, PaymentPreference[]>> {
  const byCustomer = new Map<string, PaymentPreference[]>()
  if (customerIds.length === 0) return byCustomer
  const rows = await db
    .selectFrom('customer_preferences')
    .select(['customer_id', 'asset', 'network'])
    .where('merchant_id', '=', merchantId)
    .where('customer_id', 'in', customerIds)
    .orderBy('customer_id')
    .orderBy('position')
    .execute()
  for (const { customer_id, asset, network } of rows) {
    const list = byCustomer.get(customer_id) ?? []
    list.push({ asset, network })
    byCustomer.set(customer_id, list)
  }
  return byCustomer
}

/** Presents rows from `selectLiveCustomers`, keeping their order; preferred coins load in one query. */
export async function presentLiveCustomers(
  db: Executor,
  merchantId: string,
  rows: readonly LiveCustomerRow[],
): Promise<CustomerDto[]> {
  const coins = await loadPreferredCoins(
    db,
    merchantId,
    rows.map((r) => r.id),
  )
  return rows.map((r) => presentCustomer(r, coins.get(r.id) ?? [], r))
}

/** One live customer of the merchant as a DTO; another merchant's or a deleted one is not found. */
export async function loadLiveCustomer(db: Executor, merchantId: string, id: string): Promise<CustomerDto> {
  const row = await selectLiveCustomers(db, merchantId).where('c.id', '=', id).executeTakeFirst()
  if (!row) throw new NotFoundError('Customer', id)
  const [dto] = await presentLiveCustomers(db, merchantId, [row])
  return dto as CustomerDto
}
