import { z } from '@hono/zod-openapi'

/**
 * Every event Coinbook records. Webhook endpoints subscribe to these names (or `*`); the mailer reacts to
 * some of them. Adding a type is adding it here and recording it where the change happens.
 */
export const EVENT_TYPES = [
  'customer.created',
  'customer.updated',
  'customer.merged',
  'customer.deleted',
  'payment.detected',
  'payment.confirmed',
  'payment.reorged',
  'payment.failed',
  'payment.refunded',
  'invoice.created',
  'invoice.sent',
  'invoice.partially_paid',
  'invoice.paid',
  'invoice.overpaid',
  'invoice.overdue',
  'invoice.voided',
  'subscription.created',
  'subscription.renewed',
  'subscription.past_due',
  'subscription.canceled',
  'import.completed',
  'payment_link.created',
  'payment_link.updated',
  'payment_link.used',
] as const

export type EventType = (typeof EVENT_TYPES)[number]

export const EventTypeSchema = z.enum(EVENT_TYPES).openapi({ description: 'What happened' })

/** An event as consumers (webhooks, the mailer, `GET /events`) see it: `{id, type, createdAt, data}`. */
export interface DomainEvent {
  id: string
  merchantId: string
  type: EventType
  subjectId: string | null
  createdAt: Date
  data: Record<string, unknown>
}
