import type { NetworkMode } from '@coinbook/chain-watchers/registry'
import type { Clock } from '../../../clock.js'
import type { ServiceContext } from '../../../context.js'
import { newId } from '../../../db/ids.js'
import { inTransaction } from '../../../db/transaction.js'
import { ConflictError } from '../../../errors.js'
import { formatMinor } from '../money.js'
import type { UpdateInvoiceInput } from '../schema.js'
import type { Coin } from './billing.js'
import { insertInvoiceLines } from './invoice-lines.js'
import { lockInvoice } from './lock.js'
import { priceInvoice } from './price-invoice.js'

/**
 * Edits a draft: what is given replaces what it had (lines all at once), and it is priced again exactly as
 * a new invoice is (the merchant's current tax rates, none for a tax-exempt customer; the coins checked
 * against the wallets). Anything but a draft, or a draft of an installment plan (its split would no
 * longer add up), is a 409. The number and the customer stay; the history and the audit log say who
 * edited it.
 */
export async function updateInvoice({
  ctx,
  deps,
  id,
  input,
}: {
  ctx: ServiceContext
  deps: { clock: Clock; mode: NetworkMode }
  id: string
  input: UpdateInvoiceInput
}): Promise<void> {
  await inTransaction(ctx.db, async (trx) => {
    const invoice = await lockInvoice(trx, ctx.merchantId, id)
    if (invoice.status !== 'draft') {
      throw new ConflictError(
        `Only a draft can be edited; ${invoice.number} is ${invoice.status.replace('_', ' ')}. Void it and create another`,
        { status: invoice.status },
      )
    }
    if (invoice.installment_plan_id) {
      throw new ConflictError(
        `${invoice.number} is an installment of a plan; its lines are the plan's split and cannot be edited`,
        { installmentPlanId: invoice.installment_plan_id },
      )
    }
    const lines =
      input.lines ??
      (
        await trx
          .selectFrom('invoice_lines')
          .select(['description', 'quantity', 'unit_amount', 'tax_rate_id'])
          .where('invoice_id', '=', id)
          .orderBy('position')
          .execute()
      ).map((l) => ({
        description: l.description,
        quantity: l.quantity,
        unitAmount: l.unit_amount,
        ...(l.tax_rate_id ? { taxRateId: l.tax_rate_id } : {}),
      }))
    const { currency, fd, totals, accepts } = await priceInvoice(trx, ctx.merchantId, deps.mode, {
      customerId: invoice.customer_id,
      currency: input.currency ?? invoice.currency.trim(),
      lines,
      // Written only through the validated API: the pairs are the registry's.
      accepts: input.accepts ?? (invoice.accepts as Coin[]),
    })
    const at = deps.clock.now()
    await trx
      .updateTable('invoices')
      .set({
        currency,
        subtotal: formatMinor(totals.subtotal, fd),
        tax_total: formatMinor(totals.taxTotal, fd),
        total: formatMinor(totals.total, fd),
        amount_paid: formatMinor(0n, fd),
        due_date: input.dueDate ?? invoice.due_date,
        accepts: JSON.stringify(accepts),
        memo: input.memo !== undefined ? input.memo : invoice.memo,
        updated_at: at,
      })
      .where('id', '=', id)
      .execute()
    await trx.deleteFrom('invoice_lines').where('invoice_id', '=', id).execute()
    await insertInvoiceLines(trx, id, totals, fd)
    await trx
      .insertInto('invoice_events')
      .values({
        id: newId(),
        invoice_id: id,
        from_status: 'draft',
        to_status: 'draft',
        reason: 'edited',
        at,
      })
      .execute()
    await trx
      .insertInto('audit_log')
      .values({
        id: newId(),
        merchant_id: ctx.merchantId,
        actor_type: ctx.actor.type,
        actor_id: ctx.actor.id,
        action: 'invoice.updated',
        subject_type: 'invoice',
        subject_id: id,
        data: JSON.stringify({
          changed: Object.keys(input),
          before: { currency: invoice.currency.trim(), total: invoice.total, dueDate: invoice.due_date },
          after: {
            currency,
            total: formatMinor(totals.total, fd),
            dueDate: input.dueDate ?? invoice.due_date,
          },
        }),
        created_at: at,
      })
      .execute()
  })
}
