import { findPaymentOption, formatUnits, networks } from '@coinbook/chain-watchers'
import { extraTokens } from '../../../config.js'
import type { CoreDeps, ServiceContext } from '../../../context.js'
import { newId } from '../../../db/ids.js'
import { inTransaction } from '../../../db/transaction.js'
import { ConflictError, ValidationError } from '../../../errors.js'
import { allocatePayerTarget } from '../../deposit-targets/services/allocate.js'
import { coinAmountFor, formatMinor, toMinor } from '../../invoices/money.js'
import type { QuoteDto, QuoteInput } from '../../invoices/schema.js'
import { presentQuoteWithQr } from '../../invoices/services/present-quote.js'
import { fiatDecimals, rateForQuote } from '../../rates/index.js'
import { assertLinkOpen } from './public-link.js'
import { loadSession, resolveSession, selectSessionQuotes } from './session-state.js'

// A quote about to expire is not handed out again: the payer needs time to send.
const REUSE_MARGIN_MS = 2 * 60_000

/**
 * POST /public/payment-link-sessions/{token}/quote: the payer picks a coin; the session's amount is fixed
 * in it at the current rate until the quote expires, on a fresh target of the session's own (no customer
 * yet: the payment that arrives there makes or matches the profile). The same coin again returns the
 * still-fresh quote instead of a new address.
 */
export async function quoteSession(
  deps: Pick<CoreDeps, 'db' | 'clock' | 'config' | 'rates' | 'chains'>,
  token: string,
  input: QuoteInput,
): Promise<QuoteDto> {
  const s = await resolveSession(deps.db, token)
  const now = deps.clock.now()
  const state = await loadSession(deps, token)
  if (state.status === 'paid') throw new ConflictError('This payment is complete; nothing is due')
  // A payer who already paid keeps their session; a new payer needs the link open.
  if (s.paid_at === null) {
    const link = await deps.db
      .selectFrom('payment_links')
      .selectAll()
      .where('id', '=', s.link_id)
      .executeTakeFirstOrThrow()
    await assertLinkOpen(deps.db, link, now)
  }
  const { asset, network } = input
  const accepts = s.accepts as { asset: string; network: string }[]
  if (!accepts.some((c) => c.asset === asset && c.network === network))
    throw new ValidationError(`This link does not accept ${asset} on ${networks[network].name}`, [
      {
        path: 'asset',
        message: `must be one of ${accepts.map((c) => `${c.asset} on ${c.network}`).join(', ')}`,
      },
    ])
  const mode = deps.config.COINBOOK_NETWORK_MODE
  const option = findPaymentOption(asset, network, mode)
  if (!option)
    throw new ValidationError(`${asset} cannot be paid on ${networks[network].name}`, [
      { path: 'asset', message: `is not paid on ${network}` },
    ])
  const tokens = extraTokens(deps.config, network)
  const decimals = tokens.find((t) => t.asset === asset)?.decimals ?? option.decimals
  const fd = fiatDecimals(s.currency)
  const due = toMinor(s.amount, fd)

  const reusable = await selectSessionQuotes(deps.db, s.id)
    .where('q.asset', '=', asset)
    .where('q.network', '=', network)
    .where('q.expires_at', '>', new Date(now.getTime() + REUSE_MARGIN_MS))
    .executeTakeFirst()
  if (reusable) return presentQuoteWithQr(reusable, now)

  const rate = await rateForQuote(deps.rates, { asset, fiat: s.currency, at: now })
  const amount = coinAmountFor(due, fd, rate.rate, decimals)
  const ctx: ServiceContext = {
    db: deps.db,
    merchantId: s.merchant_id,
    actor: { type: 'system', id: null, role: 'admin' },
  }
  const quoteId = await inTransaction(deps.db, async (trx) => {
    const { row, uri } = await allocatePayerTarget({
      ctx: { ...ctx, db: trx },
      input: { asset, network, amount: formatUnits(amount, decimals) },
      mode,
      tokens,
      onAllocated: (n, address) => deps.chains.watch(n, address),
    })
    const id = newId()
    await trx
      .insertInto('payment_link_quotes')
      .values({
        id,
        merchant_id: s.merchant_id,
        session_id: s.id,
        deposit_target_id: row.id,
        asset,
        network,
        fiat_amount: formatMinor(due, fd),
        amount: amount.toString(),
        decimals,
        rate: rate.rate,
        rate_source: rate.source,
        uri,
        expires_at: new Date(now.getTime() + deps.config.QUOTE_TTL),
        created_at: now,
      })
      .execute()
    return id
  })
  const row = await selectSessionQuotes(deps.db, s.id).where('q.id', '=', quoteId).executeTakeFirstOrThrow()
  return presentQuoteWithQr(row, now)
}
