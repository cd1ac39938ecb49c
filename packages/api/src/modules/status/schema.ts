import { networkIds } from '@coinbook/chain-watchers/registry'
import { z } from '@hono/zod-openapi'

export const networkStatusSchema = z
  .object({
    network: z.enum(networkIds),
    name: z.string(),
    /** Block-scanned networks keep one cursor; Solana and TON page each merchant wallet's history. */
    scan: z.enum(['blocks', 'wallets']),
    node: z.object({
      status: z.enum(['ok', 'error', 'not_configured']),
      /** What the node said when it failed (no credentials: URLs are shown without them). */
      error: z.string().nullable(),
      urls: z.number().int(),
    }),
    /** Newest block (slot, masterchain seqno) the node reported, as a decimal string. */
    head: z.string().nullable(),
    /** The last block the scan has ingested (block-scanned networks). */
    cursor: z.string().nullable(),
    /** head − cursor, in blocks. */
    lag: z.number().int().nullable(),
    lastScanAt: z.iso.datetime().nullable(),
    requiredConfirmations: z.number().int(),
    checkedAt: z.iso.datetime(),
  })
  .openapi('NetworkStatus')

export const networkStatusListSchema = z
  .object({ data: z.array(networkStatusSchema) })
  .openapi('NetworkStatusList')

export type NetworkStatus = z.infer<typeof networkStatusSchema>
