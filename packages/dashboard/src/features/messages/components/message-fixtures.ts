import type { EmailTemplate, Message } from '../api'

let n = 0

/** A message as the API lists it, with overrides. */
export function buildMessage(overrides: Partial<Message> = {}): Message {
  n += 1
  return {
    id: `0190c000-0000-7000-8000-${String(n).padStart(12, '0')}`,
    customerId: '0190c000-0000-7000-8000-00000000ffff',
    kind: 'invoice',
    channel: 'email',
    to: 'ada@example.com',
    subject: `Invoice INV-${n} from Acme`,
    status: 'sent',
    suppressedReason: null,
    notSentReason: null,
    attempts: 1,
    lastError: null,
    invoiceId: null,
    paymentId: null,
    subscriptionId: null,
    resentFromId: null,
    sendAfter: '2026-03-04T10:00:00.000Z',
    createdAt: '2026-03-04T10:00:00.000Z',
    sentAt: '2026-03-04T10:00:02.000Z',
    updatedAt: '2026-03-04T10:00:02.000Z',
    ...overrides,
  }
}

export function buildTemplate(overrides: Partial<EmailTemplate> = {}): EmailTemplate {
  return {
    kind: 'invoice',
    subject: 'Invoice {{invoice.number}} from {{merchant.name}}',
    blocks: {
      heading: 'Invoice {{invoice.number}}',
      intro: 'Hello {{customer.name}}',
      outro: 'Thanks',
      button: 'Pay now',
    },
    customized: false,
    transactional: true,
    variables: ['customer.name', 'merchant.name', 'invoice.number', 'payLink'],
    ...overrides,
  }
}
