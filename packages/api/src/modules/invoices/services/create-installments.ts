import type { NetworkMode } from '@coinbook/chain-watchers/registry'
import { addUnits } from '../../../calendar.js'
import { type Clock, utcDate } from '../../../clock.js'
import type { ServiceContext } from '../../../context.js'
import { newId } from '../../../db/ids.js'
import { inTransaction } from '../../../db/transaction.js'
import { ValidationError } from '../../../errors.js'
import { recordEvent } from '../../events/services/record-event.js'
import { formatMinor } from '../money.js'
import type { CreateInvoiceInput } from '../schema.js'
import { invoiceEventObject } from './event-data.js'
import { priceInvoice } from './price-invoice.js'
import { sendInvoice } from './send-invoice.js'
import { takeInvoiceNumber } from './settings.js'

type Installments = NonNullable<CreateInvoiceInput['installments']>

/** `total` minor units in `count` parts: equal, with the remainder on the last (100.00 / 3 → 33.33, 33.33, 33.34). */
export function splitAmount(total: bigint, count: number): bigint[] {
  const n = BigInt(count)
  const share = total / n
  return Array.from({ length: count }, (_, k) => (k === count - 1 ? total - share * (n - 1n) : share))
}

/**
 * Creates an invoice split into installments: one invoice per installment, numbered in order and due
 * every week or month from `firstDueDate` (month steps keep the first due date's day), grouped by an
 * installment plan. Each carries one line for its share; the plan keeps the original subtotal and tax.
 * Issued sent when the customer auto-sends, else as drafts. Returns the plan and its invoices in order.
 */
export async function createInstallments({
  ctx,
  deps,
  input,
}: {
  ctx: ServiceContext
  deps: { clock: Clock; mode: NetworkMode }
  input: CreateInvoiceInput & { installments: Installments }
}): Promise<{ planId: string; invoiceIds: string[] }> {
  const { count, interval, firstDueDate } = input.installments
  const today = utcDate(deps.clock.now())
  if (input.dueDate) {
    throw new ValidationError('Installments have their own due dates', [
      { path: 'dueDate', message: 'leave it out and set installments.firstDueDate' },
    ])
  }
  if (firstDueDate < today) {
    throw new ValidationError('The first installment cannot be due in the past', [
      { path: 'installments.firstDueDate', message: `must be ${today} or later` },
    ])
  }
  return inTransaction(ctx.db, async (trx) => {
    const { customer, currency, fd, totals, accepts } = await priceInvoice(
      trx,
      ctx.merchantId,
      deps.mode,
      input,
    )
    if (totals.total < BigInt(count)) {
      throw new ValidationError('The total is too small to split', [
        {
          path: 'installments.count',
          message: `${formatMinor(totals.total, fd)} ${currency} cannot be split into ${count} installments`,
        },
      ])
    }
    const at = deps.clock.now()
    const planId = newId()
    await trx
      .insertInto('installment_plans')
      .values({
        id: planId,
        merchant_id: ctx.merchantId,
        customer_id: customer.id,
        currency,
        subtotal: formatMinor(totals.subtotal, fd),
        tax_total: formatMinor(totals.taxTotal, fd),
        total: formatMinor(totals.total, fd),
        count,
        interval,
        first_due_date: firstDueDate,
        created_at: at,
      })
      .execute()
    const first = totals.lines[0]?.description ?? 'Invoice'
    const what = totals.lines.length > 1 ? `${first} and ${totals.lines.length - 1} more` : first
    const invoiceIds: string[] = []
    for (const [k, share] of splitAmount(totals.total, count).entries()) {
      const id = newId()
      const amount = formatMinor(share, fd)
      await trx
        .insertInto('invoices')
        .values({
          id,
          merchant_id: ctx.merchantId,
          customer_id: customer.id,
          number: await takeInvoiceNumber(trx, ctx.merchantId),
          status: 'draft',
          currency,
          subtotal: amount,
          tax_total: formatMinor(0n, fd),
          total: amount,
          amount_paid: formatMinor(0n, fd),
          issue_date: today,
          due_date: addUnits(firstDueDate, interval, 1, k),
          accepts: JSON.stringify(accepts),
          memo: input.memo ?? null,
          installment_plan_id: planId,
          installment_index: k + 1,
          created_at: at,
          updated_at: at,
        })
        .execute()
      await trx
        .insertInto('invoice_lines')
        .values({
          id: newId(),
          invoice_id: id,
          position: 0,
          description: `Installment ${k + 1} of ${count}: ${what}`.slice(0, 500),
          quantity: '1',
          unit_amount: amount,
          amount,
        })
        .execute()
      await trx
        .insertInto('invoice_events')
        .values({
          id: newId(),
          invoice_id: id,
          from_status: null,
          to_status: 'draft',
          reason: 'created',
          at,
        })
        .execute()
      await recordEvent(trx, {
        merchantId: ctx.merchantId,
        type: 'invoice.created',
        subjectId: id,
        at: at,
        data: {
          object: invoiceEventObject(
            await trx.selectFrom('invoices').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
          ),
        },
      })
      invoiceIds.push(id)
    }
    if (customer.auto_send) {
      for (const id of invoiceIds) await sendInvoice({ ctx: { ...ctx, db: trx }, deps, id })
    }
    return { planId, invoiceIds }
  })
}
