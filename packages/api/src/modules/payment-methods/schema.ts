import { networkIds } from '@coinbook/chain-watchers/registry'
import { z } from '@hono/zod-openapi'
import { text } from '../../http/fields.js'
import { depositTargetListSchema } from '../deposit-targets/schema.js'

const network = z.enum(networkIds)
const address = z.string().trim().min(1, 'is required').max(128, 'must be at most 128 characters')
const label = text(100)

export const payerWalletSchema = z
  .object({
    id: z.uuid(),
    customerId: z.uuid(),
    network,
    address: z.string(),
    label: z.string().nullable(),
    source: z.enum(['learned', 'manual']).openapi({
      description: 'learned: the sender of one of their payments; manual: added by the merchant',
    }),
    shared: z.boolean().openapi({
      description: 'Known for several customers (or marked so): never used to recognise a payment',
    }),
    paymentCount: z.number().int(),
    firstSeenAt: z.iso.datetime().nullable(),
    lastSeenAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .openapi('PayerWallet')

export const payerWalletListSchema = z.object({ data: z.array(payerWalletSchema) }).openapi('PayerWalletList')

export const addPayerWalletBody = z
  .strictObject({ network, address, label: label.optional() })
  .openapi('AddPayerWalletRequest')

export const updatePayerWalletBody = z
  .strictObject({
    label: label.nullable().optional(),
    shared: z.boolean().optional().openapi({
      description:
        'Mark the address shared (an exchange, a family wallet) for every customer it is known for, or not any more',
    }),
  })
  .openapi('UpdatePayerWalletRequest')

export const walletParams = z.object({
  id: z.uuid('must be a UUID').openapi({ param: { name: 'id', in: 'path' } }),
  walletId: z.uuid('must be a UUID').openapi({ param: { name: 'walletId', in: 'path' } }),
})

export const refundAddressSchema = z
  .object({
    network,
    address: z.string(),
    memo: z.string().nullable().openapi({ description: 'TON: the comment an exchange needs to credit it' }),
    updatedAt: z.iso.datetime(),
  })
  .openapi('RefundAddress')

export const refundAddressListSchema = z
  .object({ data: z.array(refundAddressSchema) })
  .openapi('RefundAddressList')

export const putRefundAddressBody = z
  .strictObject({ address, memo: text(120).nullable().optional() })
  .openapi('PutRefundAddressRequest')

export const refundParams = z.object({
  id: z.uuid('must be a UUID').openapi({ param: { name: 'id', in: 'path' } }),
  network: network.openapi({ param: { name: 'network', in: 'path' }, example: 'bitcoin' }),
})

const coin = z.object({ asset: z.string(), network: z.string() })

export const paymentMethodsSchema = z
  .object({
    preferredCoins: z.array(coin).openapi({
      description: 'In order of preference; change them with PATCH /customers/{id} {preferredCoins}',
    }),
    defaultMethod: coin.nullable().openapi({ description: 'The first preferred coin' }),
    depositAddresses: depositTargetListSchema.shape.data,
    wallets: z.array(payerWalletSchema),
    refundAddresses: z.array(refundAddressSchema),
  })
  .openapi('PaymentMethods')

export type AddPayerWalletInput = z.infer<typeof addPayerWalletBody>
export type UpdatePayerWalletInput = z.infer<typeof updatePayerWalletBody>
export type PutRefundAddressInput = z.infer<typeof putRefundAddressBody>
