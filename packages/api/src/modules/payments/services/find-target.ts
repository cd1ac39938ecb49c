import {
  isDerivedNetwork,
  normalizeAddress,
  normalizeMemo,
  type TransferEvent,
} from '@coinbook/chain-watchers'
import { sql } from 'kysely'
import type { MatchedBy } from '../../../db/database.js'
import { findSenderCustomer } from '../../payment-methods/services/find-sender-customer.js'
import { findSharedReceiver, type SharedReceiver } from '../../wallets/services/find-shared-receiver.js'
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

/**
 * Who each event pays (undefined: nobody of ours), in order. The deposit targets of all events are looked
 * up in one query; the few events they miss go on to the merchants' shared receiving addresses.
 */
export async function findTargets(
  deps: IngestDeps,
  events: readonly TransferEvent[],
): Promise<(Target | undefined)[]> {
  const keys = events.map((e) => {
    try {
      const address = normalizeAddress(e.network, e.to, deps.mode)
      const memo = e.memo ? normalizeMemo(e.network, e.memo) : ''
      return { network: e.network, address, memo, reference: e.reference ?? '' }
    } catch {
      return undefined
    }
  })
  const known = keys.flatMap((k) => (k ? [k] : []))
  const keyString = (k: { network: string; address: string; memo: string; reference: string }) =>
    `${k.network}\u0000${k.address}\u0000${k.memo}\u0000${k.reference}`
  const found = new Map<string, Omit<Target, 'matched_by'>>()
  for (let i = 0; i < known.length; i += 1000) {
    const chunk = known.slice(i, i + 1000)
    const { rows } = await sql<
      Omit<Target, 'matched_by'> & { network: string; address: string; memo: string; reference: string }
    >`
      select t.id, t.merchant_id, t.customer_id, m.reporting_currency, k.network, k.address, k.memo, k.reference
      from unnest(${chunk.map((k) => k.network)}::text[], ${chunk.map((k) => k.address)}::text[],
        ${chunk.map((k) => k.memo)}::text[], ${chunk.map((k) => k.reference)}::text[])
        as k(network, address, memo, reference)
      join deposit_targets t on t.network = k.network and t.address = k.address
        and coalesce(t.memo, '') = k.memo and coalesce(t.reference, '') = k.reference
      join merchants m on m.id = t.merchant_id`.execute(deps.db)
    for (const { network, address, memo, reference, ...target } of rows)
      found.set(keyString({ network, address, memo, reference }), target)
  }
  const shared = new Map<string, Promise<SharedReceiver | undefined>>()
  const out: (Target | undefined)[] = []
  for (const [i, e] of events.entries()) {
    const key = keys[i]
    if (!key) {
      out.push(undefined)
      continue
    }
    const target = found.get(keyString(key))
    if (target) {
      const matched_by = e.reference
        ? 'reference'
        : e.memo && !isDerivedNetwork(e.network)
          ? 'memo'
          : 'address'
      out.push({ ...target, matched_by })
      continue
    }
    if (e.status === 'failed') {
      out.push(undefined)
      continue
    }
    // An address every customer pays: the Solana/TON wallet, or one the merchant listed as shared.
    const receiverKey = `${e.network}\u0000${key.address}`
    if (!shared.has(receiverKey)) shared.set(receiverKey, findSharedReceiver(deps.db, e.network, key.address))
    const wallet = await shared.get(receiverKey)
    if (
      !wallet ||
      (e.blockTime !== undefined && e.blockTime * 1000 < wallet.created_at.getTime() - UNATTRIBUTED_GRACE_MS)
    ) {
      out.push(undefined)
      continue
    }
    out.push({
      ...(await recogniseOnSharedAddress(deps, e, wallet.merchant_id)),
      reporting_currency: wallet.reporting_currency,
    })
  }
  return out
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
