import type { ServiceContext } from '../../../context.js'
import { loadCustomerMetrics } from '../../analytics/customer-metrics.js'
import { loadAvatar } from '../../privacy/services/avatar.js'
import type { CustomerDetailDto } from '../schema.js'
import { loadLiveCustomer } from './live-customers.js'

/**
 * One of the merchant's live customers with their metrics (as of `now`); a deleted, merged or other
 * merchant's customer is a 404.
 */
export async function getCustomer({
  ctx,
  input,
  now,
}: {
  ctx: ServiceContext
  input: { id: string }
  now: Date
}): Promise<CustomerDetailDto> {
  const customer = await loadLiveCustomer(ctx.db, ctx.merchantId, input.id)
  const [metrics, avatar] = await Promise.all([
    loadCustomerMetrics(ctx.db, ctx.merchantId, input.id, now),
    loadAvatar(ctx, input.id),
  ])
  return { ...customer, metrics, avatar }
}
