import type { Executor } from '../../../context.js'
import { NotFoundError } from '../../../errors.js'

/** One of the merchant's invoices, row-locked until the transaction ends; another merchant's is a 404. */
export async function lockInvoice(db: Executor, merchantId: string, id: string) {
  const row = await db
    .selectFrom('invoices')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
  if (!row) throw new NotFoundError('Invoice', id)
  return row
}
