import { findPaymentOption, formatUnits, networks } from '@coinbook/chain-watchers'
import { sql } from 'kysely'
import { extraTokens } from '../../../config.js'
import type { CoreDeps, ServiceContext } from '../../../context.js'
import type { InvoiceStatus } from '../../../db/database.js'
import { newId } from '../../../db/ids.js'
import { inTransaction } from '../../../db/transaction.js'
import { ConflictError, NotFoundError, ValidationError } from '../../../errors.js'
import { allocateDepositTarget } from '../../deposit-targets/services/allocate.js'
import { fiatDecimals, rateForQuote } from '../../rates/index.js'
import { coinAmountFor, formatMinor, toMinor } from '../money.js'
import type { QuoteDto, QuoteInput } from '../schema.js'
import type { Coin } from './billing.js'
import { lockInvoice } from './lock.js'
import { presentQuoteWithQr, selectQuotes } from './present-quote.js'

export type QuoteDeps = Pick<CoreDeps, 'config' | 'rates' | 'clock' | 'chains'>

// A quote about to expire is not handed out again: the payer needs time to send.
const REUSE_MARGIN_MS = 2 * 60_000

function assertQuotable(status: InvoiceStatus) {
  if (status === 'draft') throw new ConflictError('Send the invoice before quoting it', { status })
  if (status === 'void') throw new ConflictError('This invoice is void; nothing is due', { status })
  if (status === 'paid' || status === 'overpaid')
    throw new ConflictError('This invoice is paid; nothing is due', { status })
}

function assertAccepted(accepts: readonly Coin[], { asset, network }: QuoteInput) {
  if (accepts.some((c) => c.asset === asset && c.network === network)) return
  throw new ValidationError(`This invoice does not accept ${asset} on ${networks[network].name}`, [
    {
      path: 'asset',
      message: `must be one of ${accepts.map((c) => `${c.asset} on ${c.network}`).join(', ') || '(none)'}`,
    },
  ])
}

/**
 * Fixes the crypto amount of what is still due at the current rate until `expiresAt`, on a target of
 * the invoice's own (a fresh derived address, Solana Pay reference or TON comment), so a payment to it is
 * applied to this invoice exactly. What is due leaves out payments seen on chain but not confirmed yet.
 * A still-fresh quote for the same coin and amount is returned instead of a new one.
 */
export async function createQuote({
  ctx,
  deps,
  invoiceId,
  input,
  ttlMs = deps.config.QUOTE_TTL,
}: {
  ctx: ServiceContext
  deps: QuoteDeps
  invoiceId: string
  input: QuoteInput
  ttlMs?: number
}): Promise<QuoteDto> {
  const mode = deps.config.COINBOOK_NETWORK_MODE
  const { asset, network } = input
  const option = findPaymentOption(asset, network, mode)
  if (!option) {
    throw new ValidationError(`${asset} cannot be paid on ${networks[network].name}`, [
      { path: 'asset', message: `is not paid on ${network}` },
    ])
  }
  const decimals =
    extraTokens(deps.config, network).find((t) => t.asset === asset)?.decimals ?? option.decimals
  const first = await ctx.db
    .selectFrom('invoices')
    .select(['status', 'currency', 'accepts'])
    .where('merchant_id', '=', ctx.merchantId)
    .where('id', '=', invoiceId)
    .executeTakeFirst()
  if (!first) throw new NotFoundError('Invoice', invoiceId)
  assertQuotable(first.status)
  assertAccepted(first.accepts as Coin[], input)

  // Priced before the transaction: the invoice stays locked only for database work.
  const now = deps.clock.now()
  const rate = await rateForQuote(deps.rates, { asset, fiat: first.currency, at: now })

  const quoteId = await inTransaction(ctx.db, async (trx) => {
    const invoice = await lockInvoice(trx, ctx.merchantId, invoiceId)
    assertQuotable(invoice.status)
    const fd = fiatDecimals(invoice.currency)
    const seen = await trx
      .selectFrom('invoice_payments as ip')
      .innerJoin('payments as p', 'p.id', 'ip.payment_id')
      .select(sql<string>`coalesce(sum(ip.amount), 0)`.as('sum'))
      .where('ip.invoice_id', '=', invoiceId)
      .where('p.status', '=', 'pending')
      .executeTakeFirstOrThrow()
    const due = toMinor(invoice.total, fd) - toMinor(invoice.amount_paid, fd) - toMinor(seen.sum, fd)
    if (due <= 0n) {
      throw new ConflictError(
        'Payments already seen on chain cover this invoice; they are waiting for confirmations',
      )
    }
    await assertWithinLimits(trx, {
      merchantId: ctx.merchantId,
      customerId: invoice.customer_id,
      currency: invoice.currency,
      due,
      fd,
      now,
    })

    const reusable = await selectQuotes(trx, invoiceId)
      .where('q.asset', '=', asset)
      .where('q.network', '=', network)
      .where('q.expires_at', '>', new Date(now.getTime() + REUSE_MARGIN_MS))
      .where('q.fiat_amount', '=', formatMinor(due, fd))
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(selectFrom('invoice_payments as ip').select('ip.id').whereRef('ip.quote_id', '=', 'q.id')),
        ),
      )
      .executeTakeFirst()
    if (reusable) return reusable.id

    const amount = coinAmountFor(due, fd, rate.rate, decimals)
    const target = await allocateDepositTarget({
      ctx: { ...ctx, db: trx },
      customerId: invoice.customer_id,
      input: { asset, network, fresh: true, amount: formatUnits(amount, decimals) },
      mode,
      tokens: extraTokens(deps.config, network),
      invoiceId,
      onAllocated: (n, address) => deps.chains.watch(n, address),
    })
    const id = newId()
    await trx
      .insertInto('invoice_quotes')
      .values({
        id,
        merchant_id: ctx.merchantId,
        invoice_id: invoiceId,
        deposit_target_id: target.id,
        asset,
        network,
        fiat_amount: formatMinor(due, fd),
        amount: amount.toString(),
        decimals,
        rate: rate.rate,
        rate_source: rate.source,
        uri: target.uri,
        expires_at: new Date(now.getTime() + ttlMs),
        created_at: now,
      })
      .execute()
    return id
  })
  const row = await selectQuotes(ctx.db, invoiceId).where('q.id', '=', quoteId).executeTakeFirstOrThrow()
  return presentQuoteWithQr(row, now)
}

