import { type AssetId, formatUnits, type NetworkId, qrSvg } from '@coinbook/chain-watchers'
import { LRUCache } from 'lru-cache'
import type { Executor } from '../../../context.js'
import { fiatDecimals } from '../../rates/index.js'
import { formatMinor, toMinor } from '../money.js'
import type { QuoteDto } from '../schema.js'

/** An invoice's quotes with their targets, newest first. */
export function selectQuotes(db: Executor, invoiceId: string) {
  return db
    .selectFrom('invoice_quotes as q')
    .innerJoin('deposit_targets as t', 't.id', 'q.deposit_target_id')
    .innerJoin('invoices as i', 'i.id', 'q.invoice_id')
    .selectAll('q')
    .select(['t.display_address', 't.memo', 't.reference', 'i.currency'])
    .where('q.invoice_id', '=', invoiceId)
    .orderBy('q.id', 'desc')
}

export type QuoteRow = Awaited<ReturnType<ReturnType<typeof selectQuotes>['executeTakeFirstOrThrow']>>

/** The columns a quote is shown from, in whichever table it lives (invoice quotes, payment-link quotes). */
export type QuoteFields = Pick<
  QuoteRow,
  | 'id'
  | 'asset'
  | 'network'
  | 'display_address'
  | 'memo'
  | 'reference'
  | 'amount'
  | 'decimals'
  | 'fiat_amount'
  | 'currency'
  | 'rate'
  | 'uri'
  | 'expires_at'
>

export function presentQuote(row: QuoteFields, now: Date): Omit<QuoteDto, 'qrSvg'> {
  const fd = fiatDecimals(row.currency)
  return {
    id: row.id,
    asset: row.asset as AssetId,
    network: row.network as NetworkId,
    address: row.display_address,
    memo: row.memo,
    reference: row.reference,
    amount: formatUnits(BigInt(row.amount), row.decimals),
    fiatAmount: formatMinor(toMinor(row.fiat_amount, fd), fd),
    currency: row.currency,
    rate: row.rate,
    uri: row.uri,
    expiresAt: row.expires_at.toISOString(),
    expired: row.expires_at.getTime() <= now.getTime(),
  }
}

/**
 * QR codes of quote URIs, per process. A quote's URI never changes, and an open checkout page shows the same
 * one on every poll; drawing it costs ~0.7 ms of CPU, more than the rest of the checkout. ~2 KB each.
 */
const qrCodes = new LRUCache<string, string>({ max: 10_000 })

async function quoteQr(uri: string): Promise<string> {
  const hit = qrCodes.get(uri)
  if (hit !== undefined) return hit
  const svg = await qrSvg(uri)
  qrCodes.set(uri, svg)
  return svg
}

/** A quote with its QR code, ready to show a payer. */
export async function presentQuoteWithQr(row: QuoteFields, now: Date): Promise<QuoteDto> {
  const quote = presentQuote(row, now)
  return { ...quote, qrSvg: await quoteQr(quote.uri) }
}
