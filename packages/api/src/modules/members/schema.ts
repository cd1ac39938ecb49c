import { z } from '@hono/zod-openapi'
import { roleSchema } from '../auth/schema.js'

export const createMemberBody = z
  .strictObject({
    email: z.email('must be a valid email address').max(254).toLowerCase(),
    password: z.string().min(10, 'must be at least 10 characters').max(256),
    name: z.string().trim().min(1).max(120).optional(),
    role: roleSchema,
  })
  .openapi('CreateMemberRequest')

export const memberSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string().nullable(),
    role: roleSchema,
    createdAt: z.iso.datetime(),
  })
  .openapi('Member')

export const memberListSchema = z.object({ data: z.array(memberSchema) }).openapi('MemberList')

export type CreateMemberInput = z.infer<typeof createMemberBody>
