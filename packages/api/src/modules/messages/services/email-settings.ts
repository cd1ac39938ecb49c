import type { z } from '@hono/zod-openapi'
import type { Config } from '../../../config.js'
import type { ServiceContext } from '../../../context.js'
import type { emailSettingsSchema, updateEmailSettingsBody } from '../schema.js'

type EmailSettings = z.infer<typeof emailSettingsSchema>

async function present(
  ctx: ServiceContext,
  config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM'>,
): Promise<EmailSettings> {
  const row = await ctx.db
    .selectFrom('email_settings')
    .selectAll()
    .where('merchant_id', '=', ctx.merchantId)
    .executeTakeFirst()
  return {
    smtp: { configured: Boolean(config.SMTP_URL), from: config.MAIL_FROM },
    senderName: row?.sender_name ?? null,
    replyTo: row?.reply_to ?? null,
    welcomeEnabled: row?.welcome_enabled ?? false,
  }
}

/** SMTP status (configured or not, never the URL: it holds a password) and the merchant's sender settings. */
export function getEmailSettings({
  ctx,
  config,
}: {
  ctx: ServiceContext
  config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM'>
}) {
  return present(ctx, config)
}

export async function updateEmailSettings({
  ctx,
  config,
  input,
}: {
  ctx: ServiceContext
  config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM'>
  input: z.infer<typeof updateEmailSettingsBody>
}) {
  const set = {
    ...(input.senderName !== undefined ? { sender_name: input.senderName } : {}),
    ...(input.replyTo !== undefined ? { reply_to: input.replyTo } : {}),
    ...(input.welcomeEnabled !== undefined ? { welcome_enabled: input.welcomeEnabled } : {}),
  }
  await ctx.db
    .insertInto('email_settings')
    .values({ merchant_id: ctx.merchantId, ...set })
    .onConflict((oc) => oc.column('merchant_id').doUpdateSet({ ...set, updated_at: new Date() }))
    .execute()
  return present(ctx, config)
}
