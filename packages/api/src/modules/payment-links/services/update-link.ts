import type { NetworkMode } from '@coinbook/chain-watchers/registry'
import type { Updateable } from 'kysely'
import type { Clock } from '../../../clock.js'
import type { ServiceContext } from '../../../context.js'
import type { PaymentLinksTable } from '../../../db/database.js'
import { inTransaction } from '../../../db/transaction.js'
import { ValidationError } from '../../../errors.js'
import { recordEvent } from '../../events/services/record-event.js'
import type { PaymentLinkDto, UpdatePaymentLinkInput } from '../schema.js'
import { linkAccepts } from './accepts.js'
import { loadLinkRow } from './get-link.js'
import { countUses, presentPaymentLink } from './present.js'

/**
 * PATCH /payment-links/{id}: title, description, coins, fields, limits; `disabled` turns it off or on.
 * The price and currency stay as created (payers may hold sessions at that price): create another link.
 */
export async function updatePaymentLink({
  ctx,
  deps,
  id,
  input,
}: {
  ctx: ServiceContext
  deps: { clock: Clock; mode: NetworkMode }
  id: string
  input: UpdatePaymentLinkInput
}): Promise<PaymentLinkDto> {
  const now = deps.clock.now()
  return inTransaction(ctx.db, async (trx) => {
    const current = await loadLinkRow(trx, ctx.merchantId, id)
    const set: Updateable<PaymentLinksTable> = { updated_at: now }
    if (input.title !== undefined) set.title = input.title
    if (input.description !== undefined) set.description = input.description
    if (input.accepts !== undefined)
      set.accepts = JSON.stringify(await linkAccepts(trx, ctx.merchantId, deps.mode, input.accepts))
    if (input.collect !== undefined) set.collect = JSON.stringify(input.collect)
    if (input.maxUses !== undefined) set.max_uses = input.maxUses
    if (input.expiresAt !== undefined) {
      const at = input.expiresAt === null ? null : new Date(input.expiresAt)
      if (at && at.getTime() <= now.getTime())
        throw new ValidationError('An expiry must be in the future; disable the link to close it now', [
          { path: 'expiresAt', message: 'must be in the future' },
        ])
      set.expires_at = at
    }
    if (input.disabled !== undefined) set.disabled_at = input.disabled ? (current.disabled_at ?? now) : null
    const row = await trx
      .updateTable('payment_links')
      .set(set)
      .where('merchant_id', '=', ctx.merchantId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    const uses = await countUses(trx, [id])
    const link = presentPaymentLink(row, uses.get(id) ?? 0, now)
    await recordEvent(trx, {
      merchantId: ctx.merchantId,
      type: 'payment_link.updated',
      subjectId: id,
      data: { object: link, changed: Object.keys(input) },
    })
    return link
  })
}
