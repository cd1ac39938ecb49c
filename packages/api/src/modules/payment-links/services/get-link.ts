import type { Executor, ServiceContext } from '../../../context.js'
import { NotFoundError } from '../../../errors.js'
import type { PaymentLinkDto } from '../schema.js'
import { closedReason, countUses, type PaymentLinkRow, presentPaymentLink } from './present.js'

/** One of the merchant's links, else 404 (another merchant's included). */
export async function loadLinkRow(db: Executor, merchantId: string, id: string): Promise<PaymentLinkRow> {
  const row = await db
    .selectFrom('payment_links')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) throw new NotFoundError('Payment link', id)
  return row
}

export async function getPaymentLink(ctx: ServiceContext, id: string, now: Date): Promise<PaymentLinkDto> {
  const row = await loadLinkRow(ctx.db, ctx.merchantId, id)
  const uses = await countUses(ctx.db, [id])
  return presentPaymentLink(row, uses.get(id) ?? 0, now)
}

/** The merchant's links, newest first; `status` filters by what presentPaymentLink would say. */
export async function listPaymentLinks(
  ctx: ServiceContext,
  filter: { status?: PaymentLinkDto['status'] | undefined },
  now: Date,
): Promise<PaymentLinkDto[]> {
  const rows = await ctx.db
    .selectFrom('payment_links')
    .selectAll()
    .where('merchant_id', '=', ctx.merchantId)
    .orderBy('id', 'desc')
    .limit(500)
    .execute()
  const uses = await countUses(
    ctx.db,
    rows.map((r) => r.id),
  )
  return rows
    .filter(
      (r) => !filter.status || (closedReason(r, uses.get(r.id) ?? 0, now) ?? 'active') === filter.status,
    )
    .map((r) => presentPaymentLink(r, uses.get(r.id) ?? 0, now))
}
