import { z } from '@hono/zod-openapi'
import { EVENT_TYPES } from '../events/types.js'

const eventsField = z
  .array(z.enum([...EVENT_TYPES, '*']))
  .min(1, 'must name at least one event type, or "*"')
  .max(EVENT_TYPES.length + 1)
  .transform((types) => (types.includes('*') ? ['*'] : [...new Set(types)]))
  .openapi({ description: 'Event types to receive, or `["*"]` for all', example: ['invoice.paid'] })

const urlField = z
  .string()
  .trim()
  .max(2048, 'must be at most 2048 characters')
  .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), 'must be an http(s) URL')
  .openapi({ example: 'https://example.com/coinbook/webhooks' })

const descriptionField = z
  .string()
  .trim()
  .max(500, 'must be at most 500 characters')
  .transform((v) => (v === '' ? null : v))

export const createEndpointBody = z
  .strictObject({
    url: urlField,
    events: eventsField,
    description: descriptionField.nullish(),
  })
  .openapi('CreateWebhookEndpointRequest')

export const updateEndpointBody = z
  .strictObject({
    url: urlField.optional(),
    events: eventsField.optional(),
    description: descriptionField.nullish(),
    enabled: z.boolean().optional().openapi({ description: 'false disables, true enables again' }),
  })
  .openapi('UpdateWebhookEndpointRequest')

export const endpointSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    description: z.string().nullable(),
    events: z.array(z.string()),
    enabled: z.boolean(),
    disabledReason: z
      .string()
      .nullable()
      .openapi({ description: 'Why it is disabled (410 Gone, 5 days failing, by you)' }),
    disabledAt: z.iso.datetime().nullable(),
    failingSince: z.iso
      .datetime()
      .nullable()
      .openapi({ description: 'First failure since the last success' }),
    previousSecretExpiresAt: z.iso
      .datetime()
      .nullable()
      .openapi({ description: 'After a rotation, the old secret also signs until then' }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('WebhookEndpoint')

export const endpointWithSecretSchema = endpointSchema
  .extend({
    secret: z.string().openapi({ description: 'The signing secret (whsec_…). Shown once: store it now.' }),
  })
  .openapi('WebhookEndpointWithSecret')

export const endpointListSchema = z.object({ data: z.array(endpointSchema) }).openapi('WebhookEndpointList')

export const attemptSchema = z
  .object({
    id: z.uuid(),
    attempt: z.number().int(),
    trigger: z.enum(['schedule', 'replay', 'test']),
    startedAt: z.iso.datetime(),
    statusCode: z.number().int().nullable(),
    latencyMs: z.number().int(),
    responseExcerpt: z.string().nullable().openapi({ description: 'The first 1 KB of the response body' }),
    error: z.string().nullable(),
  })
  .openapi('WebhookAttempt')

export const deliverySchema = z
  .object({
    id: z.uuid(),
    endpointId: z.uuid(),
    eventId: z.uuid().openapi({ description: 'The webhook-id header, the same on every attempt' }),
    eventType: z.string(),
    status: z.enum(['pending', 'succeeded', 'failed']),
    attempts: z.number().int(),
    nextAttemptAt: z.iso.datetime().nullable(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.iso.datetime(),
    deliveredAt: z.iso.datetime().nullable(),
  })
  .openapi('WebhookDelivery')

export const deliveryDetailSchema = deliverySchema
  .extend({
    payload: z.record(z.string(), z.unknown()).nullable().openapi({ description: 'The body that is sent' }),
    attemptLog: z.array(attemptSchema),
  })
  .openapi('WebhookDeliveryDetail')

export const listDeliveriesQuery = z.strictObject({
  status: z.enum(['pending', 'succeeded', 'failed']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.uuid('must be the nextCursor of the previous page').optional(),
})

export const deliveryListSchema = z
  .object({ data: z.array(deliverySchema), nextCursor: z.string().nullable() })
  .openapi('WebhookDeliveryList')

export const deliveryParams = z.object({
  id: z.uuid('must be a UUID').openapi({ param: { name: 'id', in: 'path' } }),
  deliveryId: z.uuid('must be a UUID').openapi({ param: { name: 'deliveryId', in: 'path' } }),
})

export type CreateEndpointInput = z.infer<typeof createEndpointBody>
export type UpdateEndpointInput = z.infer<typeof updateEndpointBody>
export type EndpointDto = z.infer<typeof endpointSchema>
export type DeliveryDto = z.infer<typeof deliverySchema>
export type ListDeliveriesInput = z.infer<typeof listDeliveriesQuery>
