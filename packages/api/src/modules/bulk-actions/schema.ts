import { z } from '@hono/zod-openapi'
import { customerStatus, customerTier, listCustomersQuery } from '../customers/schema.js'
import { bulkMessageParams } from './message.js'

const tags = z
  .array(z.string().trim().min(1, 'must not be empty').max(50, 'must be at most 50 characters'))
  .min(1, 'must list at least one tag')
  .max(50)
  .transform((t) => [...new Set(t)])

/** Which customers: listed ids (checkboxes), a segment, or the list's filters ("select all N matching"). */
export const bulkSelection = z
  .union([
    z.strictObject({ ids: z.array(z.uuid('must be a UUID')).min(1).max(10_000) }),
    z.strictObject({ segmentId: z.string().trim().min(1).max(100) }),
    z.strictObject({
      filter: listCustomersQuery.pick({
        q: true,
        status: true,
        type: true,
        tag: true,
        country: true,
        tier: true,
        segmentId: true,
      }),
    }),
  ])
  .openapi('BulkSelection', {
    description: '{ids: [...]}, {segmentId} or {filter: the customer list’s filters}',
  })

export type BulkSelection = z.infer<typeof bulkSelection>

export const createBulkActionBody = z
  .discriminatedUnion('action', [
    z.strictObject({
      action: z.literal('addTags'),
      selection: bulkSelection,
      params: z.strictObject({ tags }),
    }),
    z.strictObject({
      action: z.literal('removeTags'),
      selection: bulkSelection,
      params: z.strictObject({ tags }),
    }),
    z.strictObject({
      action: z.literal('setTier'),
      selection: bulkSelection,
      params: z.strictObject({ tier: customerTier.nullable() }),
    }),
    z.strictObject({
      action: z.literal('setStatus'),
      selection: bulkSelection,
      params: z.strictObject({ status: customerStatus }),
    }),
    z.strictObject({
      action: z.literal('delete'),
      selection: bulkSelection,
      params: z.strictObject({
        confirmCount: z
          .number()
          .int()
          .min(0)
          .openapi({ description: 'Must equal how many customers the selection matches' }),
      }),
    }),
    z.strictObject({
      action: z.literal('export'),
      selection: bulkSelection,
      params: z.strictObject({}).default({}),
    }),
    z.strictObject({
      action: z.literal('sendMessage'),
      selection: bulkSelection,
      params: bulkMessageParams,
    }),
    z.strictObject({
      action: z.literal('requestPaymentDetails'),
      selection: bulkSelection,
      params: z.strictObject({}).default({}),
    }),
  ])
  .openapi('CreateBulkActionRequest')

export type CreateBulkActionInput = z.infer<typeof createBulkActionBody>

export const bulkActionSchema = z
  .object({
    id: z.uuid(),
    action: z.enum([
      'addTags',
      'removeTags',
      'setTier',
      'setStatus',
      'delete',
      'export',
      'sendMessage',
      'requestPaymentDetails',
    ]),
    status: z.enum(['queued', 'running', 'completed', 'failed']),
    selection: z.record(z.string(), z.unknown()),
    params: z.record(z.string(), z.unknown()),
    matched: z
      .number()
      .int()
      .openapi({ description: 'Customers the selection matched when the action was asked for' }),
    total: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Customers the action works on (fixed when it starts)' }),
    processed: z.number().int(),
    changed: z.number().int().openapi({
      description: 'Customers actually changed (already tagged ones are not); sendMessage: messages queued',
    }),
    skipped: z.number().int().openapi({
      description:
        'sendMessage: customers not written to (no email address, unsubscribed from announcements, deleted meanwhile)',
    }),
    progress: z.number().openapi({ description: 'processed / total, 0 to 1' }),
    failure: z.object({ code: z.string(), message: z.string() }).nullable(),
    downloadUrl: z.string().nullable().openapi({ description: 'export: the CSV, once completed' }),
    createdAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .openapi('BulkAction')

export type BulkActionDto = z.infer<typeof bulkActionSchema>

export const bulkMessagePreviewBody = z
  .strictObject({ selection: bulkSelection, params: bulkMessageParams })
  .openapi('BulkMessagePreviewRequest')

export const bulkMessagePreviewSchema = z
  .object({
    matched: z.number().int().openapi({ description: 'Customers the selection matches' }),
    recipients: z.number().int().openapi({ description: 'Of those, who would get the message' }),
    noEmail: z.number().int().openapi({ description: 'Skipped: no email address' }),
    unsubscribed: z.number().int().openapi({ description: 'Skipped: unsubscribed from announcements' }),
    sample: z
      .object({
        customerId: z.uuid(),
        to: z.string(),
        subject: z.string(),
        html: z.string(),
        text: z.string(),
      })
      .nullable()
      .openapi({ description: 'The message as the first recipient would get it; null when nobody would' }),
  })
  .openapi('BulkMessagePreview')

export type BulkMessagePreviewInput = z.infer<typeof bulkMessagePreviewBody>
export type BulkMessagePreview = z.infer<typeof bulkMessagePreviewSchema>
