import { type SqlBool, sql } from 'kysely'
import type { ServiceContext } from '../../../context.js'
import { loadTemplates } from '../../messages/services/templates.js'
import { renderEmail } from '../../messages/templates/render.js'
import { personalise } from '../message.js'
import type { BulkMessagePreview, BulkMessagePreviewInput } from '../schema.js'
import { selectionCondition } from '../selection.js'

/**
 * What a sendMessage bulk action would do now, without doing it: how many the selection matches, how
 * many would be skipped and why, and the email its first recipient would get.
 */
export async function previewBulkMessage({
  ctx,
  input,
  now,
}: {
  ctx: ServiceContext
  input: BulkMessagePreviewInput
  now: Date
}): Promise<BulkMessagePreview> {
  const where = await selectionCondition(ctx.db, ctx.merchantId, input.selection, now)
  const selected = ctx.db
    .selectFrom('customers as c')
    .where('c.merchant_id', '=', ctx.merchantId)
    .where('c.deleted_at', 'is', null)
    .where(where)
  const noEmail = sql<SqlBool>`coalesce(c.email, '') = ''`
  const unsubscribed = sql<SqlBool>`exists (select 1 from message_opt_outs o
    where o.merchant_id = ${ctx.merchantId} and o.customer_id = c.id and o.kind = 'announcement')`
  const counts = await selected
    .select([
      sql<string>`count(*)`.as('matched'),
      sql<string>`count(*) filter (where ${noEmail})`.as('no_email'),
      sql<string>`count(*) filter (where not ${noEmail} and ${unsubscribed})`.as('unsubscribed'),
    ])
    .executeTakeFirstOrThrow()
  const first = await selected
    .select(['c.id', 'c.name', 'c.email'])
    .where(sql<SqlBool>`not ${noEmail} and not ${unsubscribed}`)
    .orderBy('c.name')
    .orderBy('c.id')
    .limit(1)
    .executeTakeFirst()
  const matched = Number(counts.matched)
  const skippedNoEmail = Number(counts.no_email)
  const skippedUnsubscribed = Number(counts.unsubscribed)
  return {
    matched,
    recipients: matched - skippedNoEmail - skippedUnsubscribed,
    noEmail: skippedNoEmail,
    unsubscribed: skippedUnsubscribed,
    sample: first ? { customerId: first.id, ...(await render(ctx, input, first)) } : null,
  }
}

async function render(
  ctx: ServiceContext,
  input: BulkMessagePreviewInput,
  customer: { name: string; email: string | null },
) {
  const merchant = await ctx.db
    .selectFrom('merchants')
    .select('name')
    .where('id', '=', ctx.merchantId)
    .executeTakeFirstOrThrow()
  const template = (await loadTemplates(ctx.db, ctx.merchantId, ['announcement'])).get('announcement')
  if (!template) throw new Error('no announcement template')
  const to = customer.email ?? ''
  const vars = { customer: { name: customer.name, email: to }, merchant: { name: merchant.name } }
  const email = await renderEmail({
    kind: 'announcement',
    template,
    variables: { ...vars, message: personalise(input.params, vars) },
    merchantName: merchant.name,
    unsubscribeUrl: '/api/v1/public/unsubscribe?token=preview',
  })
  return { to, ...email }
}
