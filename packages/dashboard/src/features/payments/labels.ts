import type { BadgeTone } from '../../ui/Badge'
import type { PaymentStatus } from './api'

export const paymentStatuses = [
  'pending',
  'confirmed',
  'failed',
  'reorged',
] as const satisfies readonly PaymentStatus[]

export const paymentStatusLabel: Record<PaymentStatus, string> = {
  pending: 'Pending',
  confirmed: 'Confirmed',
  failed: 'Failed',
  reorged: 'Reversed',
}

/** What each status means, for tooltips and the filter. */
export const paymentStatusHelp: Record<PaymentStatus, string> = {
  pending: 'Seen on chain, waiting for enough confirmations',
  confirmed: 'Final: counted in the customer’s totals',
  failed: 'The transaction failed or reverted: nothing was received',
  reorged: 'Its block left the chain (a reorg): it no longer counts',
}

export const paymentStatusTone: Record<PaymentStatus, BadgeTone> = {
  pending: 'warning',
  confirmed: 'success',
  failed: 'danger',
  reorged: 'neutral',
}

/** "0x3f5c…9a1b2c": enough of a hash to recognise it; the full one goes in a title or link. */
export function shortHash(hash: string): string {
  return hash.length > 18 ? `${hash.slice(0, 8)}…${hash.slice(-6)}` : hash
}

/** The API's details come without a final stop; adds one unless the text already ends a sentence. */
export function sentence(text: string): string {
  const t = text.trim()
  return /[.!?…]$/.test(t) ? t : `${t}.`
}