/**
 * A customer's payment limits, in their preferred fiat (else the merchant's reporting currency): a quote
 * above the per-payment limit is refused, and so is one that would take what they paid this calendar month
 * (in their timezone, else UTC: their on-chain payments seen or confirmed, valued in that currency) above the monthly
 * limit. Limits in another currency than the invoice's are not converted.
 */
async function assertWithinLimits(
  db: Parameters<typeof lockInvoice>[0],
  q: { merchantId: string; customerId: string; currency: string; due: bigint; fd: number; now: Date },
) {
  const { currency, due, fd } = q
  const customer = await db
    .selectFrom('customers as c')
    .innerJoin('merchants as m', 'm.id', 'c.merchant_id')
    .select(['c.payment_limits', 'c.preferred_fiat', 'c.timezone', 'm.reporting_currency'])
    .where('c.merchant_id', '=', q.merchantId)
    .where('c.id', '=', q.customerId)
    .executeTakeFirst()
  const limits = customer?.payment_limits
  if (!customer || !limits) return
  if ((customer.preferred_fiat ?? customer.reporting_currency) !== currency) return
  const minor = (max: string | undefined) => {
    if (max === undefined) return undefined
    try {
      return toMinor(max, fd)
    } catch {
      return undefined
    }
  }
  const perPayment = minor(limits.perPaymentMax)
  if (perPayment !== undefined && due > perPayment) {
    throw new ConflictError(
      `${formatMinor(due, fd)} ${currency} is above this customer’s limit of ${formatMinor(perPayment, fd)} ${currency} per payment; record a partial payment or raise the limit`,
      { limit: 'perPaymentMax', max: formatMinor(perPayment, fd), currency },
    )
  }
  const monthly = minor(limits.monthlyMax)
  if (monthly === undefined) return
  const tz = customer.timezone ?? 'UTC'
  const paid = await db
    .selectFrom('payments')
    .select(sql<string>`coalesce(sum(fiat_value), 0)`.as('sum'))
    .where('merchant_id', '=', q.merchantId)
    .where('customer_id', '=', q.customerId)
    .where('fiat_currency', '=', currency)
    .where('status', 'in', ['pending', 'confirmed'])
    .where(
      sql<Date>`coalesce(block_time, detected_at)`,
      '>=',
      sql<Date>`date_trunc('month', ${q.now}::timestamptz at time zone ${tz}) at time zone ${tz}`,
    )
    .executeTakeFirstOrThrow()
  // Valued to the cent, never rounded in the customer's favour.
  const paidMinor = toMinor(roundUp(paid.sum, fd), fd)
  if (paidMinor + due > monthly) {
    const left = monthly > paidMinor ? monthly - paidMinor : 0n
    throw new ConflictError(
      `${formatMinor(due, fd)} ${currency} would take this customer above their monthly limit of ${formatMinor(monthly, fd)} ${currency}: ${formatMinor(paidMinor, fd)} ${currency} paid this month, ${formatMinor(left, fd)} ${currency} left; record a partial payment or raise the limit`,
      {
        limit: 'monthlyMax',
        max: formatMinor(monthly, fd),
        paidThisMonth: formatMinor(paidMinor, fd),
        remaining: formatMinor(left, fd),
        currency,
      },
    )
  }
}

/** An exact decimal string cut to `fd` places, rounded up when anything was cut. */
function roundUp(value: string, fd: number): string {
  const [whole = '0', frac = ''] = value.split('.')
  const kept = frac.slice(0, fd)
  const cut = frac.slice(fd)
  const base = fd > 0 ? `${whole}.${kept.padEnd(fd, '0')}` : whole
  if (!/[1-9]/.test(cut)) return base
  return formatMinor(toMinor(base, fd) + 1n, fd)
}
