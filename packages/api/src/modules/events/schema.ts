import { z } from '@hono/zod-openapi'
import { EventTypeSchema } from './types.js'

export const eventSchema = z
  .object({
    id: z.uuid(),
    type: EventTypeSchema,
    subjectId: z.uuid().nullable().openapi({ description: 'The customer, payment, invoice… it is about' }),
    createdAt: z.iso.datetime(),
    data: z.record(z.string(), z.unknown()).openapi({
      description: '`object`: the resource as it was after the change; some types add `previousStatus`…',
    }),
  })
  .openapi('Event')

export const listEventsQuery = z.strictObject({
  type: EventTypeSchema.optional(),
  subjectId: z.uuid().optional().openapi({ description: 'Only events about this resource' }),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.uuid('must be the nextCursor of the previous page').optional(),
})

export const eventListSchema = z
  .object({ data: z.array(eventSchema), nextCursor: z.string().nullable() })
  .openapi('EventList')

export type ListEventsInput = z.infer<typeof listEventsQuery>
export type EventDto = z.infer<typeof eventSchema>
