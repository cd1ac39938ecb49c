import { utcDate } from '../../../clock.js'
import type { ServiceContext } from '../../../context.js'
import { inTransaction } from '../../../db/transaction.js'
import { CoinbookError, ValidationError } from '../../../errors.js'
import { fiatDecimals } from '../../rates/index.js'
import { toMinor } from '../money.js'
import type { ChargeInput, QuoteDto } from '../schema.js'
import type { Coin } from './billing.js'
import { createInvoice } from './create-invoice.js'
import { createQuote, type QuoteDeps } from './create-quote.js'
import { sendInvoice } from './send-invoice.js'

/**
 * "Charge now": a one-line invoice due today, created and sent in one transaction, then a ready quote per
 * accepted coin. A coin that cannot be quoted (no rate, credit already paid it) is listed with the reason.
 */
export async function chargeCustomer({
  ctx,
  deps,
  customerId,
  input,
}: {
  ctx: ServiceContext
  deps: QuoteDeps
  customerId: string
  input: ChargeInput
}) {
  const fd = fiatDecimals(input.currency)
  try {
    toMinor(input.amount, fd)
  } catch {
    throw new ValidationError(`${input.currency} amounts have ${fd} decimals`, [
      { path: 'amount', message: `must have at most ${fd} decimals in ${input.currency}` },
    ])
  }
  const mode = deps.config.COINBOOK_NETWORK_MODE
  const invoiceId = await inTransaction(ctx.db, async (trx) => {
    const scoped = { ...ctx, db: trx }
    const id = await createInvoice({
      ctx: scoped,
      deps: { clock: deps.clock, mode },
      input: {
        customerId,
        currency: input.currency,
        lines: [{ description: input.description, quantity: '1', unitAmount: input.amount }],
        dueDate: utcDate(deps.clock.now()),
        ...(input.accepts ? { accepts: input.accepts } : {}),
      },
    })
    await sendInvoice({ ctx: scoped, deps, id })
    return id
  })
  const invoice = await ctx.db
    .selectFrom('invoices')
    .select(['accepts'])
    .where('id', '=', invoiceId)
    .executeTakeFirstOrThrow()
  const quotes: QuoteDto[] = []
  const unavailable: { asset: Coin['asset']; network: Coin['network']; reason: string }[] = []
  for (const coin of invoice.accepts as Coin[]) {
    try {
      quotes.push(
        await createQuote({
          ctx,
          deps,
          invoiceId,
          input: coin,
          ...(input.expiresIn ? { ttlMs: input.expiresIn * 1000 } : {}),
        }),
      )
    } catch (err) {
      if (!(err instanceof CoinbookError)) throw err
      unavailable.push({ ...coin, reason: err.message })
    }
  }
  return { invoiceId, quotes, unavailable }
}
