import { type RawBuilder, sql } from 'kysely'
import type { ServiceContext } from '../../../context.js'
import { ValidationError } from '../../../errors.js'
import { resolveSegment } from '../../segments/resolve.js'
import type { AnalyticsQuery } from '../schema.js'

const DAY_MS = 86_400_000
/** A report covers at most this many days (about 5 years): enough for cohorts, bounded for the database. */
const MAX_DAYS = 1830

/** What one analytics request covers: the merchant, [from, to) in UTC, and the filters as SQL. */
export interface AnalyticsScope {
  merchantId: string
  currency: string
  /** Inclusive start, midnight UTC of `fromDay`. */
  from: Date
  /** Exclusive end, midnight UTC after `toDay`. */
  to: Date
  fromDay: string
  toDay: string
  now: Date
  /** Conditions on payments as `p`. */
  payment: RawBuilder<boolean>
  /** Conditions on customers as `c` (country, segment); null when there are none (no join needed). */
  customer: RawBuilder<boolean> | null
  /** The filters as given, for the rollups (rollups.ts), which have columns for all but a segment. */
  filters: { asset?: string; network?: string; country?: string; segment: boolean }
}

const day = (d: Date) => d.toISOString().slice(0, 10)

/**
 * Turns the query into a scope: dates default to the `defaultDays` ending today, `to` is included, and
 * a `from` after `to` or a range over MAX_DAYS is a 400; an unknown segment is a 404.
 */
export async function resolveScope(
  ctx: ServiceContext,
  input: AnalyticsQuery,
  now: Date,
  defaultDays = 30,
): Promise<AnalyticsScope> {
  const toDay = input.to ?? day(now)
  const to = new Date(Date.parse(`${toDay}T00:00:00Z`) + DAY_MS)
  const fromDay = input.from ?? day(new Date(to.getTime() - defaultDays * DAY_MS))
  const from = new Date(`${fromDay}T00:00:00Z`)
  if (from >= to) {
    throw new ValidationError('The range is empty', [{ path: 'from', message: 'must be on or before `to`' }])
  }
  if ((to.getTime() - from.getTime()) / DAY_MS > MAX_DAYS) {
    throw new ValidationError('The range is too long', [
      { path: 'from', message: `must be at most ${MAX_DAYS} days before \`to\`` },
    ])
  }
  const merchant = await ctx.db
    .selectFrom('merchants')
    .select('reporting_currency')
    .where('id', '=', ctx.merchantId)
    .executeTakeFirstOrThrow()

  const payment = [sql<boolean>`p.merchant_id = ${ctx.merchantId}`]
  if (input.asset) payment.push(sql<boolean>`p.asset = ${input.asset}`)
  if (input.network) payment.push(sql<boolean>`p.network = ${input.network}`)
  const customer: RawBuilder<boolean>[] = []
  if (input.country) customer.push(sql<boolean>`c.country = ${input.country}`)
  // A custom segment's id or a built-in (`vip`, `country:PT`), evaluated now: always current.
  if (input.segmentId)
    customer.push(
      sql<boolean>`${(await resolveSegment(ctx.db, ctx.merchantId, input.segmentId, now)).condition}`,
    )
  return {
    merchantId: ctx.merchantId,
    currency: merchant.reporting_currency,
    from,
    to,
    fromDay,
    toDay,
    now,
    payment: sql<boolean>`(${sql.join(payment, sql` and `)})`,
    customer: customer.length > 0 ? sql<boolean>`(${sql.join(customer, sql` and `)})` : null,
    filters: {
      ...(input.asset ? { asset: input.asset } : {}),
      ...(input.network ? { network: input.network } : {}),
      ...(input.country ? { country: input.country } : {}),
      segment: input.segmentId !== undefined,
    },
  }
}

/** `join customers c` when the scope filters on customers, for payments `p`. */
export function customerJoin(scope: AnalyticsScope): RawBuilder<unknown> {
  return scope.customer ? sql`join customers c on c.id = p.customer_id` : sql``
}

/** The customer conditions as `and …`, or nothing. */
export function andCustomer(scope: AnalyticsScope): RawBuilder<unknown> {
  return scope.customer ? sql`and ${scope.customer}` : sql``
}

/** A ratio of two counts with 4 decimals, as text; null when the denominator is 0. */
export function ratioOf(num: number, den: number): string | null {
  if (den <= 0) return null
  const q = (BigInt(num) * 100_000n) / BigInt(den)
  const r = (q + 5n) / 10n
  return `${r / 10_000n}.${(r % 10_000n).toString().padStart(4, '0')}`
}
