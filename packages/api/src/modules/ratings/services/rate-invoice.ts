import { sql } from 'kysely'
import type { CoreDeps, Executor } from '../../../context.js'
import { ConflictError } from '../../../errors.js'
import { resolveToken } from '../../checkout/services/checkout.js'
import type { PublicRatingDto, RatingInput } from '../schema.js'

/** An invoice can be rated once something was paid on it. */
export const RATEABLE = ['partially_paid', 'paid', 'overpaid'] as const

export async function loadPublicRating(db: Executor, invoiceId: string): Promise<PublicRatingDto | null> {
  const row = await db
    .selectFrom('invoice_ratings')
    .select(['rating', 'comment', 'updated_at'])
    .where('invoice_id', '=', invoiceId)
    .executeTakeFirst()
  return row ? { rating: row.rating, comment: row.comment, updatedAt: row.updated_at.toISOString() } : null
}

/**
 * PUT /public/checkout/{token}/rating: the payer rates the invoice the pay link opens (the checkout page
 * after paying, and the receipt's link to it). One rating per invoice; rating again replaces it.
 */
export async function rateInvoice(
  deps: CoreDeps,
  token: string,
  input: RatingInput,
): Promise<PublicRatingDto> {
  const found = await resolveToken(deps.db, token)
  if (!(RATEABLE as readonly string[]).includes(found.status)) {
    throw new ConflictError('A payment can be rated once it has been received', { status: found.status })
  }
  const comment = input.comment ? input.comment : null
  const row = await deps.db
    .insertInto('invoice_ratings')
    .values({ invoice_id: found.id, merchant_id: found.merchant_id, rating: input.rating, comment })
    .onConflict((oc) =>
      oc.column('invoice_id').doUpdateSet({ rating: input.rating, comment, updated_at: sql`now()` }),
    )
    .returning(['rating', 'comment', 'updated_at'])
    .executeTakeFirstOrThrow()
  return { rating: row.rating, comment: row.comment, updatedAt: row.updated_at.toISOString() }
}
