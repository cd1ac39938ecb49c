import { formatUnits } from '@coinbook/chain-watchers'
import type { AssetId, NetworkId } from '@coinbook/chain-watchers/registry'
import type { ServiceContext } from '../../../context.js'
import type { PaymentLinkUseDto } from '../schema.js'
import { loadLinkRow } from './get-link.js'
import { formatFiat } from './present.js'

/** GET /payment-links/{id}/uses: each payer who paid, the profile it made or matched, and their payments. */
export async function listPaymentLinkUses(ctx: ServiceContext, id: string): Promise<PaymentLinkUseDto[]> {
  await loadLinkRow(ctx.db, ctx.merchantId, id)
  const sessions = await ctx.db
    .selectFrom('payment_link_sessions as s')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .selectAll('s')
    .select('c.name as customer_name')
    .where('s.merchant_id', '=', ctx.merchantId)
    .where('s.link_id', '=', id)
    .where('s.paid_at', 'is not', null)
    .orderBy('s.paid_at', 'desc')
    .limit(1000)
    .$narrowType<{ customer_id: string; paid_at: Date }>()
    .execute()
  if (sessions.length === 0) return []
  const payments = await ctx.db
    .selectFrom('payments as p')
    .innerJoin('payment_link_quotes as q', 'q.deposit_target_id', 'p.deposit_target_id')
    .select([
      'q.session_id',
      'p.id',
      'p.asset',
      'p.network',
      'p.amount',
      'p.decimals',
      'p.tx_hash',
      'p.status',
      'p.fiat_value',
    ])
    .where('p.merchant_id', '=', ctx.merchantId)
    .where(
      'q.session_id',
      'in',
      sessions.map((s) => s.id),
    )
    .orderBy('p.id')
    .execute()
  return sessions.map((s) => ({
    sessionId: s.id,
    customerId: s.customer_id,
    customerName: s.customer_name,
    customerMatched: s.customer_matched === true,
    name: s.name,
    email: s.email,
    amount: formatFiat(s.amount, s.currency),
    currency: s.currency,
    paidAt: s.paid_at.toISOString(),
    payments: payments
      .filter((p) => p.session_id === s.id)
      .map((p) => ({
        id: p.id,
        asset: p.asset as AssetId,
        network: p.network as NetworkId,
        amount: formatUnits(BigInt(p.amount), p.decimals),
        txHash: p.tx_hash,
        status: p.status,
        fiatValue: p.fiat_value,
      })),
  }))
}
