import type { NetworkMode } from '@coinbook/chain-watchers/registry'
import { addDays, type Clock, utcDate } from '../../../clock.js'
import type { ServiceContext } from '../../../context.js'
import { newId } from '../../../db/ids.js'
import { inTransaction } from '../../../db/transaction.js'
import { recordEvent } from '../../events/services/record-event.js'
import { formatMinor } from '../money.js'
import type { CreateInvoiceInput } from '../schema.js'
import { invoiceEventObject } from './event-data.js'
import { insertInvoiceLines } from './invoice-lines.js'
import { priceInvoice } from './price-invoice.js'
import { takeInvoiceNumber } from './settings.js'

const DEFAULT_TERMS_DAYS = 30

/**
 * Creates a draft invoice with the next number. Currency, due date and accepted coins default from the
 * customer's billing preferences, then the merchant's; a tax-exempt customer's lines carry no tax.
 * Returns the new invoice's id.
 */
export async function createInvoice({
  ctx,
  deps,
  input,
}: {
  ctx: ServiceContext
  deps: { clock: Clock; mode: NetworkMode }
  input: CreateInvoiceInput
}): Promise<string> {
  return inTransaction(ctx.db, async (trx) => {
    const { customer, currency, fd, totals, accepts } = await priceInvoice(
      trx,
      ctx.merchantId,
      deps.mode,
      input,
    )
    const today = utcDate(deps.clock.now())
    const id = newId()
    const number = await takeInvoiceNumber(trx, ctx.merchantId)
    await trx
      .insertInto('invoices')
      .values({
        id,
        merchant_id: ctx.merchantId,
        customer_id: customer.id,
        number,
        status: 'draft',
        currency,
        subtotal: formatMinor(totals.subtotal, fd),
        tax_total: formatMinor(totals.taxTotal, fd),
        total: formatMinor(totals.total, fd),
        amount_paid: formatMinor(0n, fd),
        issue_date: today,
        due_date: input.dueDate ?? addDays(today, customer.payment_terms_days ?? DEFAULT_TERMS_DAYS),
        accepts: JSON.stringify(accepts),
        memo: input.memo ?? null,
        created_at: deps.clock.now(),
        updated_at: deps.clock.now(),
      })
      .execute()
    await insertInvoiceLines(trx, id, totals, fd)
    await trx
      .insertInto('invoice_events')
      .values({
        id: newId(),
        invoice_id: id,
        from_status: null,
        to_status: 'draft',
        reason: 'created',
        at: deps.clock.now(),
      })
      .execute()
    await recordEvent(trx, {
      merchantId: ctx.merchantId,
      type: 'invoice.created',
      subjectId: id,
      at: deps.clock.now(),
      data: {
        object: invoiceEventObject(
          await trx.selectFrom('invoices').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
        ),
      },
    })
    return id
  })
}
