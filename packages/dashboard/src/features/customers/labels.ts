import type { BadgeTone } from '../../ui/Badge'
import type { CustomerStatus, CustomerTier, CustomerType } from './api'

export const customerStatuses = [
  'active',
  'inactive',
  'suspended',
] as const satisfies readonly CustomerStatus[]
export const customerTypes = [
  'individual',
  'business',
  'organization',
] as const satisfies readonly CustomerType[]
export const customerTiers = [
  'bronze',
  'silver',
  'gold',
  'platinum',
] as const satisfies readonly CustomerTier[]

export const statusLabel: Record<CustomerStatus, string> = {
  active: 'Active',
  inactive: 'Inactive',
  suspended: 'Suspended',
}

export const statusTone: Record<CustomerStatus, BadgeTone> = {
  active: 'success',
  inactive: 'neutral',
  suspended: 'danger',
}

export const typeLabel: Record<CustomerType, string> = {
  individual: 'Individual',
  business: 'Business',
  organization: 'Organization',
}

export const tierLabel: Record<CustomerTier, string> = {
  bronze: 'Bronze',
  silver: 'Silver',
  gold: 'Gold',
  platinum: 'Platinum',
}

/** "Net 30", "Due on receipt", "Net 45 days"; "—" without terms. */
export function paymentTermsLabel(days: number | null | undefined): string {
  if (days === null || days === undefined) return '—'
  if (days === 0) return 'Due on receipt'
  return `Net ${days}`
}
