import type { CoreDeps, ServiceContext } from '../../../context.js'
import { NotFoundError } from '../../../errors.js'
import type { InvoiceDto, QuoteInput } from '../../invoices/schema.js'
import { preferredCoins } from '../../invoices/services/billing.js'
import { createQuote } from '../../invoices/services/create-quote.js'
import { loadInvoice } from '../../invoices/services/get-invoice.js'
import { presentOptionsOf } from '../../invoices/services/present.js'
import { presentQuoteWithQr, selectQuotes } from '../../invoices/services/present-quote.js'
import { loadPublicRating, RATEABLE } from '../../ratings/services/rate-invoice.js'
import type { CheckoutDto } from '../schema.js'

const TOKEN = /^[A-Za-z0-9_-]{43}$/

/**
 * The invoice a pay link opens, as a service context of its merchant acting as the system. An unknown,
 * malformed or voided token is the same plain 404, so a guess learns nothing.
 */
export async function resolveToken(db: CoreDeps['db'], token: string) {
  const notFound = new NotFoundError('Pay link')
  if (!TOKEN.test(token)) throw notFound
  const row = await db
    .selectFrom('invoices as i')
    .innerJoin('merchants as m', 'm.id', 'i.merchant_id')
    .select(['i.id', 'i.merchant_id', 'i.customer_id', 'i.status', 'm.name as merchant_name'])
    .where('i.pay_token', '=', token)
    .executeTakeFirst()
  if (!row || row.status === 'void' || row.status === 'draft') throw notFound
  const ctx: ServiceContext = {
    db,
    merchantId: row.merchant_id,
    actor: { type: 'system', id: null, role: 'admin' },
  }
  return { ...row, ctx }
}

/** GET /public/checkout/{token}: what the payer's page shows. */
export async function loadCheckout(deps: CoreDeps, token: string): Promise<CheckoutDto> {
  const found = await resolveToken(deps.db, token)
  const opts = presentOptionsOf(deps)
  // One round trip after the token's: the invoice's own reads run side by side with these.
  const [invoice, coins, live, rating] = await Promise.all([
    loadInvoice(deps.db, found.merchant_id, found.id, opts),
    preferredCoins(deps.db, found.merchant_id, found.customer_id),
    selectQuotes(deps.db, found.id).where('q.expires_at', '>', opts.now).execute(),
    loadPublicRating(deps.db, found.id),
  ])
  const preferred = coins.map((c) => `${c.asset}/${c.network}`)
  const rank = (c: { asset: string; network: string }) => {
    const i = preferred.indexOf(`${c.asset}/${c.network}`)
    return i === -1 ? preferred.length : i
  }
  const accepts = [...invoice.accepts]
    .map((c, i) => ({ ...c, i }))
    .sort((a, b) => rank(a) - rank(b) || a.i - b.i)
    .map(({ asset, network }) => ({ asset, network, preferred: rank({ asset, network }) < preferred.length }))
  return {
    merchantName: found.merchant_name,
    number: invoice.number,
    status: invoice.status,
    overdue: invoice.overdue,
    paidLate: invoice.paidLate,
    currency: invoice.currency,
    lines: invoice.lines.map(({ description, quantity, unitAmount, amount }) => ({
      description,
      quantity,
      unitAmount,
      amount,
    })),
    subtotal: invoice.subtotal,
    taxes: invoice.taxes.map(({ name, percentage, amount }) => ({ name, percentage, amount })),
    total: invoice.total,
    amountPaid: invoice.amountPaid,
    amountDue: invoice.amountDue,
    amountSeen: invoice.amountSeen,
    dueDate: invoice.dueDate,
    memo: invoice.memo,
    accepts,
    quotes: await Promise.all(live.map((q) => presentQuoteWithQr(q, opts.now))),
    payments: publicPayments(invoice.payments),
    canRate: (RATEABLE as readonly string[]).includes(invoice.status),
    rating,
  }
}

/** The on-chain payments applied to an invoice as a payer may see them: coin, tx and confirmations. */
export function publicPayments(payments: InvoiceDto['payments']): CheckoutDto['payments'] {
  return payments.flatMap((p) =>
    p.payment && p.status !== 'recorded'
      ? [
          {
            asset: p.payment.asset,
            network: p.payment.network,
            amount: p.payment.amount,
            txHash: p.payment.txHash,
            status: p.status,
            confirmations: p.payment.confirmations,
            requiredConfirmations: p.payment.requiredConfirmations,
          },
        ]
      : [],
  )
}

/** POST /public/checkout/{token}/quote: the payer picks a coin. */
export async function quoteCheckout(deps: CoreDeps, token: string, input: QuoteInput) {
  const found = await resolveToken(deps.db, token)
  return createQuote({ ctx: found.ctx, deps, invoiceId: found.id, input })
}
