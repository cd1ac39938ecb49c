import { type AssetId, formatUnits, type NetworkId } from '@coinbook/chain-watchers'
import { type Expression, sql } from 'kysely'
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres'
import type { CoreDeps, Executor, ServiceContext } from '../../../context.js'
import type { PaymentStatus } from '../../../db/database.js'
import { prepared } from '../../../db/prepared.js'
import { NotFoundError } from '../../../errors.js'
import { formatMinor, toMinor } from '../../invoices/money.js'
import type { QuoteInput } from '../../invoices/schema.js'
import type { Coin } from '../../invoices/services/billing.js'
import { createQuote } from '../../invoices/services/create-quote.js'
import {
  amountSeen,
  type PresentOptions,
  presentInvoiceSummary,
  presentOptionsOf,
  summaryColumns,
} from '../../invoices/services/present.js'
import { presentQuoteWithQr } from '../../invoices/services/present-quote.js'
import { presentTaxes, totalsOfStored } from '../../invoices/services/totals.js'
import { fiatDecimals } from '../../rates/index.js'
import { RATEABLE } from '../../ratings/services/rate-invoice.js'
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

/**
 * The on-chain payments applied to an invoice, oldest first, as a JSON array: one subquery of the
 * statement that reads the invoice. Numbers travel as text (JSON numbers would round them).
 */
export function publicPaymentsOf(db: Executor, invoiceId: Expression<string>) {
  return jsonArrayFrom(
    db
      .selectFrom('invoice_payments as ip')
      .innerJoin('payments as p', 'p.id', 'ip.payment_id')
      .select(['p.asset', 'p.network', 'p.decimals', 'p.tx_hash', 'p.status', 'p.confirmations'])
      .select(sql<string>`p.amount::text`.as('amount'))
      .where('ip.invoice_id', '=', invoiceId)
      .where('ip.method', '=', 'onchain')
      .orderBy('ip.id'),
  )
}

interface PublicPaymentRow {
  asset: string
  network: string
  decimals: number
  tx_hash: string
  status: PaymentStatus
  confirmations: number
  amount: string
}

/** The payments applied to an invoice as a payer may see them: coin, tx and confirmations. */
export function presentPublicPayments(
  rows: readonly PublicPaymentRow[],
  opts: Pick<PresentOptions, 'requiredConfirmations'>,
): CheckoutDto['payments'] {
  return rows.map((p) => ({
    asset: p.asset as AssetId,
    network: p.network as NetworkId,
    amount: formatUnits(BigInt(p.amount), p.decimals),
    txHash: p.tx_hash,
    status: p.status === 'pending' ? 'seen' : p.status,
    confirmations: p.confirmations,
    requiredConfirmations: opts.requiredConfirmations(p.network as NetworkId),
  }))
}

/**
 * Everything the payer's page shows, in one statement: the invoice and its merchant's name, its lines,
 * the payments applied, the quotes still locked, the customer's preferred coins and the rating. The page
 * is polled, so this is the hot path of the public side.
 */
