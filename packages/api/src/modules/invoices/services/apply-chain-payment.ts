import { findPaymentOption, type NetworkMode, type TransferEvent } from '@coinbook/chain-watchers'
import type { Transaction } from 'kysely'
import type { Executor } from '../../../context.js'
import type { Database } from '../../../db/database.js'
import { newId } from '../../../db/ids.js'
import { fiatDecimals, type RateProvider, RateUnavailableError, toFiat } from '../../rates/index.js'

/** What an event is worth to the invoice it pays. */
export interface InvoiceApplication {
  invoiceId: string
  /** The quote it paid; null for a payment to the customer's stable address (see prepareStableApplications). */
  quoteId: string | null
  /** In the invoice's currency; null when no rate was to be had (the payment then counts for nothing yet). */
  amount: string | null
  rate: string | null
  /** Arrived after the quote's rate lock expired: valued at the rate when it arrived. */
  late: boolean
}

/**
 * Reads only (it may ask the rate provider), so it runs before the write transaction: when the event's
 * target is an invoice quote's, values the payment for the invoice — at the locked rate when it arrived
 * (its block's time, else now) before the quote expired and in the quoted asset, else at the rate then.
 */
export async function prepareInvoiceApplication(
  deps: { db: Executor; rates: RateProvider; mode: NetworkMode; now: () => Date },
  event: TransferEvent,
  targetId: string | null,
): Promise<InvoiceApplication | undefined> {
  if (!targetId || event.status === 'failed') return undefined
  const quote = await deps.db
    .selectFrom('invoice_quotes as q')
    .innerJoin('invoices as i', 'i.id', 'q.invoice_id')
    .select(['q.id', 'q.invoice_id', 'q.asset', 'q.rate', 'q.decimals', 'q.expires_at', 'i.currency'])
    .where('q.deposit_target_id', '=', targetId)
    .executeTakeFirst()
  if (!quote) return undefined
  const arrived = event.blockTime !== undefined ? new Date(event.blockTime * 1000) : deps.now()
  const late = arrived.getTime() > quote.expires_at.getTime()
  const fd = fiatDecimals(quote.currency)
  const sameAsset = event.asset === quote.asset
  const decimals = sameAsset
    ? quote.decimals
    : (findPaymentOption(event.asset, event.network, deps.mode)?.decimals ?? 0)
  let rate: string | null = null
  if (!late && sameAsset) rate = quote.rate
  else {
    try {
      rate = (await deps.rates.getRate({ asset: event.asset, fiat: quote.currency, at: arrived })).rate
    } catch (err) {
      if (!(err instanceof RateUnavailableError)) throw err
    }
  }
  return {
    invoiceId: quote.invoice_id,
    quoteId: quote.id,
    amount: rate === null ? null : toFiat(event.amount, decimals, rate, fd),
    rate,
    late,
  }
}

/**
 * How far a block's time may read before the moment its transactions were really sent: a minute on most
 * chains; Bitcoin's consensus lets a block's time lag by about an hour (it only has to pass the median of
 * the last 11 blocks), so two hours there.
 */
function blockClockSlackMs(network: string): number {
  return network === 'bitcoin' ? 2 * 3_600_000 : 60_000
}

/** A payment to one of a customer's own stable addresses (not an invoice's). */
export interface StablePayment {
  event: TransferEvent
  merchantId: string
  customerId: string
}

/**
 * Reads only, before the write transaction: which open invoice each payment to a customer's stable
 * address pays, when the merchant's setting says so (the default) — the customer's oldest open or partially
 * paid invoice (by due date, then number) that was sent before the payment arrived (its block's time, give
 * or take the chain's clock slack), valued in the invoice's currency at the rate when the payment arrived. Several payments of one batch may pay the same
 * invoice: what exceeds it becomes credit, as any overpayment. A customer without an open invoice keeps a
 * plain payment. Returns an application per input, in order (undefined: none).
 */
export async function prepareStableApplications(
  deps: { db: Executor; rates: RateProvider; mode: NetworkMode; now: () => Date },
  payments: readonly StablePayment[],
): Promise<(InvoiceApplication | undefined)[]> {
  const live = payments.filter((p) => p.event.status !== 'failed')
  if (live.length === 0) return payments.map(() => undefined)
  const open = await deps.db
    .selectFrom('invoices as i')
    .leftJoin('invoice_settings as s', 's.merchant_id', 'i.merchant_id')
    .select(['i.id', 'i.customer_id', 'i.currency', 'i.sent_at'])
    .where('i.customer_id', 'in', [...new Set(live.map((p) => p.customerId))])
    .where('i.status', 'in', ['open', 'partially_paid'])
    .where('i.sent_at', 'is not', null)
    .where((eb) =>
      eb.or([eb('s.apply_stable_payments', 'is', null), eb('s.apply_stable_payments', '=', true)]),
    )
    .orderBy('i.customer_id')
    .orderBy('i.due_date')
    .orderBy('i.number')
    .execute()
  const out: (InvoiceApplication | undefined)[] = []
  for (const p of payments) {
    const arrived = p.event.blockTime !== undefined ? new Date(p.event.blockTime * 1000) : deps.now()
    const invoice =
      p.event.status === 'failed'
        ? undefined
        : open.find(
            (i) =>
              i.customer_id === p.customerId &&
              i.sent_at !== null &&
              i.sent_at.getTime() - blockClockSlackMs(p.event.network) <= arrived.getTime(),
          )
    if (!invoice) {
      out.push(undefined)
      continue
    }
    const decimals = findPaymentOption(p.event.asset, p.event.network, deps.mode)?.decimals ?? 0
    let rate: string | null = null
    try {
      rate = (await deps.rates.getRate({ asset: p.event.asset, fiat: invoice.currency, at: arrived })).rate
    } catch (err) {
      if (!(err instanceof RateUnavailableError)) throw err
    }
    out.push({
      invoiceId: invoice.id,
      quoteId: null,
      amount: rate === null ? null : toFiat(p.event.amount, decimals, rate, fiatDecimals(invoice.currency)),
      rate,
      late: false,
    })
  }
  return out
}

/** Applies a newly recorded payment to its invoice, once (the payment is unique in invoice_payments). */
export async function recordInvoiceApplication(
  trx: Transaction<Database>,
  payment: { id: string; merchantId: string },
  app: InvoiceApplication,
): Promise<void> {
  await trx
    .insertInto('invoice_payments')
    .values({
      id: newId(),
      merchant_id: payment.merchantId,
      invoice_id: app.invoiceId,
      method: 'onchain',
      payment_id: payment.id,
      quote_id: app.quoteId,
      amount: app.amount,
      rate: app.rate,
      late: app.late,
      actor_type: 'system',
      actor_id: null,
    })
    .onConflict((oc) => oc.column('payment_id').doNothing())
    .execute()
}
