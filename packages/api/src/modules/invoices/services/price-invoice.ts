import type { NetworkMode } from '@coinbook/chain-watchers/registry'
import type { Transaction } from 'kysely'
import type { Database } from '../../../db/database.js'
import { ValidationError } from '../../../errors.js'
import { fiatDecimals } from '../../rates/index.js'
import { formatMinor } from '../money.js'
import type { CreateInvoiceInput } from '../schema.js'
import { loadBillingCustomer, resolveAccepts } from './billing.js'
import { computeTotals, type LineTax } from './totals.js'

/**
 * What a new invoice bills, before it is written: the customer, the currency (the customer's preferred
 * fiat, else the merchant's reporting currency), exact totals with the merchant's tax rates (none for a
 * tax-exempt customer) and the coins it accepts. A 400 names each line or coin that is not acceptable.
 */
export async function priceInvoice(
  trx: Transaction<Database>,
  merchantId: string,
  mode: NetworkMode,
  input: Pick<CreateInvoiceInput, 'customerId' | 'currency' | 'lines' | 'accepts'>,
) {
  const customer = await loadBillingCustomer(trx, merchantId, input.customerId)
  const currency = input.currency ?? customer.preferred_fiat ?? customer.reporting_currency
  const fd = fiatDecimals(currency)

  const rateIds = [...new Set(input.lines.flatMap((l) => (l.taxRateId ? [l.taxRateId] : [])))]
  const rates = rateIds.length
    ? await trx
        .selectFrom('tax_rates')
        .select(['id', 'name', 'percentage'])
        .where('merchant_id', '=', merchantId)
        .where('id', 'in', rateIds)
        .where('archived_at', 'is', null)
        .execute()
    : []
  const byId = new Map(rates.map((r) => [r.id, r]))
  const unknown = input.lines.flatMap((l, i) =>
    l.taxRateId && !byId.has(l.taxRateId)
      ? [{ path: `lines.${i}.taxRateId`, message: 'is not one of your tax rates' }]
      : [],
  )
  if (unknown.length) throw new ValidationError('A line names a tax rate you do not have', unknown)

  const totals = computeTotals(
    input.lines.map((l) => {
      const rate = l.taxRateId ? byId.get(l.taxRateId) : undefined
      const tax: LineTax | null =
        rate && !customer.tax_exempt ? { id: rate.id, name: rate.name, percentage: rate.percentage } : null
      return { description: l.description, quantity: l.quantity, unitAmount: l.unitAmount, tax }
    }),
    fd,
  )
  if (totals.total <= 0n) {
    throw new ValidationError('The invoice total must be greater than zero', [
      { path: 'lines', message: `add up to ${formatMinor(totals.total, fd)} ${currency}` },
    ])
  }
  const accepts = await resolveAccepts(trx, merchantId, customer.id, mode, input.accepts)
  return { customer, currency, fd, totals, accepts }
}
