import { assetIds, networkIds } from '@coinbook/chain-watchers/registry'
import { z } from '@hono/zod-openapi'

export const paymentStatus = z.enum(['pending', 'confirmed', 'failed', 'reorged']).openapi('PaymentStatus')

/** What a transaction id looks like on each network, so a malformed one is a 400 before any node is asked. */
export const txHashFormats: Record<(typeof networkIds)[number], [RegExp, string]> = {
  bitcoin: [/^[0-9a-fA-F]{64}$/, '64 hex characters'],
  ethereum: [/^0x[0-9a-fA-F]{64}$/, '0x and 64 hex characters'],
  bsc: [/^0x[0-9a-fA-F]{64}$/, '0x and 64 hex characters'],
  arbitrum: [/^0x[0-9a-fA-F]{64}$/, '0x and 64 hex characters'],
  tron: [/^(0x)?[0-9a-fA-F]{64}$/, '64 hex characters'],
  solana: [/^[1-9A-HJ-NP-Za-km-z]{64,90}$/, 'a base58 signature'],
  ton: [/^([0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/, '64 hex characters or base64'],
}

export const verifyPaymentBody = z
  .strictObject({
    network: z.enum(networkIds),
    txHash: z.string().trim().min(1, 'is required').max(128),
  })
  .superRefine((b, ctx) => {
    const [pattern, expected] = txHashFormats[b.network]
    if (!pattern.test(b.txHash)) {
      ctx.addIssue({
        code: 'custom',
        path: ['txHash'],
        message: `is not a ${b.network} transaction hash (${expected})`,
      })
    }
  })
  .openapi('VerifyPaymentRequest')

export const paymentSchema = z
  .object({
    id: z.uuid(),
    customerId: z.uuid().nullable(),
    customerName: z.string().nullable(),
    network: z.enum(networkIds),
    asset: z.enum(assetIds),
    txHash: z.string(),
    eventIndex: z.number().int(),
    from: z.string().nullable(),
    to: z.string(),
    memo: z.string().nullable().openapi({ description: 'TON: the comment the payment carried' }),
    reference: z.string().nullable().openapi({ description: 'Solana: the Solana Pay reference it carried' }),
    amount: z.string().openapi({ description: 'Exact decimal amount of the asset' }),
    amountBaseUnits: z.string(),
    networkFee: z.string().nullable().openapi({
      description:
        'What the sender paid the network for the whole transaction, an exact decimal of networkFeeAsset; null where the chain has not told it yet: a Bitcoin payment or an EVM token payment found by a scan, until the confirmation job reads the fee (a Core node older than 25.0 never tells a mined Bitcoin transaction’s fee; verify does where the node can)',
    }),
    networkFeeAsset: z.enum(assetIds).openapi({ description: 'The network’s native asset' }),
    matchedBy: z.enum(['address', 'reference', 'memo', 'quote', 'sender', 'manual']).nullable().openapi({
      description:
        'How the customer was found: their deposit address, Solana Pay reference or TON comment, the exact amount of an open invoice quote, a wallet known for them alone (sender), or assigned by hand; null while unattributed',
    }),
    fiatCurrency: z.string(),
    fiatValue: z
      .string()
      .nullable()
      .openapi({ description: 'Value when received; null until a rate is known' }),
    rate: z.string().nullable(),
    status: paymentStatus,
    confirmations: z.number().int(),
    requiredConfirmations: z.number().int(),
    blockNumber: z.number().int().nullable(),
    blockTime: z.iso.datetime().nullable(),
    explorerUrl: z.string().nullable(),
    detectedAt: z.iso.datetime(),
    confirmedAt: z.iso.datetime().nullable(),
    refundedAmount: z
      .string()
      .openapi({ description: 'Refunded so far, an exact decimal of the asset; 0 if none' }),
    refundedFiatValue: z.string().nullable().openapi({
      description:
        'The refunds’ fiat value (the payment’s fiat value pro rata); null with no refund or no rate',
    }),
    refundStatus: z.enum(['none', 'partial', 'full']).openapi({
      description: 'full: the whole amount was refunded; partial: some of it',
    }),
  })
  .openapi('Payment')

export const verifyPaymentResponse = z
  .object({
    data: z.array(paymentSchema.extend({ created: z.boolean() })),
    detail: z.string(),
  })
  .openapi('VerifyPaymentResult')

export const listPaymentsQuery = z.strictObject({
  network: z.enum(networkIds).optional(),
  asset: z.enum(assetIds).optional(),
  status: paymentStatus.optional(),
  customerId: z.uuid().optional(),
  attribution: z.enum(['attributed', 'unattributed']).optional().openapi({
    description:
      'unattributed: payments that reached your Solana or TON wallet without a customer’s reference or comment',
  }),
  from: z.iso
    .datetime({ offset: true })
    .or(z.iso.date())
    .optional()
    .openapi({ description: 'Detected at or after' }),
  to: z.iso
    .datetime({ offset: true })
    .or(z.iso.date())
    .optional()
    .openapi({ description: 'Detected before' }),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.uuid('must be the nextCursor of the previous page').optional(),
})

export const paymentListSchema = z
  .object({ data: z.array(paymentSchema), nextCursor: z.string().nullable() })
  .openapi('PaymentList')

export const assignPaymentBody = z.strictObject({ customerId: z.uuid() }).openapi('AssignPaymentRequest')

export type ListPaymentsInput = z.infer<typeof listPaymentsQuery>
