import { z } from '@hono/zod-openapi'

export const roleSchema = z.enum(['owner', 'admin', 'viewer']).openapi('Role')

const email = z.email('must be a valid email address').max(254).toLowerCase()
const password = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(256, 'must be at most 256 characters')

export const signupBody = z
  .strictObject({
    email,
    password,
    merchantName: z.string().trim().min(1, 'is required').max(120),
    name: z.string().trim().min(1).max(120).optional(),
  })
  .openapi('SignupRequest')

export const loginBody = z
  .strictObject({ email, password: z.string().min(1, 'is required').max(256) })
  .openapi('LoginRequest')

export const meResponse = z
  .object({
    user: z
      .object({ id: z.uuid(), email: z.string(), name: z.string().nullable(), role: roleSchema })
      .nullable()
      .openapi({ description: 'null when the caller is an API key' }),
    merchant: z.object({ id: z.uuid(), name: z.string(), reportingCurrency: z.string() }),
    role: roleSchema,
    via: z.enum(['session', 'api_key']),
  })
  .openapi('Me')

export type SignupInput = z.infer<typeof signupBody>
export type LoginInput = z.infer<typeof loginBody>
