import type { ServiceContext } from '../../../context.js'
import { NotFoundError } from '../../../errors.js'
import { formatMinor, toMinor } from '../../invoices/money.js'
import { fiatDecimals } from '../../rates/index.js'
import { presentSubscription, selectSubscriptions } from './present.js'

/** One of the merchant's subscriptions with the invoice of every period issued, newest first. */
export async function getSubscription({ ctx, id }: { ctx: ServiceContext; id: string }) {
  const row = await selectSubscriptions(ctx.db, ctx.merchantId).where('s.id', '=', id).executeTakeFirst()
  if (!row) throw new NotFoundError('Subscription', id)
  const invoices = await ctx.db
    .selectFrom('subscription_periods as sp')
    .innerJoin('invoices as i', 'i.id', 'sp.invoice_id')
    .select([
      'i.id',
      'i.number',
      'i.status',
      'i.total',
      'i.currency',
      'i.due_date',
      'sp.period_start',
      'sp.period_end',
    ])
    .where('sp.subscription_id', '=', id)
    .where('i.merchant_id', '=', ctx.merchantId)
    .orderBy('sp.period_start', 'desc')
    .execute()
  return {
    ...presentSubscription(row),
    invoices: invoices.map((i) => ({
      invoiceId: i.id,
      number: i.number,
      status: i.status,
      total: formatMinor(toMinor(i.total, fiatDecimals(i.currency)), fiatDecimals(i.currency)),
      dueDate: i.due_date,
      periodStart: i.period_start,
      periodEnd: i.period_end,
    })),
  }
}
