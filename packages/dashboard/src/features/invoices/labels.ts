import type { BadgeTone } from '../../ui/Badge'
import type { AppliedPayment, InvoiceStatus } from './api'

export const invoiceStatusLabel: Record<InvoiceStatus, string> = {
  draft: 'Draft',
  open: 'Open',
  partially_paid: 'Partially paid',
  paid: 'Paid',
  overpaid: 'Overpaid',
  void: 'Void',
}

export const invoiceStatusTone: Record<InvoiceStatus, BadgeTone> = {
  draft: 'neutral',
  open: 'info',
  partially_paid: 'warning',
  paid: 'success',
  overpaid: 'success',
  void: 'neutral',
}

export const invoiceStatusOptions = (Object.keys(invoiceStatusLabel) as InvoiceStatus[]).map((value) => ({
  value,
  label: invoiceStatusLabel[value],
}))

export const appliedStatusLabel: Record<AppliedPayment['status'], string> = {
  seen: 'Seen, confirming',
  confirmed: 'Confirmed',
  failed: 'Failed',
  reorged: 'Reorged (removed)',
  recorded: 'Recorded',
}

export const methodLabel: Record<AppliedPayment['method'], string> = {
  onchain: 'On chain',
  offchain: 'Off-chain',
  credit: 'Customer credit',
}
