import { sql } from 'kysely'
import type { Executor, ServiceContext } from '../../../context.js'
import { publicLink } from '../../messages/links.js'
import type { PortalSettingsDto, UpdatePortalSettingsInput } from '../schema.js'
import { portalPath } from '../tokens.js'

export interface PortalSettings {
  enabled: boolean
  editable: PortalSettingsDto['editable']
  allowSubscriptionCancel: boolean
}

/** What a merchant who never saved settings gets: the portal on, every field editable, no self-cancel. */
const DEFAULTS: PortalSettings = {
  enabled: true,
  editable: {
    contact: true,
    billingAddress: true,
    preferredCoins: true,
    refundAddresses: true,
    messagePreferences: true,
  },
  allowSubscriptionCancel: false,
}

/** The merchant's portal settings (defaults when none were saved). */
export async function loadPortalSettings(db: Executor, merchantId: string): Promise<PortalSettings> {
  const row = await db
    .selectFrom('portal_settings')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .executeTakeFirst()
  if (!row) return structuredClone(DEFAULTS)
  return {
    enabled: row.enabled,
    editable: {
      contact: row.edit_contact,
      billingAddress: row.edit_billing_address,
      preferredCoins: row.edit_preferred_coins,
      refundAddresses: row.edit_refund_addresses,
      messagePreferences: row.edit_message_preferences,
    },
    allowSubscriptionCancel: row.allow_subscription_cancel,
  }
}

function present(merchantId: string, s: PortalSettings): PortalSettingsDto {
  return { ...s, portalUrl: publicLink(portalPath(merchantId)) }
}

export async function getPortalSettings({ ctx }: { ctx: ServiceContext }): Promise<PortalSettingsDto> {
  return present(ctx.merchantId, await loadPortalSettings(ctx.db, ctx.merchantId))
}

/** Changes what the input names; the rest stays. */
export async function updatePortalSettings({
  ctx,
  input,
}: {
  ctx: ServiceContext
  input: UpdatePortalSettingsInput
}): Promise<PortalSettingsDto> {
  const current = await loadPortalSettings(ctx.db, ctx.merchantId)
  const next: PortalSettings = {
    enabled: input.enabled ?? current.enabled,
    editable: { ...current.editable, ...stripUndefined(input.editable ?? {}) },
    allowSubscriptionCancel: input.allowSubscriptionCancel ?? current.allowSubscriptionCancel,
  }
  const values = {
    enabled: next.enabled,
    edit_contact: next.editable.contact,
    edit_billing_address: next.editable.billingAddress,
    edit_preferred_coins: next.editable.preferredCoins,
    edit_refund_addresses: next.editable.refundAddresses,
    edit_message_preferences: next.editable.messagePreferences,
    allow_subscription_cancel: next.allowSubscriptionCancel,
  }
  await ctx.db
    .insertInto('portal_settings')
    .values({ merchant_id: ctx.merchantId, ...values })
    .onConflict((oc) => oc.column('merchant_id').doUpdateSet({ ...values, updated_at: sql`now()` }))
    .execute()
  if (!next.enabled) {
    // Switched off: everyone signed in is signed out, and links already sent stop working.
    await ctx.db.deleteFrom('portal_sessions').where('merchant_id', '=', ctx.merchantId).execute()
  }
  return present(ctx.merchantId, next)
}

function stripUndefined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}
