import { z } from '@hono/zod-openapi'
import { roleSchema } from '../auth/schema.js'

export const createApiKeyBody = z
  .strictObject({
    name: z.string().trim().min(1, 'is required').max(100),
    role: roleSchema
      .default('admin')
      .openapi({ description: 'What the key may do; viewer keys are read-only' }),
  })
  .openapi('CreateApiKeyRequest')

export const apiKeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().openapi({ description: 'The first characters of the key, to tell keys apart' }),
    role: roleSchema,
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
  })
  .openapi('ApiKey')

export const createdApiKeySchema = apiKeySchema
  .extend({ key: z.string().openapi({ description: 'The secret key. Shown once: store it now.' }) })
  .openapi('CreatedApiKey')

export const apiKeyListSchema = z.object({ data: z.array(apiKeySchema) }).openapi('ApiKeyList')

export type CreateApiKeyInput = z.infer<typeof createApiKeyBody>
