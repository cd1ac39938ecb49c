import { randomBytes } from 'node:crypto'
import type { NetworkMode } from '@coinbook/chain-watchers/registry'
import type { Clock } from '../../../clock.js'
import type { ServiceContext } from '../../../context.js'
import { newId } from '../../../db/ids.js'
import { inTransaction } from '../../../db/transaction.js'
import { ValidationError } from '../../../errors.js'
import { recordEvent } from '../../events/services/record-event.js'
import { fiatDecimals } from '../../rates/index.js'
import type { CreatePaymentLinkInput, PaymentLinkDto } from '../schema.js'
import { linkAccepts } from './accepts.js'
import { presentPaymentLink } from './present.js'

/** 12 url-safe characters (72 bits): short enough to read out, too many to guess. */
export function newSlug(): string {
  return randomBytes(9).toString('base64url')
}

/** An amount's decimals must fit the currency (JPY has none, USD two). */
export function assertFitsCurrency(amount: string, currency: string, path: string) {
  const places = amount.split('.')[1]?.replace(/0+$/, '').length ?? 0
  const fd = fiatDecimals(currency)
  if (places > fd)
    throw new ValidationError(`${currency} amounts have at most ${fd} decimals`, [
      { path, message: `must have at most ${fd} decimals in ${currency}` },
    ])
}

/** POST /payment-links: a link that is live at once (unless its expiry is already past: a 400). */
export async function createPaymentLink({
  ctx,
  deps,
  input,
}: {
  ctx: ServiceContext
  deps: { clock: Clock; mode: NetworkMode }
  input: CreatePaymentLinkInput
}): Promise<PaymentLinkDto> {
  const now = deps.clock.now()
  if (input.amount !== undefined) assertFitsCurrency(input.amount, input.currency, 'amount')
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null
  if (expiresAt && expiresAt.getTime() <= now.getTime())
    throw new ValidationError('The link would be expired already', [
      { path: 'expiresAt', message: 'must be in the future' },
    ])
  return inTransaction(ctx.db, async (trx) => {
    const accepts = await linkAccepts(trx, ctx.merchantId, deps.mode, input.accepts)
    const row = await trx
      .insertInto('payment_links')
      .values({
        id: newId(),
        merchant_id: ctx.merchantId,
        slug: newSlug(),
        title: input.title,
        description: input.description ?? null,
        amount: input.amount ?? null,
        currency: input.currency,
        accepts: JSON.stringify(accepts),
        collect: JSON.stringify(input.collect ?? ['name', 'email']),
        max_uses: input.maxUses ?? null,
        expires_at: expiresAt,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    const link = presentPaymentLink(row, 0, now)
    await recordEvent(trx, {
      merchantId: ctx.merchantId,
      type: 'payment_link.created',
      subjectId: row.id,
      data: { object: link },
    })
    return link
  })
}
