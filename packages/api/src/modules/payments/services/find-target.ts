import {
  isDerivedNetwork,
  normalizeAddress,
  normalizeMemo,
  type TransferEvent,
} from '@coinbook/chain-watchers'
import { sql } from 'kysely'
import type { MatchedBy } from '../../../db/database.js'
import { findSenderCustomer } from '../../payment-methods/services/find-sender-customer.js'
import { findSharedReceiver } from '../../wallets/services/find-shared-receiver.js'
import type { IngestDeps } from './ingest.js'

/**
 * Who an event pays: a customer's deposit target, or — on Solana and TON, where a payer's wallet may drop
 * the reference or comment — a merchant wallet alone (id and customer null: an unattributed payment that
 * the merchant assigns).
 */
// How far before a wallet was connected a transfer to it may be and still be recorded unattributed:
// earlier ones are the merchant's business before Coinbook, not customers' payments.
const UNATTRIBUTED_GRACE_MS = 10 * 60_000

export interface Target {
  id: string | null
  merchant_id: string
  customer_id: string | null
  reporting_currency: string
  /** How the customer was found; null while there is none. */
  matched_by: MatchedBy | null
}

export async function findTarget(deps: IngestDeps, e: TransferEvent): Promise<Target | undefined> {
  let address: string
  try {
    address = normalizeAddress(e.network, e.to, deps.mode)
  } catch {
    return undefined
  }
  const target = await deps.db
    .selectFrom('deposit_targets as t')
    .innerJoin('merchants as m', 'm.id', 't.merchant_id')
    .select(['t.id', 't.merchant_id', 't.customer_id', 'm.reporting_currency'])
    .where('t.network', '=', e.network)
    .where('t.address', '=', address)
    .where(sql<string>`coalesce(t.memo, '')`, '=', e.memo ? normalizeMemo(e.network, e.memo) : '')
    .where(sql<string>`coalesce(t.reference, '')`, '=', e.reference ?? '')
    .executeTakeFirst()
  if (target) {
    const matched_by = e.reference ? 'reference' : e.memo && !isDerivedNetwork(e.network) ? 'memo' : 'address'
    return { ...target, matched_by }
  }
  if (e.status === 'failed') return undefined
  // An address every customer pays: the Solana/TON wallet, or one the merchant listed as shared.
  const wallet = await findSharedReceiver(deps.db, e.network, address)
  if (!wallet) return undefined
  if (e.blockTime !== undefined && e.blockTime * 1000 < wallet.created_at.getTime() - UNATTRIBUTED_GRACE_MS)
    return undefined
  return {
    ...(await recogniseOnSharedAddress(deps, e, wallet.merchant_id)),
    reporting_currency: wallet.reporting_currency,
  }
}

/**
 * Who paid a shared address without a reference or comment of any customer, from two signals: the open
 * invoice quotes of exactly this asset and amount, and the sender's wallet when it is known for exactly
 * one customer (and not shared).
 * - No known sender: one quote only gives the payment to that quote's invoice (matched by quote).
 * - Known sender, no quote of another customer: one quote of theirs → that invoice (quote); none or
 *   several of theirs → the customer alone (sender).
 * - Known sender and a quote of another customer: the signals disagree, the merchant decides.
 * Otherwise the payment waits, unattributed, in the merchant's inbox; assigning it by hand teaches its
 * wallet for next time.
 */
async function recogniseOnSharedAddress(
  deps: IngestDeps,
  e: TransferEvent,
  merchantId: string,
): Promise<Omit<Target, 'reporting_currency'>> {
  const [quotes, sender] = await Promise.all([
    openQuotesOfAmount(deps, e, merchantId),
    findSenderCustomer(deps.db, { merchantId, network: e.network, from: e.from }, deps.mode),
  ])
  const [onlyQuote] = quotes
  const unattributed = { id: null, merchant_id: merchantId, customer_id: null, matched_by: null }
  if (sender === undefined)
    return quotes.length === 1 && onlyQuote ? { ...onlyQuote, matched_by: 'quote' } : unattributed
  if (quotes.some((q) => q.customer_id !== sender)) return unattributed
  if (quotes.length === 1 && onlyQuote) return { ...onlyQuote, matched_by: 'quote' }
  return { id: null, merchant_id: merchantId, customer_id: sender, matched_by: 'sender' }
}

/** How long after its rate lock expired a quote still claims a payment of exactly its amount. */
const QUOTE_MATCH_AFTER_EXPIRY_MS = 60 * 60_000

/**
 * A payment to the merchant's wallet that lost its reference or comment (a wallet or exchange that drops
 * them) still belongs to an invoice when its asset and exact amount are those of one open quote, and of
 * only one: two candidates leave it to the merchant, who assigns it by hand. Returns up to 3 candidates.
 */
async function openQuotesOfAmount(
  deps: IngestDeps,
  e: TransferEvent,
  merchantId: string,
): Promise<Omit<Target, 'reporting_currency' | 'matched_by'>[]> {
  if (e.status === 'failed') return []
  const at = e.blockTime !== undefined ? new Date(e.blockTime * 1000) : (deps.clock?.now() ?? new Date())
  const candidates = await deps.db
    .selectFrom('invoice_quotes as q')
    .innerJoin('invoices as i', 'i.id', 'q.invoice_id')
    .innerJoin('deposit_targets as t', 't.id', 'q.deposit_target_id')
    .select(['t.id', 't.merchant_id', 't.customer_id'])
    .where('q.merchant_id', '=', merchantId)
    .where('q.network', '=', e.network)
    .where('q.asset', '=', e.asset)
    .where('q.amount', '=', e.amount.toString())
    .where('i.status', 'in', ['open', 'partially_paid'])
    .where('q.created_at', '<=', new Date(at.getTime() + UNATTRIBUTED_GRACE_MS))
    .where('q.expires_at', '>=', new Date(at.getTime() - QUOTE_MATCH_AFTER_EXPIRY_MS))
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('invoice_payments as ip').select('ip.id').whereRef('ip.quote_id', '=', 'q.id'))),
    )
    .limit(3)
    .execute()
  return candidates
}
