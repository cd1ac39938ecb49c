import type { Selectable } from 'kysely'
import { sql } from 'kysely'
import type { Executor } from '../../../context.js'
import type { PaymentLinksTable } from '../../../db/database.js'
import { formatMinor, toMinor } from '../../invoices/money.js'
import { fiatDecimals } from '../../rates/index.js'
import type { CollectField, PaymentLinkDto } from '../schema.js'

export type PaymentLinkRow = Selectable<PaymentLinksTable>

/** Why a link takes no new payers, or null while it does. Disabled wins over expired over used up. */
export function closedReason(
  link: Pick<PaymentLinkRow, 'disabled_at' | 'expires_at' | 'max_uses'>,
  uses: number,
  now: Date,
): 'disabled' | 'expired' | 'used_up' | null {
  if (link.disabled_at) return 'disabled'
  if (link.expires_at && link.expires_at.getTime() <= now.getTime()) return 'expired'
  if (link.max_uses !== null && uses >= link.max_uses) return 'used_up'
  return null
}

/** How many payers of each link paid (a session whose first payment was seen). */
export async function countUses(db: Executor, linkIds: readonly string[]): Promise<Map<string, number>> {
  if (linkIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('payment_link_sessions')
    .select(['link_id', sql<string>`count(*)`.as('uses')])
    .where('link_id', 'in', linkIds)
    .where('paid_at', 'is not', null)
    .groupBy('link_id')
    .execute()
  return new Map(rows.map((r) => [r.link_id, Number(r.uses)]))
}

/** A fiat amount of the link's currency as its minor units show it ("25" → "25.00"). */
export function formatFiat(value: string, currency: string): string {
  const fd = fiatDecimals(currency)
  return formatMinor(toMinor(value, fd), fd)
}

export function presentPaymentLink(row: PaymentLinkRow, uses: number, now: Date): PaymentLinkDto {
  return {
    id: row.id,
    slug: row.slug,
    url: `/l/${row.slug}`,
    title: row.title,
    description: row.description,
    amount: row.amount === null ? null : formatFiat(row.amount, row.currency),
    customAmount: row.amount === null,
    currency: row.currency,
    accepts: row.accepts as PaymentLinkDto['accepts'],
    collect: row.collect as CollectField[],
    maxUses: row.max_uses,
    uses,
    expiresAt: row.expires_at?.toISOString() ?? null,
    disabledAt: row.disabled_at?.toISOString() ?? null,
    status: closedReason(row, uses, now) ?? 'active',
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }
}