export function selectCheckout(db: Executor, token: string, now: Date) {
  return db
    .selectFrom('invoices as i')
    .modifyFront(prepared('checkout'))
    .innerJoin('merchants as m', 'm.id', 'i.merchant_id')
    .select(summaryColumns)
    .select(['i.accepts', 'i.memo', 'm.name as merchant_name', amountSeen])
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('invoice_lines as l')
          .select(['l.description', 'l.tax_rate_id', 'l.tax_name'])
          .select([
            sql<string>`l.quantity::text`.as('quantity'),
            sql<string>`l.unit_amount::text`.as('unit_amount'),
            sql<string>`l.amount::text`.as('amount'),
            sql<string | null>`l.tax_percentage::text`.as('tax_percentage'),
          ])
          .whereRef('l.invoice_id', '=', 'i.id')
          .orderBy('l.position'),
      ).as('line_rows'),
      publicPaymentsOf(db, eb.ref('i.id')).as('payment_rows'),
      jsonArrayFrom(
        eb
          .selectFrom('invoice_quotes as q')
          .innerJoin('deposit_targets as t', 't.id', 'q.deposit_target_id')
          .select(['q.id', 'q.asset', 'q.network', 'q.decimals', 'q.uri'])
          .select(['t.display_address', 't.memo', 't.reference'])
          .select([
            sql<string>`q.amount::text`.as('amount'),
            sql<string>`q.fiat_amount::text`.as('fiat_amount'),
            sql<string>`q.rate::text`.as('rate'),
            sql<string>`q.expires_at`.as('expires_at'),
          ])
          .whereRef('q.invoice_id', '=', 'i.id')
          .where('q.expires_at', '>', now)
          .orderBy('q.id', 'desc'),
      ).as('quote_rows'),
      jsonArrayFrom(
        eb
          .selectFrom('customer_preferences as cp')
          .select(['cp.asset', 'cp.network'])
          .whereRef('cp.merchant_id', '=', 'i.merchant_id')
          .whereRef('cp.customer_id', '=', 'i.customer_id')
          .orderBy('cp.position'),
      ).as('preferred_coins'),
      jsonObjectFrom(
        eb
          .selectFrom('invoice_ratings as r')
          .select(['r.rating', 'r.comment', sql<string>`r.updated_at`.as('updated_at')])
          .whereRef('r.invoice_id', '=', 'i.id'),
      ).as('rating'),
    ])
    .where('i.pay_token', '=', token)
}

/** GET /public/checkout/{token}: what the payer's page shows. */
export async function loadCheckout(deps: CoreDeps, token: string): Promise<CheckoutDto> {
  const notFound = new NotFoundError('Pay link')
  if (!TOKEN.test(token)) throw notFound
  const opts = presentOptionsOf(deps)
  const row = await selectCheckout(deps.db, token, opts.now).executeTakeFirst()
  if (!row || row.status === 'void' || row.status === 'draft') throw notFound
  const fd = fiatDecimals(row.currency)
  const invoice = presentInvoiceSummary({ ...row, customer_name: null }, opts)
  const totals = totalsOfStored(row.line_rows, fd)
  const preferred = (row.preferred_coins as Coin[]).map((c) => `${c.asset}/${c.network}`)
  const rank = (c: Coin) => {
    const i = preferred.indexOf(`${c.asset}/${c.network}`)
    return i === -1 ? preferred.length : i
  }
  const accepts = [...(row.accepts as Coin[])]
    .map((c, i) => ({ ...c, i }))
    .sort((a, b) => rank(a) - rank(b) || a.i - b.i)
    .map(({ asset, network }) => ({ asset, network, preferred: rank({ asset, network }) < preferred.length }))
  return {
    merchantName: row.merchant_name,
    number: invoice.number,
    status: invoice.status,
    overdue: invoice.overdue,
    paidLate: invoice.paidLate,
    currency: invoice.currency,
    lines: row.line_rows.map((l) => ({
      description: l.description,
      quantity: l.quantity,
      unitAmount: l.unit_amount,
      amount: formatMinor(toMinor(l.amount, fd), fd),
    })),
    subtotal: invoice.subtotal,
    taxes: presentTaxes(totals, fd).map(({ name, percentage, amount }) => ({ name, percentage, amount })),
    total: invoice.total,
    amountPaid: invoice.amountPaid,
    amountDue: invoice.amountDue,
    amountSeen: invoice.amountSeen,
    dueDate: invoice.dueDate,
    memo: row.memo,
    accepts,
    quotes: await Promise.all(
      row.quote_rows.map((q) =>
        presentQuoteWithQr({ ...q, currency: row.currency, expires_at: new Date(q.expires_at) }, opts.now),
      ),
    ),
    payments: presentPublicPayments(row.payment_rows, opts),
    canRate: (RATEABLE as readonly string[]).includes(invoice.status),
    rating: row.rating
      ? {
          rating: row.rating.rating,
          comment: row.rating.comment,
          updatedAt: new Date(row.rating.updated_at).toISOString(),
        }
      : null,
  }
}

/** POST /public/checkout/{token}/quote: the payer picks a coin. */
export async function quoteCheckout(deps: CoreDeps, token: string, input: QuoteInput) {
  const found = await resolveToken(deps.db, token)
  return createQuote({ ctx: found.ctx, deps, invoiceId: found.id, input })
}
