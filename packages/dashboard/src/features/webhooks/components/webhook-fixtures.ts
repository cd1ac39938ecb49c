import type { WebhookAttempt, WebhookDelivery, WebhookEndpoint } from '../api'

let n = 0
const id = (prefix: string) => {
  n += 1
  return `${prefix}-0000-7000-8000-${String(n).padStart(12, '0')}`
}

export function buildEndpoint(overrides: Partial<WebhookEndpoint> = {}): WebhookEndpoint {
  return {
    id: id('0190c000'),
    url: 'https://hooks.example.com/coinbook',
    description: null,
    events: ['*'],
    enabled: true,
    disabledReason: null,
    disabledAt: null,
    failingSince: null,
    previousSecretExpiresAt: null,
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    ...overrides,
  }
}

export function buildDelivery(overrides: Partial<WebhookDelivery> = {}): WebhookDelivery {
  return {
    id: id('0190d000'),
    endpointId: '0190c000-0000-7000-8000-000000000000',
    eventId: id('0190e000'),
    eventType: 'invoice.paid',
    status: 'succeeded',
    attempts: 1,
    nextAttemptAt: null,
    lastStatusCode: 200,
    lastError: null,
    createdAt: '2026-03-02T10:00:00.000Z',
    deliveredAt: '2026-03-02T10:00:01.000Z',
    ...overrides,
  }
}

export function buildAttempt(overrides: Partial<WebhookAttempt> = {}): WebhookAttempt {
  return {
    id: id('0190f000'),
    attempt: 1,
    trigger: 'schedule',
    startedAt: '2026-03-02T10:00:00.000Z',
    statusCode: 200,
    latencyMs: 42,
    responseExcerpt: 'ok',
    error: null,
    ...overrides,
  }
}
