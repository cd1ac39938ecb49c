import { networkIds } from '@coinbook/chain-watchers/registry'
import { z } from '@hono/zod-openapi'

export const networkParam = z.object({
  network: z.enum(networkIds).openapi({ param: { name: 'network', in: 'path' }, example: 'bitcoin' }),
})

export const putWalletBody = z
  .strictObject({
    xpub: z.string().trim().min(1).max(200).optional().openapi({
      description: 'Account-level extended public key (xpub/ypub/zpub, tpub/upub/vpub). Never a private key.',
    }),
    scheme: z
      .enum(['bip44', 'bip49', 'bip84', 'bip86'])
      .optional()
      .openapi({ description: 'Bitcoin script type for an xpub/tpub; ypub and zpub say it themselves' }),
    address: z.string().trim().min(1).max(128).optional().openapi({
      description: 'The receiving wallet, for networks that pay one address with a reference (Solana, TON)',
    }),
  })
  .refine((b) => (b.xpub === undefined) !== (b.address === undefined), {
    message: 'send either xpub or address',
    path: ['xpub'],
  })
  .openapi('PutWalletRequest')

export const walletSchema = z
  .object({
    network: z.enum(networkIds),
    kind: z.enum(['xpub', 'address']),
    scheme: z.string().nullable(),
    /** The key as pasted, shortened: enough to recognise it, not to copy it around. */
    keyPreview: z.string().nullable(),
    address: z.string().nullable(),
    nextIndex: z.number().int(),
    firstAddresses: z.array(z.object({ index: z.number().int(), address: z.string(), path: z.string() })),
    createdAt: z.iso.datetime(),
  })
  .openapi('Wallet')

export const walletListSchema = z.object({ data: z.array(walletSchema) }).openapi('WalletList')

export type PutWalletInput = z.infer<typeof putWalletBody>

export const sharedAddressSchema = z
  .object({
    id: z.uuid(),
    network: z.enum(networkIds),
    address: z.string(),
    label: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .openapi('SharedReceivingAddress')

export const sharedAddressListSchema = z
  .object({ data: z.array(sharedAddressSchema) })
  .openapi('SharedReceivingAddressList')

export const addSharedAddressBody = z
  .strictObject({
    network: z.enum(networkIds),
    address: z.string().trim().min(1, 'is required').max(128),
    label: z
      .string()
      .trim()
      .max(100)
      .optional()
      .transform((v) => (v ? v : undefined)),
  })
  .openapi('AddSharedReceivingAddressRequest')

export type AddSharedAddressInput = z.infer<typeof addSharedAddressBody>
