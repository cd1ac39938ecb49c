import type { BadgeTone } from '../../ui/Badge'
import type { Plan, PlanInterval, SubscriptionStatus } from './api'

export const subscriptionStatusLabel: Record<SubscriptionStatus, string> = {
  trialing: 'Trialing',
  active: 'Active',
  past_due: 'Past due',
  paused: 'Paused',
  canceled: 'Canceled',
}

export const subscriptionStatusTone: Record<SubscriptionStatus, BadgeTone> = {
  trialing: 'info',
  active: 'success',
  past_due: 'danger',
  paused: 'warning',
  canceled: 'neutral',
}

export const subscriptionStatusOptions = (Object.keys(subscriptionStatusLabel) as SubscriptionStatus[]).map(
  (value) => ({ value, label: subscriptionStatusLabel[value] }),
)

const unit: Record<PlanInterval, [string, string]> = {
  day: ['day', 'days'],
  week: ['week', 'weeks'],
  month: ['month', 'months'],
  quarter: ['quarter', 'quarters'],
  year: ['year', 'years'],
}

export const intervalOptions = (Object.keys(unit) as PlanInterval[]).map((value) => ({
  value,
  label: unit[value][0].replace(/^./, (c) => c.toUpperCase()),
}))

/** "per month", "every 3 months". */
export function billingPeriodLabel(plan: Pick<Plan, 'interval' | 'intervalCount'>): string {
  const [one, many] = unit[plan.interval]
  return plan.intervalCount === 1 ? `per ${one}` : `every ${plan.intervalCount} ${many}`
}

export const cancelReasonLabel = {
  requested: 'canceled on request',
  period_end: 'ended at period end',
  unpaid: 'canceled: unpaid past the grace period',
} as const
