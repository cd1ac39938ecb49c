import { type AssetId, formatUnits, type NetworkId } from '@coinbook/chain-watchers'
import type { CoreDeps, Executor } from '../../../context.js'
import { NotFoundError } from '../../../errors.js'
import { presentQuoteWithQr } from '../../invoices/services/present-quote.js'
import type { SessionDto } from '../schema.js'
import { formatFiat, type PaymentLinkRow } from './present.js'

const TOKEN = /^[A-Za-z0-9_-]{43}$/

/** A payer's session with its link and merchant; unknown or malformed tokens are the same 404. */
export async function resolveSession(db: Executor, token: string) {
  const notFound = new NotFoundError('Payment link session')
  if (!TOKEN.test(token)) throw notFound
  const row = await db
    .selectFrom('payment_link_sessions as s')
    .innerJoin('payment_links as l', 'l.id', 's.link_id')
    .innerJoin('merchants as m', 'm.id', 's.merchant_id')
    .selectAll('s')
    .select([
      'l.title',
      'l.accepts',
      'l.disabled_at',
      'l.expires_at',
      'l.max_uses',
      'l.amount as link_amount',
      'l.slug',
      'm.name as merchant_name',
    ])
    .where('s.token', '=', token)
    .executeTakeFirst()
  if (!row) throw notFound
  return row
}

export type SessionRow = Awaited<ReturnType<typeof resolveSession>>

/** A session's quotes with their targets, newest first. */
export function selectSessionQuotes(db: Executor, sessionId: string) {
  return db
    .selectFrom('payment_link_quotes as q')
    .innerJoin('deposit_targets as t', 't.id', 'q.deposit_target_id')
    .innerJoin('payment_link_sessions as s', 's.id', 'q.session_id')
    .selectAll('q')
    .select(['t.display_address', 't.memo', 't.reference', 's.currency'])
    .where('q.session_id', '=', sessionId)
    .orderBy('q.id', 'desc')
}

/**
 * GET /public/payment-link-sessions/{token}: what the payer's page shows. Paid once the confirmed
 * payments to one quote's target reach that quote's amount; seen while any payment is on chain.
 */
export async function loadSession(deps: Pick<CoreDeps, 'db' | 'clock'>, token: string): Promise<SessionDto> {
  const s = await resolveSession(deps.db, token)
  const now = deps.clock.now()
  const quotes = await selectSessionQuotes(deps.db, s.id).execute()
  const payments = await deps.db
    .selectFrom('payments as p')
    .innerJoin('payment_link_quotes as q', 'q.deposit_target_id', 'p.deposit_target_id')
    .select([
      'p.asset',
      'p.network',
      'p.amount',
      'p.decimals',
      'p.tx_hash',
      'p.status',
      'p.confirmations',
      'q.id as quote_id',
    ])
    .where('q.session_id', '=', s.id)
    .where('p.merchant_id', '=', s.merchant_id)
    .orderBy('p.id')
    .execute()
  const paid = quotes.some((q) => {
    const confirmed = payments
      .filter((p) => p.quote_id === q.id && p.status === 'confirmed')
      .reduce((sum, p) => sum + BigInt(p.amount), 0n)
    return confirmed >= BigInt(q.amount)
  })
  const seen = payments.some((p) => p.status === 'pending' || p.status === 'confirmed')
  const latest = quotes[0]
  return {
    token: s.token,
    merchantName: s.merchant_name,
    title: s.title,
    amount: formatFiat(s.amount, s.currency),
    currency: s.currency,
    accepts: s.accepts as SessionDto['accepts'],
    status: paid ? 'paid' : seen ? 'seen' : 'awaiting_payment',
    quote: latest ? await presentQuoteWithQr(latest, now) : null,
    payments: payments.map((p) => ({
      asset: p.asset as AssetId,
      network: p.network as NetworkId,
      amount: formatUnits(BigInt(p.amount), p.decimals),
      txHash: p.tx_hash,
      status: p.status,
      confirmations: p.confirmations,
    })),
  }
}

export type { PaymentLinkRow }
