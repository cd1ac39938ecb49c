import { z } from '@hono/zod-openapi'
import { customerSchema } from '../customers/schema.js'

const ruleExample = {
  all: [
    { field: 'country', op: 'in', value: ['PT', 'ES'] },
    { field: 'lifetimeValue', op: 'gte', value: '1000' },
    {
      any: [
        { field: 'tags', op: 'contains', value: 'vip' },
        { field: 'lastPaymentAt', op: 'withinLast', value: 30 },
      ],
    },
  ],
}

/** Validated by the service (parseRule), so a bad rule is a 422 naming its node, e.g. `rule.all[2].op`. */
export const segmentRuleSchema = z.unknown().openapi('SegmentRule', {
  type: 'object',
  description:
    'A group {"all": [...]} or {"any": [...]} of conditions {field, op, value} and groups. GET /segments/fields lists the fields and the ops each allows.',
  example: ruleExample,
})

const name = z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters')
const description = z.string().trim().max(500).nullable()

export const createSegmentBody = z
  .strictObject({ name, description: description.optional(), rule: segmentRuleSchema })
  .openapi('CreateSegmentRequest')

export const updateSegmentBody = z
  .strictObject({
    name: name.optional(),
    description: description.optional(),
    rule: segmentRuleSchema.optional(),
  })
  .openapi('UpdateSegmentRequest')

export const segmentSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    rule: segmentRuleSchema,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('Segment')

export const segmentListSchema = z.object({ data: z.array(segmentSchema) }).openapi('SegmentList')

export const previewSegmentBody = z
  .strictObject({ rule: segmentRuleSchema, limit: z.number().int().min(1).max(100).default(25) })
  .openapi('PreviewSegmentRequest')

export const segmentPreviewSchema = z
  .object({
    count: z.number().int(),
    cached: z.boolean().openapi({ description: 'The count came from the short-lived cache' }),
    data: z.array(customerSchema).openapi({ description: 'The first matching customers, newest first' }),
  })
  .openapi('SegmentPreview')

export const segmentCountSchema = z
  .object({ segmentId: z.string(), count: z.number().int(), cached: z.boolean() })
  .openapi('SegmentCount')

/** A custom segment's uuid, or a built-in id such as `vip` or `country:PT`. */
export const segmentIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({
      param: { name: 'id', in: 'path' },
      example: 'vip',
      description: 'A segment uuid or a built-in id (vip, country:PT, …)',
    }),
})

export const builtinSegmentSchema = z
  .object({
    id: z.string().openapi({ example: 'vip' }),
    group: z.string(),
    name: z.string(),
    description: z.string(),
    param: z
      .object({ name: z.string(), options: z.array(z.string()).nullable() })
      .nullable()
      .openapi({ description: 'Parameterised: use `id:value`, e.g. country:PT' }),
    available: z.boolean(),
    unavailableReason: z.string().nullable(),
  })
  .openapi('BuiltinSegment')

export const builtinListSchema = z
  .object({ data: z.array(builtinSegmentSchema) })
  .openapi('BuiltinSegmentList')

export const segmentFieldSchema = z
  .object({
    field: z.string(),
    label: z.string(),
    type: z.string(),
    ops: z.array(z.string()),
    values: z.array(z.string()).nullable(),
  })
  .openapi('SegmentField')

export const segmentFieldListSchema = z
  .object({ data: z.array(segmentFieldSchema) })
  .openapi('SegmentFieldList')

export type SegmentDto = z.infer<typeof segmentSchema>
export type CreateSegmentInput = z.infer<typeof createSegmentBody>
export type UpdateSegmentInput = z.infer<typeof updateSegmentBody>
