import type { ServiceContext } from '../../../context.js'
import { newId } from '../../../db/ids.js'
import { inTransaction } from '../../../db/transaction.js'
import { recordEvent } from '../../events/services/record-event.js'
import type { CreateCustomerInput, CustomerDto } from '../schema.js'
import { recordCustomerAudit } from './audit.js'
import { loadLiveCustomer } from './live-customers.js'
import { replacePreferredCoins } from './preferred-coins.js'
import { writeUnique } from './uniqueness.js'
import { customerColumnsFor, normaliseFields } from './write-values.js'

/**
 * Creates a customer with its preferred coins and a zeroed stats row, in one transaction. An email
 * (any case) or custom id that a live customer already has is a 409 naming that customer.
 */
export async function createCustomer({
  ctx,
  input,
  source,
}: {
  ctx: ServiceContext
  input: CreateCustomerInput
  /** Where the profile came from when not the API or dashboard ('payment_link'); the column's default else. */
  source?: string
}): Promise<CustomerDto> {
  const { preferredCoins = [], ...fields } = normaliseFields(input)
  const id = newId()
  return inTransaction(ctx.db, async (trx) => {
    await writeUnique(trx, ctx.merchantId, fields, undefined, () =>
      trx
        .insertInto('customers')
        .values({
          custom_fields: '{}',
          ...customerColumnsFor(fields),
          name: fields.name,
          id,
          merchant_id: ctx.merchantId,
          ...(source ? { source } : {}),
        })
        .execute(),
    )
    await replacePreferredCoins(trx, ctx.merchantId, id, preferredCoins)
    await trx.insertInto('customer_stats').values({ customer_id: id, merchant_id: ctx.merchantId }).execute()
    await recordCustomerAudit(trx, ctx, {
      action: 'customer.created',
      customerId: id,
      data: { name: fields.name, email: fields.email ?? null },
    })
    const customer = await loadLiveCustomer(trx, ctx.merchantId, id)
    await recordEvent(trx, {
      merchantId: ctx.merchantId,
      type: 'customer.created',
      subjectId: id,
      data: { object: customer },
    })
    return customer
  })
}
