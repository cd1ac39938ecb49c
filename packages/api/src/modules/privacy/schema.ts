import { z } from '@hono/zod-openapi'

export const eraseCustomerBody = z
  .strictObject({
    confirm: z.literal(true, 'must be true: erasing cannot be undone'),
    reason: z.string().trim().max(500, 'must be at most 500 characters').optional(),
  })
  .openapi('EraseCustomerRequest')

export const eraseResultSchema = z
  .object({ id: z.uuid(), erasedAt: z.string() })
  .openapi('ErasedCustomer', { description: 'The customer is erased; their payments and invoices stay' })

export const zipResponse = (description: string) => ({
  description,
  content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } },
})

export const avatarSchema = z
  .object({
    url: z.string().openapi({ description: 'Where the image is served (changes with each upload)' }),
    contentType: z.enum(['image/png', 'image/jpeg', 'image/webp', 'image/gif']),
    size: z.number().int(),
    updatedAt: z.string(),
  })
  .openapi('Avatar')
