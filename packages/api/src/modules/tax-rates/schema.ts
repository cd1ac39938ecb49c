import { z } from '@hono/zod-openapi'
import { decimalString } from '../../http/fields.js'

export const createTaxRateBody = z
  .strictObject({
    name: z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
    percentage: decimalString(4)
      .refine((v) => Number.parseFloat(v) <= 100, 'must be at most 100')
      .openapi({ example: '23', description: 'Percent, as a decimal string' }),
  })
  .openapi('CreateTaxRateRequest')

export const taxRateSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    percentage: z.string(),
    createdAt: z.iso.datetime(),
  })
  .openapi('TaxRate')

export const taxRateListSchema = z.object({ data: z.array(taxRateSchema) }).openapi('TaxRateList')

export type CreateTaxRateInput = z.infer<typeof createTaxRateBody>
export type TaxRateDto = z.infer<typeof taxRateSchema>
