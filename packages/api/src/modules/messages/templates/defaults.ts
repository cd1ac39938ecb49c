import type { MessageKind } from '../kinds.js'

/** The parts of a template a merchant edits; the layout (details table, button, footer links) is fixed. */
export const BLOCK_NAMES = ['heading', 'intro', 'outro', 'button'] as const
export type BlockName = (typeof BLOCK_NAMES)[number]
export type TemplateBlocks = Record<BlockName, string>

export interface EmailTemplate {
  subject: string
  blocks: TemplateBlocks
}

const PAY = 'Pay now'

function t(subject: string, heading: string, intro: string, outro = '', button = ''): EmailTemplate {
  return { subject, blocks: { heading, intro, outro, button } }
}

/** Coinbook's wording for each kind; what a merchant saves replaces it, "reset" goes back to it. */
export const DEFAULT_TEMPLATES: Record<MessageKind, EmailTemplate> = {
  welcome: t(
    'Welcome to {{merchant.name}}',
    'Welcome, {{customer.name}}',
    'Thanks for joining {{merchant.name}}. You can pay our invoices in crypto; we will send each one by email.',
    'Reply to this email if you have any question.',
  ),
  invoice: t(
    'Invoice {{invoice.number}} from {{merchant.name}}',
    'Invoice {{invoice.number}}',
    'Hello {{customer.name}}, here is your invoice for {{invoice.total}} {{invoice.currency}}, due on {{invoice.dueDate}}.',
    'Thank you for your business.',
    PAY,
  ),
  payment_request: t(
    'Payment request from {{merchant.name}}: {{invoice.amountDue}} {{invoice.currency}}',
    'Payment request',
    'Hello {{customer.name}}, {{merchant.name}} asks you to pay {{invoice.amountDue}} {{invoice.currency}}.',
    'The link shows the amount in each coin we accept.',
    PAY,
  ),
  reminder_before_due: t(
    'Invoice {{invoice.number}} is due on {{invoice.dueDate}}',
    'A friendly reminder',
    'Hello {{customer.name}}, invoice {{invoice.number}} ({{invoice.amountDue}} {{invoice.currency}}) is due on {{invoice.dueDate}}.',
    'If you have already paid, thank you and please ignore this email.',
    PAY,
  ),
  reminder_due: t(
    'Invoice {{invoice.number}} is due today',
    'Due today',
    'Hello {{customer.name}}, invoice {{invoice.number}} ({{invoice.amountDue}} {{invoice.currency}}) is due today.',
    'If you have already paid, thank you and please ignore this email.',
    PAY,
  ),
  reminder_overdue_1: t(
    'Invoice {{invoice.number}} is overdue',
    'Your invoice is overdue',
    'Hello {{customer.name}}, invoice {{invoice.number}} was due on {{invoice.dueDate}} and {{invoice.amountDue}} {{invoice.currency}} is still open.',
    'Please pay at your earliest convenience, or reply if something is wrong.',
    PAY,
  ),
  reminder_overdue_2: t(
    'Second reminder: invoice {{invoice.number}} is overdue',
    'Second reminder',
    'Hello {{customer.name}}, invoice {{invoice.number}} is {{invoice.daysOverdue}} days overdue; {{invoice.amountDue}} {{invoice.currency}} remains to pay.',
    'Please pay now or tell us when you will.',
    PAY,
  ),
  reminder_final: t(
    'Final notice: invoice {{invoice.number}}',
    'Final notice',
    'Hello {{customer.name}}, invoice {{invoice.number}} is {{invoice.daysOverdue}} days overdue. This is our last reminder before we take further steps.',
    'Please pay {{invoice.amountDue}} {{invoice.currency}} now.',
    PAY,
  ),
  receipt: t(
    'Receipt for invoice {{invoice.number}}',
    'Payment received',
    'Hello {{customer.name}}, we received your payment of {{payment.amount}} {{payment.asset}}. Thank you!',
    'Keep this email as your receipt. How was paying? The link below lets you rate it.',
    'Rate this payment',
  ),
  partial_payment: t(
    'Part of invoice {{invoice.number}} paid: {{invoice.amountDue}} {{invoice.currency}} remains',
    'Partial payment received',
    'Hello {{customer.name}}, we received {{payment.amount}} {{payment.asset}} for invoice {{invoice.number}}. {{invoice.amountDue}} {{invoice.currency}} remains to pay.',
    'The link below shows what is left.',
    'Pay the rest',
  ),
  overpayment: t(
    'You overpaid invoice {{invoice.number}}',
    'Thank you — you paid more than due',
    'Hello {{customer.name}}, your payment of {{payment.amount}} {{payment.asset}} was more than invoice {{invoice.number}} asked. {{credit.amount}} {{credit.currency}} is kept as credit for your next invoice.',
    'Reply to this email if you would rather have it back.',
  ),
  subscription_renewal_upcoming: t(
    'Your {{subscription.planName}} subscription renews on {{subscription.renewalDate}}',
    'Renewal coming up',
    'Hello {{customer.name}}, your {{subscription.planName}} subscription renews on {{subscription.renewalDate}} for {{subscription.amount}} {{subscription.currency}}.',
    'We will send the invoice on that day.',
  ),
  subscription_past_due: t(
    'Your {{subscription.planName}} subscription is past due',
    'Payment overdue',
    'Hello {{customer.name}}, the invoice for your {{subscription.planName}} subscription has not been paid; {{invoice.amountDue}} {{invoice.currency}} is due.',
    'Pay it to keep your subscription.',
    PAY,
  ),
  subscription_canceled: t(
    'Your {{subscription.planName}} subscription was canceled',
    'Subscription canceled',
    'Hello {{customer.name}}, your {{subscription.planName}} subscription has been canceled.',
    'Reply to this email if you want to start it again.',
  ),
  account_updated: t(
    'Your account with {{merchant.name}} was updated',
    'Account updated',
    'Hello {{customer.name}}, the details {{merchant.name}} keeps for you were changed: {{changes}}.',
    'If you did not expect this, reply to this email.',
  ),
  portal_sign_in: t(
    'Your sign-in link for {{merchant.name}}',
    'Sign in to your account',
    'Hello {{customer.name}}, use the button below to sign in to your account with {{merchant.name}}: your invoices, payments and details. The link works once, for {{link.expiresInMinutes}} minutes.',
    'If you did not ask for it, ignore this email: nobody can sign in without the link.',
    'Sign in',
  ),
  payment_details_request: t(
    '{{merchant.name}} asks how you want to pay',
    'How would you like to pay?',
    'Hello {{customer.name}}, please tell {{merchant.name}} which coins you pay with and where refunds should go.',
    'It takes a minute; the link signs you in to your account.',
    'Choose my coins',
  ),
  webhook_endpoint_disabled: t(
    'Webhook endpoint disabled: {{webhook.url}}',
    'A webhook endpoint was disabled',
    'Coinbook stopped sending events to {{webhook.url}}: {{webhook.reason}}.',
    'Fix the endpoint, then enable it again in Settings → Webhooks.',
  ),
  // What a bulk action sends to many customers at once: the merchant's words, with an unsubscribe link.
  announcement: t('{{message.subject}}', '', '{{message.text}}', ''),
  custom: t('{{message.subject}}', '', '{{message.text}}', ''),
}
