import { z } from '@hono/zod-openapi'
import { sql } from 'kysely'
import type { Executor } from '../../context.js'
import { countryCode } from '../../http/fields.js'

const amount = z
  .string()
  .trim()
  .regex(/^\d{1,20}(\.\d{1,8})?$/, 'must be a decimal amount such as 1000.00, as a string')

/** The built-in segments' thresholds; every one has a default, a merchant changes only what it wants. */
export const segmentSettingsSchema = z
  .strictObject({
    vipMode: z
      .enum(['percent', 'amount'])
      .default('percent')
      .openapi({ description: 'VIP: the top percent, or above an amount' }),
    vipPercent: z.number().min(0.1).max(50).default(5),
    vipAmount: amount
      .nullable()
      .default(null)
      .openapi({ description: 'Lifetime value at or above which a customer is VIP (vipMode amount)' }),
    valueMode: z
      .enum(['tertiles', 'amounts'])
      .default('tertiles')
      .openapi({ description: 'High/medium/low value: thirds of the paying customers, or amounts' }),
    highValueMin: amount.nullable().default(null),
    mediumValueMin: amount.nullable().default(null),
    regularMinPayments: z.number().int().min(2).max(1000).default(3),
    regularIntervalFactor: z.number().min(1).max(10).default(1.5).openapi({
      description: 'Regular: the last payment is at most this many average intervals ago',
    }),
    newDays: z.number().int().min(1).max(3650).default(30),
    atRiskFactor: z.number().min(1).max(20).default(2),
    churnMinDays: z.number().int().min(1).max(3650).default(90),
    churnFactor: z.number().min(1).max(20).default(3),
    dormantDays: z.number().int().min(1).max(3650).default(180),
    earlyDays: z.number().min(0).max(365).default(2),
    latePercent: z.number().min(1).max(100).default(30),
  })
  .openapi('SegmentThresholds')

export type SegmentThresholds = z.infer<typeof segmentSettingsSchema>

export const segmentSettingsResponse = z
  .object({
    thresholds: segmentSettingsSchema,
    merchantCountry: z
      .string()
      .nullable()
      .openapi({ description: 'Where the merchant trades from: local vs international' }),
  })
  .openapi('SegmentSettings')

export const updateSegmentSettingsBody = z
  .strictObject({
    thresholds: segmentSettingsSchema.partial().optional(),
    merchantCountry: countryCode.nullable().optional(),
  })
  .openapi('UpdateSegmentSettingsRequest')

export type SegmentSettings = z.infer<typeof segmentSettingsResponse>

/** The merchant's thresholds (defaults where it set none) and country. */
export async function loadSegmentSettings(db: Executor, merchantId: string): Promise<SegmentSettings> {
  const row = await db
    .selectFrom('merchants as m')
    .leftJoin('segment_settings as ss', 'ss.merchant_id', 'm.id')
    .select(['m.country', 'ss.settings'])
    .where('m.id', '=', merchantId)
    .executeTakeFirstOrThrow()
  // Stored settings were validated on the way in; a key a later version dropped is ignored.
  const stored = segmentSettingsSchema
    .partial()
    .strip()
    .safeParse(row.settings ?? {})
  return {
    thresholds: segmentSettingsSchema.parse(stored.success ? stored.data : {}),
    merchantCountry: row.country?.trim() ?? null,
  }
}

/** Changes some thresholds and/or the merchant's country; returns the settings as they now are. */
export async function updateSegmentSettings(
  db: Executor,
  merchantId: string,
  input: z.infer<typeof updateSegmentSettingsBody>,
): Promise<SegmentSettings> {
  if (input.thresholds) {
    const current = await loadSegmentSettings(db, merchantId)
    const next = { ...current.thresholds, ...input.thresholds }
    await db
      .insertInto('segment_settings')
      .values({ merchant_id: merchantId, settings: JSON.stringify(next) })
      .onConflict((oc) =>
        oc.column('merchant_id').doUpdateSet({ settings: JSON.stringify(next), updated_at: sql`now()` }),
      )
      .execute()
  }
  if (input.merchantCountry !== undefined) {
    await db
      .updateTable('merchants')
      .set({ country: input.merchantCountry })
      .where('id', '=', merchantId)
      .execute()
  }
  return loadSegmentSettings(db, merchantId)
}
