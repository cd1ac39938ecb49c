import { z } from '@hono/zod-openapi'

/** What a timeline item is about; `types` filters by these. */
export const TIMELINE_KINDS = ['payment', 'invoice', 'message', 'profile', 'note', 'merge'] as const
export type TimelineKind = (typeof TIMELINE_KINDS)[number]

const kindList = new RegExp(`^(${TIMELINE_KINDS.join('|')})(,(${TIMELINE_KINDS.join('|')}))*$`)

export const timelineQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(300).optional().openapi({ description: 'The nextCursor of the previous page' }),
  types: z
    .string()
    .regex(kindList, `must be a comma-separated list of ${TIMELINE_KINDS.join(', ')}`)
    .optional()
    .openapi({ description: 'Only these kinds, comma-separated', example: 'payment,invoice' }),
})

export const timelineActorSchema = z
  .object({
    type: z.enum(['user', 'api_key', 'customer', 'import', 'system']),
    id: z.uuid().nullable(),
    via: z.enum(['portal']).nullable().openapi({ description: 'Where a customer acted from' }),
    name: z
      .string()
      .nullable()
      .openapi({ description: 'The member’s name or email, the API key’s name, the customer’s name' }),
  })
  .openapi('TimelineActor')

const changeSchema = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })

export const timelineItemSchema = z
  .object({
    id: z.uuid().openapi({ description: 'The event’s, message’s or (created by import) customer’s id' }),
    kind: z.enum(TIMELINE_KINDS),
    type: z.string().openapi({
      example: 'payment.confirmed',
      description: 'The event type, or message.sent / message.failed',
    }),
    at: z.iso.datetime(),
    title: z.string().openapi({ example: 'Payment confirmed: 0.001 BTC' }),
    actor: timelineActorSchema.nullable().openapi({ description: 'Who did it, where known' }),
    payment: z
      .object({
        id: z.uuid(),
        amount: z.string(),
        asset: z.string(),
        network: z.string(),
        txHash: z.string(),
        status: z.string(),
        fiatValue: z.string().nullable(),
        fiatCurrency: z.string().nullable(),
        refundAmount: z.string().nullable(),
      })
      .nullable(),
    invoice: z
      .object({
        id: z.uuid(),
        number: z.string(),
        status: z.string(),
        currency: z.string(),
        total: z.string(),
        amountPaid: z.string(),
        dueDate: z.string(),
      })
      .nullable(),
    message: z
      .object({
        id: z.uuid(),
        kind: z.string(),
        subject: z.string(),
        to: z.string().nullable(),
        status: z.enum(['sent', 'failed']),
        error: z.string().nullable(),
      })
      .nullable(),
    changes: z
      .array(changeSchema)
      .nullable()
      .openapi({ description: 'A profile change or note: each field before and after' }),
    mergedCustomerId: z.uuid().nullable(),
  })
  .openapi('TimelineItem')

export const timelineSchema = z
  .object({ data: z.array(timelineItemSchema), nextCursor: z.string().nullable() })
  .openapi('Timeline')

export type TimelineQuery = z.infer<typeof timelineQuery>
export type TimelineItem = z.infer<typeof timelineItemSchema>
export type TimelineActor = z.infer<typeof timelineActorSchema>
