import type { Selectable } from 'kysely'
import { addUnits } from '../../../calendar.js'
import type { Executor } from '../../../context.js'
import type { PlansTable } from '../../../db/database.js'
import { formatMinor, toMinor } from '../../invoices/money.js'
import { fiatDecimals } from '../../rates/index.js'
import type { PlanDto, SubscriptionDto } from '../schema.js'

type PlanRow = Selectable<PlansTable>

export function presentPlan(p: PlanRow): PlanDto {
  const fd = fiatDecimals(p.currency)
  return {
    id: p.id,
    name: p.name,
    amount: formatMinor(toMinor(p.amount, fd), fd),
    currency: p.currency,
    interval: p.interval,
    intervalCount: p.interval_count,
    trialDays: p.trial_days,
    archivedAt: p.archived_at?.toISOString() ?? null,
    createdAt: p.created_at.toISOString(),
  }
}

/** The merchant's subscriptions as `s` with their plan's columns prefixed `p_`. */
export function selectSubscriptions(db: Executor, merchantId: string) {
  return db
    .selectFrom('subscriptions as s')
    .innerJoin('plans as p', 'p.id', 's.plan_id')
    .selectAll('s')
    .select([
      'p.name as p_name',
      'p.amount as p_amount',
      'p.currency as p_currency',
      'p.interval as p_interval',
      'p.interval_count as p_interval_count',
      'p.trial_days as p_trial_days',
      'p.created_at as p_created_at',
      'p.archived_at as p_archived_at',
    ])
    .where('s.merchant_id', '=', merchantId)
}

export type SubscriptionRow = Awaited<
  ReturnType<ReturnType<typeof selectSubscriptions>['executeTakeFirstOrThrow']>
>

export function presentSubscription(s: SubscriptionRow): SubscriptionDto {
  const step = (n: number) => addUnits(s.anchor_date, s.p_interval, s.p_interval_count, n)
  const ended = s.status === 'canceled' || (s.cancel_at !== null && s.next_period_start >= s.cancel_at)
  return {
    id: s.id,
    customerId: s.customer_id,
    plan: presentPlan({
      id: s.plan_id,
      merchant_id: s.merchant_id,
      name: s.p_name,
      amount: s.p_amount,
      currency: s.p_currency,
      interval: s.p_interval,
      interval_count: s.p_interval_count,
      trial_days: s.p_trial_days,
      created_at: s.p_created_at,
      archived_at: s.p_archived_at,
    }),
    status: s.status,
    startDate: s.start_date,
    trialEnd: s.trial_end,
    currentPeriodStart: s.period_index > 0 ? step(s.period_index - 1) : null,
    currentPeriodEnd: s.period_index > 0 ? step(s.period_index) : null,
    nextInvoiceDate: ended || s.status === 'paused' ? null : s.next_period_start,
    cancelAt: s.cancel_at,
    canceledAt: s.canceled_at?.toISOString() ?? null,
    cancelReason: s.cancel_reason,
    pausedAt: s.paused_at?.toISOString() ?? null,
    createdAt: s.created_at.toISOString(),
  }
}
