import { z } from '@hono/zod-openapi'

/** Every kind of message Coinbook sends. Templates, opt-outs and the log are per kind. */
export const MESSAGE_KINDS = [
  'welcome',
  'invoice',
  'payment_request',
  'reminder_before_due',
  'reminder_due',
  'reminder_overdue_1',
  'reminder_overdue_2',
  'reminder_final',
  'receipt',
  'partial_payment',
  'overpayment',
  'subscription_renewal_upcoming',
  'subscription_past_due',
  'subscription_canceled',
  'account_updated',
  'portal_sign_in',
  'payment_details_request',
  'webhook_endpoint_disabled',
  'announcement',
  'custom',
] as const

export type MessageKind = (typeof MESSAGE_KINDS)[number]

export const MessageKindSchema = z.enum(MESSAGE_KINDS).openapi({ description: 'What the message is about' })

/** Sent whatever the customer unsubscribed from: they answer something the customer did or owes. */
export const TRANSACTIONAL_KINDS: ReadonlySet<MessageKind> = new Set([
  'invoice',
  'payment_request',
  'receipt',
  'partial_payment',
  'overpayment',
  'account_updated',
  'portal_sign_in',
  'payment_details_request',
  'webhook_endpoint_disabled',
  'custom',
])

export function isTransactional(kind: MessageKind): boolean {
  return TRANSACTIONAL_KINDS.has(kind)
}

const COMMON = ['customer.name', 'customer.email', 'merchant.name'] as const
const INVOICE = [
  'invoice.number',
  'invoice.total',
  'invoice.amountDue',
  'invoice.amountPaid',
  'invoice.currency',
  'invoice.issueDate',
  'invoice.dueDate',
  'payLink',
] as const
const PAYMENT = [
  'payment.amount',
  'payment.asset',
  'payment.network',
  'payment.txHash',
  'payment.explorerUrl',
] as const
const SUBSCRIPTION = [
  'subscription.planName',
  'subscription.amount',
  'subscription.currency',
  'subscription.renewalDate',
] as const

/** The variables a template of each kind may use (`{{invoice.amountDue}}`); anything else is refused on save. */
export const KIND_VARIABLES: Record<MessageKind, readonly string[]> = {
  welcome: COMMON,
  invoice: [...COMMON, ...INVOICE],
  payment_request: [...COMMON, ...INVOICE],
  reminder_before_due: [...COMMON, ...INVOICE, 'invoice.daysUntilDue'],
  reminder_due: [...COMMON, ...INVOICE],
  reminder_overdue_1: [...COMMON, ...INVOICE, 'invoice.daysOverdue'],
  reminder_overdue_2: [...COMMON, ...INVOICE, 'invoice.daysOverdue'],
  reminder_final: [...COMMON, ...INVOICE, 'invoice.daysOverdue'],
  receipt: [...COMMON, ...INVOICE, ...PAYMENT],
  partial_payment: [...COMMON, ...INVOICE, ...PAYMENT],
  overpayment: [...COMMON, ...INVOICE, ...PAYMENT, 'credit.amount', 'credit.currency'],
  subscription_renewal_upcoming: [...COMMON, ...SUBSCRIPTION],
  subscription_past_due: [...COMMON, ...SUBSCRIPTION, ...INVOICE],
  subscription_canceled: [...COMMON, ...SUBSCRIPTION, 'subscription.cancelReason'],
  account_updated: [...COMMON, 'changes'],
  // payLink is the portal link on these two: the layout's button opens it.
  portal_sign_in: [...COMMON, 'payLink', 'link.expiresInMinutes'],
  payment_details_request: [...COMMON, 'payLink'],
  webhook_endpoint_disabled: [...COMMON, 'webhook.url', 'webhook.reason'],
  announcement: [...COMMON, 'message.subject', 'message.text'],
  custom: [...COMMON, 'message.subject', 'message.text'],
}
