import { sql } from 'kysely'
import type { ServiceContext } from '../../../context.js'
import { inTransaction } from '../../../db/transaction.js'
import { NotFoundError } from '../../../errors.js'
import { recordEvent } from '../../events/services/record-event.js'
import type { CustomerDto, UpdateCustomerInput } from '../schema.js'
import { recordCustomerAudit } from './audit.js'
import { loadLiveCustomer } from './live-customers.js'
import { replacePreferredCoins } from './preferred-coins.js'
import { writeUnique } from './uniqueness.js'
import { customerColumnsFor, normaliseFields } from './write-values.js'

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` compare equal (arrays keep their order). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  )
}

/** The actor as events carry it: a user, an API key, the system, or the customer in the portal. */
export function eventActor(actor: ServiceContext['actor']) {
  if (actor.via === 'portal') return { type: 'customer', id: actor.id, via: 'portal' }
  return { type: actor.type, id: actor.id }
}

/**
 * Changes the fields the input names (null clears a nullable one; preferredCoins replaces the list).
 * Only fields whose value really changes are written and audited; a no-op leaves updatedAt alone.
 */
export async function updateCustomer({
  ctx,
  input,
}: {
  ctx: ServiceContext
  input: { id: string; changes: UpdateCustomerInput }
}): Promise<CustomerDto> {
  const { id } = input
  const next = normaliseFields(input.changes)
  return inTransaction(ctx.db, async (trx) => {
    const locked = await trx
      .selectFrom('customers')
      .select('id')
      .where('merchant_id', '=', ctx.merchantId)
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .forUpdate()
      .executeTakeFirst()
    if (!locked) throw new NotFoundError('Customer', id)
    const before = await loadLiveCustomer(trx, ctx.merchantId, id)

    const changes: Record<string, { from: unknown; to: unknown }> = {}
    for (const [key, to] of Object.entries(next)) {
      const from = before[key as keyof CustomerDto]
      if (to !== undefined && canonical(from) !== canonical(to)) changes[key] = { from, to }
    }
    const fields = Object.keys(changes)
    if (fields.length === 0) return before

    const { preferredCoins, ...changed } = Object.fromEntries(
      fields.map((key) => [key, next[key as keyof UpdateCustomerInput]]),
    ) as UpdateCustomerInput
    await writeUnique(trx, ctx.merchantId, changed, id, () =>
      trx
        .updateTable('customers')
        .set({ ...customerColumnsFor(changed), updated_at: sql`now()` })
        .where('merchant_id', '=', ctx.merchantId)
        .where('id', '=', id)
        .execute(),
    )
    if (preferredCoins) await replacePreferredCoins(trx, ctx.merchantId, id, preferredCoins)
    await recordCustomerAudit(trx, ctx, {
      action: 'customer.updated',
      customerId: id,
      data: { fields, changes },
    })
    const customer = await loadLiveCustomer(trx, ctx.merchantId, id)
    // previousAttributes: what the changed fields were, as Stripe's `previous_attributes` does.
    const previousAttributes = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.from]))
    await recordEvent(trx, {
      merchantId: ctx.merchantId,
      type: 'customer.updated',
      subjectId: id,
      // Who changed it (the timeline names them): a user, an API key, or the customer in the portal.
      data: { object: customer, previousAttributes, actor: eventActor(ctx.actor) },
    })
    return customer
  })
}
