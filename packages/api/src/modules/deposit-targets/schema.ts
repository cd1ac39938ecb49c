import { assetIds, networkIds } from '@coinbook/chain-watchers/registry'
import { z } from '@hono/zod-openapi'

export const createDepositTargetBody = z
  .strictObject({
    asset: z.enum(assetIds),
    network: z.enum(networkIds),
    fresh: z
      .boolean()
      .optional()
      .openapi({ description: 'Allocate a new address instead of returning the current one' }),
    address: z
      .string()
      .trim()
      .min(1)
      .max(128)
      .optional()
      .openapi({ description: 'Attach an address the merchant already uses for this customer (watch-only)' }),
    amount: z
      .string()
      .regex(/^\d{1,30}(\.\d{1,18})?$/, 'must be a decimal amount of the asset, as a string')
      .optional()
      .openapi({ description: 'Put this amount of the asset in the payment URI' }),
  })
  .refine((b) => !(b.fresh && b.address), {
    message: 'fresh and address exclude each other',
    path: ['fresh'],
  })
  .openapi('CreateDepositTargetRequest')

export const depositTargetSchema = z
  .object({
    id: z.uuid(),
    customerId: z.uuid(),
    network: z.enum(networkIds),
    asset: z.enum(assetIds),
    address: z.string(),
    memo: z.string().nullable(),
    reference: z.string().nullable(),
    derivationPath: z.string().nullable(),
    source: z.enum(['derived', 'attached']),
    uri: z.string(),
    qrSvg: z.string(),
    createdAt: z.iso.datetime(),
  })
  .openapi('DepositTarget')

export const depositTargetListSchema = z
  .object({ data: z.array(depositTargetSchema.omit({ uri: true, qrSvg: true, asset: true })) })
  .openapi('DepositTargetList')

export type CreateDepositTargetInput = z.infer<typeof createDepositTargetBody>
