import type { ServiceContext } from '../../../context.js'
import type { CustomerDto } from '../schema.js'
import { loadLiveCustomer } from './live-customers.js'

/** One of the merchant's live customers; a deleted, merged or other merchant's customer is a 404. */
export async function getCustomer({
  ctx,
  input,
}: {
  ctx: ServiceContext
  input: { id: string }
}): Promise<CustomerDto> {
  return loadLiveCustomer(ctx.db, ctx.merchantId, input.id)
}
