import type { z } from '@hono/zod-openapi'
import type { Executor, ServiceContext } from '../../../context.js'
import { inTransaction } from '../../../db/transaction.js'
import type { invoiceSettingsSchema, updateInvoiceSettingsBody } from '../schema.js'

type InvoiceSettings = z.infer<typeof invoiceSettingsSchema>

/** The merchant's settings row, created with the defaults the first time it is needed. */
async function settingsRow(db: Executor, merchantId: string) {
  await db
    .insertInto('invoice_settings')
    .values({ merchant_id: merchantId, underpayment_tolerance_percent: '0' })
    .onConflict((oc) => oc.column('merchant_id').doNothing())
    .execute()
  return db
    .selectFrom('invoice_settings')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .executeTakeFirstOrThrow()
}

/**
 * The next invoice number ("INV-000042"), taken in the caller's transaction: the counter row stays locked
 * until it commits, so concurrent invoices queue for it and no number is ever given twice (a rolled-back
 * invoice gives its number back with the rollback; a committed one keeps it forever).
 */
export async function takeInvoiceNumber(db: Executor, merchantId: string): Promise<string> {
  await settingsRow(db, merchantId)
  const row = await db
    .updateTable('invoice_settings')
    .set((eb) => ({ next_number: eb('next_number', '+', 1) }))
    .where('merchant_id', '=', merchantId)
    .returning(['number_prefix', 'next_number'])
    .executeTakeFirstOrThrow()
  return `${row.number_prefix}${String(row.next_number - 1).padStart(6, '0')}`
}

/** The underpayment tolerance, in percent of an invoice's total (default 0). */
export async function underpaymentTolerance(db: Executor, merchantId: string): Promise<string> {
  const row = await db
    .selectFrom('invoice_settings')
    .select('underpayment_tolerance_percent')
    .where('merchant_id', '=', merchantId)
    .executeTakeFirst()
  return row?.underpayment_tolerance_percent ?? '0'
}

function present(row: Awaited<ReturnType<typeof settingsRow>>): InvoiceSettings {
  return {
    numberPrefix: row.number_prefix,
    nextNumber: row.next_number,
    underpaymentTolerancePercent: row.underpayment_tolerance_percent,
    applyStablePayments: row.apply_stable_payments,
  }
}

export async function getInvoiceSettings({ ctx }: { ctx: ServiceContext }): Promise<InvoiceSettings> {
  return present(await settingsRow(ctx.db, ctx.merchantId))
}

/** Changes the number prefix (numbers already given stay), the underpayment tolerance or what stable payments pay. */
export async function updateInvoiceSettings({
  ctx,
  input,
}: {
  ctx: ServiceContext
  input: z.infer<typeof updateInvoiceSettingsBody>
}): Promise<InvoiceSettings> {
  return inTransaction(ctx.db, async (trx) => {
    await settingsRow(trx, ctx.merchantId)
    const row = await trx
      .updateTable('invoice_settings')
      .set({
        ...(input.numberPrefix !== undefined ? { number_prefix: input.numberPrefix } : {}),
        ...(input.underpaymentTolerancePercent !== undefined
          ? { underpayment_tolerance_percent: input.underpaymentTolerancePercent }
          : {}),
        ...(input.applyStablePayments !== undefined
          ? { apply_stable_payments: input.applyStablePayments }
          : {}),
        updated_at: new Date(),
      })
      .where('merchant_id', '=', ctx.merchantId)
      .returningAll()
      .executeTakeFirstOrThrow()
    return present(row)
  })
}
