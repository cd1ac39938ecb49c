import { randomBytes } from 'node:crypto'
import type { CoreDeps } from '../../../context.js'
import { newId } from '../../../db/ids.js'
import { type FieldError, ValidationError } from '../../../errors.js'
import type { CollectField, SessionDto, StartSessionInput } from '../schema.js'
import { assertFitsCurrency } from './create-link.js'
import { assertLinkOpen, resolveSlug } from './public-link.js'
import { loadSession } from './session-state.js'

const FIELD_LABELS: Record<CollectField, string> = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  billingAddress: 'billing address',
}

/**
 * POST /public/payment-links/{slug}/sessions: the payer's answers, checked against what the link asks
 * (each asked field is required, a field it does not ask for is refused), and the amount: the link's, or
 * the one the payer typed on a custom-amount link. Returns the session with the token the page keeps.
 */
export async function startSession(
  deps: Pick<CoreDeps, 'db' | 'clock'>,
  slug: string,
  input: StartSessionInput,
): Promise<SessionDto> {
  const { link } = await resolveSlug(deps.db, slug)
  const now = deps.clock.now()
  await assertLinkOpen(deps.db, link, now)
  const collect = new Set(link.collect as CollectField[])
  const errors: FieldError[] = []
  for (const field of collect) {
    const value = input[field]
    const empty =
      value === undefined ||
      (field === 'billingAddress' &&
        typeof value === 'object' &&
        Object.values(value).every((v) => v === null || v === undefined))
    if (empty)
      errors.push({ path: field, message: `is required: this link asks for your ${FIELD_LABELS[field]}` })
  }
  for (const field of Object.keys(FIELD_LABELS) as CollectField[]) {
    if (!collect.has(field) && input[field] !== undefined)
      errors.push({ path: field, message: 'is not asked for by this link' })
  }
  if (link.amount === null && input.amount === undefined)
    errors.push({ path: 'amount', message: 'is required: type the amount to pay' })
  if (link.amount !== null && input.amount !== undefined)
    errors.push({ path: 'amount', message: 'is fixed by this link' })
  if (errors.length) throw new ValidationError('Some answers are missing or not asked for', errors)
  const amount = link.amount ?? (input.amount as string)
  if (link.amount === null) assertFitsCurrency(amount, link.currency, 'amount')

  const token = randomBytes(32).toString('base64url')
  await deps.db
    .insertInto('payment_link_sessions')
    .values({
      id: newId(),
      merchant_id: link.merchant_id,
      link_id: link.id,
      token,
      name: input.name ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      billing_address: input.billingAddress ? JSON.stringify(input.billingAddress) : null,
      amount,
      currency: link.currency,
      created_at: now,
    })
    .execute()
  return loadSession(deps, token)
}
