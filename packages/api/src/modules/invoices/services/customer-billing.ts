import type { ServiceContext } from '../../../context.js'
import { loadBillingCustomer } from './billing.js'
import { creditBalances } from './credit.js'

/** The customer's billing state that lives with invoices: tax exemption, auto-send and credit per currency. */
export async function getCustomerBilling({ ctx, customerId }: { ctx: ServiceContext; customerId: string }) {
  const customer = await loadBillingCustomer(ctx.db, ctx.merchantId, customerId)
  return {
    taxExempt: customer.tax_exempt,
    autoSend: customer.auto_send,
    credit: await creditBalances(ctx.db, ctx.merchantId, customerId),
  }
}

/** Marks a customer tax-exempt (or not again): their next invoices carry no tax; existing ones stay. */
export async function updateCustomerBilling({
  ctx,
  customerId,
  input,
}: {
  ctx: ServiceContext
  customerId: string
  input: { taxExempt?: boolean | undefined; autoSend?: boolean | undefined }
}) {
  await loadBillingCustomer(ctx.db, ctx.merchantId, customerId)
  if (input.taxExempt !== undefined || input.autoSend !== undefined) {
    await ctx.db
      .updateTable('customers')
      .set({
        ...(input.taxExempt !== undefined ? { tax_exempt: input.taxExempt } : {}),
        ...(input.autoSend !== undefined ? { auto_send: input.autoSend } : {}),
        updated_at: new Date(),
      })
      .where('merchant_id', '=', ctx.merchantId)
      .where('id', '=', customerId)
      .execute()
  }
  return getCustomerBilling({ ctx, customerId })
}
