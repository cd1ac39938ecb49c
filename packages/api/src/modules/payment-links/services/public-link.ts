import type { CoreDeps, Executor } from '../../../context.js'
import { GoneError, NotFoundError } from '../../../errors.js'
import type { CollectField, PublicPaymentLinkDto } from '../schema.js'
import { closedReason, countUses, formatFiat, type PaymentLinkRow } from './present.js'

const SLUG = /^[A-Za-z0-9_-]{1,64}$/

const GONE_MESSAGES = {
  disabled: 'This payment link has been disabled',
  expired: 'This payment link has expired',
  used_up: 'This payment link has been used as many times as it may be',
} as const

/** Throws 410 (with `reason`) when the link takes no new payers. */
export async function assertLinkOpen(db: Executor, link: PaymentLinkRow, now: Date) {
  const uses = (await countUses(db, [link.id])).get(link.id) ?? 0
  const reason = closedReason(link, uses, now)
  if (reason) throw new GoneError(GONE_MESSAGES[reason], { reason })
}

/** The link behind a slug with its merchant's name; unknown or malformed is the same plain 404. */
export async function resolveSlug(db: Executor, slug: string) {
  const notFound = new NotFoundError('Payment link')
  if (!SLUG.test(slug)) throw notFound
  const row = await db
    .selectFrom('payment_links as l')
    .innerJoin('merchants as m', 'm.id', 'l.merchant_id')
    .selectAll('l')
    .select('m.name as merchant_name')
    .where('l.slug', '=', slug)
    .executeTakeFirst()
  if (!row) throw notFound
  const { merchant_name, ...link } = row
  return { link: link as PaymentLinkRow, merchantName: merchant_name }
}

export function presentPublicLink(link: PaymentLinkRow, merchantName: string): PublicPaymentLinkDto {
  return {
    merchantName,
    title: link.title,
    description: link.description,
    amount: link.amount === null ? null : formatFiat(link.amount, link.currency),
    customAmount: link.amount === null,
    currency: link.currency,
    accepts: link.accepts as PublicPaymentLinkDto['accepts'],
    collect: link.collect as CollectField[],
  }
}

/** GET /public/payment-links/{slug}: 404 unknown, 410 disabled, expired or used up. */
export async function loadPublicLink(deps: Pick<CoreDeps, 'db' | 'clock'>, slug: string) {
  const { link, merchantName } = await resolveSlug(deps.db, slug)
  await assertLinkOpen(deps.db, link, deps.clock.now())
  return presentPublicLink(link, merchantName)
}
