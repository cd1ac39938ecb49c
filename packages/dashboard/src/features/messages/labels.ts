import type { BadgeTone } from '../../ui/Badge'
import type { MessageKind, MessageStatus } from './api'

export const messageKindLabel: Record<MessageKind, string> = {
  welcome: 'Welcome',
  invoice: 'Invoice',
  payment_request: 'Payment request',
  reminder_before_due: 'Reminder before due',
  reminder_due: 'Reminder on due date',
  reminder_overdue_1: 'Overdue, first',
  reminder_overdue_2: 'Overdue, second',
  reminder_final: 'Final notice',
  receipt: 'Receipt',
  partial_payment: 'Partial payment',
  overpayment: 'Overpayment',
  subscription_renewal_upcoming: 'Renewal upcoming',
  subscription_past_due: 'Subscription past due',
  subscription_canceled: 'Subscription canceled',
  account_updated: 'Account updated',
  portal_sign_in: 'Portal sign-in link',
  payment_details_request: 'Payment details request',
  webhook_endpoint_disabled: 'Webhook disabled',
  announcement: 'Announcement',
  custom: 'Message',
}

export const messageStatusLabel: Record<MessageStatus, string> = {
  queued: 'Queued',
  sent: 'Sent',
  failed: 'Failed',
  suppressed: 'Suppressed',
}

export const messageStatusTone: Record<MessageStatus, BadgeTone> = {
  queued: 'info',
  sent: 'success',
  failed: 'danger',
  suppressed: 'neutral',
}

export const messageKindOptions = (Object.keys(messageKindLabel) as MessageKind[]).map((value) => ({
  value,
  label: messageKindLabel[value],
}))

export const messageStatusOptions = (Object.keys(messageStatusLabel) as MessageStatus[]).map((value) => ({
  value,
  label: messageStatusLabel[value],
}))
