import { findPaymentOption, type NetworkMode, type TransferEvent } from '@coinbook/chain-watchers'
import type { Transaction } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { Executor } from '../../../context.js'
import type { Database } from '../../../db/database.js'
import { fiatDecimals, type RateProvider, RateUnavailableError, toFiat } from '../../rates/index.js'

/** What an event that pays a quote's target is worth to the quote's invoice. */
export interface InvoiceApplication {
  invoiceId: string
  quoteId: string
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

/** Applies a newly recorded payment to its invoice, once (the payment is unique in invoice_payments). */
export async function recordInvoiceApplication(
  trx: Transaction<Database>,
  payment: { id: string; merchantId: string },
  app: InvoiceApplication,
): Promise<void> {
  await trx
    .insertInto('invoice_payments')
    .values({
      id: uuidv7(),
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
