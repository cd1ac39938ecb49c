import type { z } from '@hono/zod-openapi'
import type { ServiceContext } from '../../../context.js'
import { CoinbookError } from '../../../errors.js'
import { isTransactional, KIND_VARIABLES, MESSAGE_KINDS, type MessageKind } from '../kinds.js'
import type { emailTemplateSchema, previewTemplateBody, updateTemplateBody } from '../schema.js'
import type { EmailTemplate } from '../templates/defaults.js'
import { type RenderedEmail, renderEmail, variablesIn } from '../templates/render.js'
import { sampleVariables } from '../templates/samples.js'
import { loadTemplates, mergeTemplate } from './templates.js'

type TemplateDto = z.infer<typeof emailTemplateSchema>

function present(kind: MessageKind, t: EmailTemplate, customized: boolean): TemplateDto {
  return {
    kind,
    subject: t.subject,
    blocks: t.blocks,
    customized,
    transactional: isTransactional(kind),
    variables: [...KIND_VARIABLES[kind]],
  }
}

/** Refuses a template naming a variable its kind does not have: caught when saving, never at send time. */
export function checkVariables(kind: MessageKind, t: EmailTemplate): void {
  const allowed = new Set(KIND_VARIABLES[kind])
  const unknown = variablesIn(t).filter((v) => !allowed.has(v))
  if (unknown.length > 0)
    throw new CoinbookError(
      'unprocessable',
      `Unknown variable${unknown.length > 1 ? 's' : ''} ${unknown.map((v) => `{{${v}}}`).join(', ')} in the ${kind} template; it may use ${[...allowed].map((v) => `{{${v}}}`).join(', ')}`,
      { details: { unknownVariables: unknown, allowedVariables: [...allowed] } },
    )
}

export async function listTemplates({ ctx }: { ctx: ServiceContext }): Promise<TemplateDto[]> {
  const all = await loadTemplates(ctx.db, ctx.merchantId, MESSAGE_KINDS)
  return MESSAGE_KINDS.map((k) => {
    const t = all.get(k) as EmailTemplate & { customized: boolean }
    return present(k, t, t.customized)
  })
}

export async function getTemplate({ ctx, kind }: { ctx: ServiceContext; kind: MessageKind }) {
  const t = (await loadTemplates(ctx.db, ctx.merchantId, [kind])).get(kind) as EmailTemplate & {
    customized: boolean
  }
  return present(kind, t, t.customized)
}

export async function saveTemplate({
  ctx,
  kind,
  input,
}: {
  ctx: ServiceContext
  kind: MessageKind
  input: z.infer<typeof updateTemplateBody>
}): Promise<TemplateDto> {
  const t = mergeTemplate(kind, { subject: input.subject, blocks: stringBlocks(input.blocks) })
  checkVariables(kind, t)
  await ctx.db
    .insertInto('email_templates')
    .values({ merchant_id: ctx.merchantId, kind, subject: t.subject, blocks: JSON.stringify(t.blocks) })
    .onConflict((oc) =>
      oc.columns(['merchant_id', 'kind']).doUpdateSet({
        subject: t.subject,
        blocks: JSON.stringify(t.blocks),
        updated_at: new Date(),
      }),
    )
    .execute()
  return present(kind, t, true)
}

/** Back to Coinbook's wording. */
export async function resetTemplate({ ctx, kind }: { ctx: ServiceContext; kind: MessageKind }) {
  await ctx.db
    .deleteFrom('email_templates')
    .where('merchant_id', '=', ctx.merchantId)
    .where('kind', '=', kind)
    .execute()
  return getTemplate({ ctx, kind })
}

function stringBlocks(
  blocks: Partial<Record<string, string | undefined>> | undefined,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(blocks ?? {}).filter((e): e is [string, string] => e[1] !== undefined),
  )
}

/**
 * Renders the saved template, or the unsaved edits given, with sample data (what the editor's live preview
 * shows); unknown variables are refused as on save.
 */
export async function previewTemplate({
  ctx,
  kind,
  input,
}: {
  ctx: ServiceContext
  kind: MessageKind
  input: z.infer<typeof previewTemplateBody>
}): Promise<RenderedEmail> {
  const current = (await loadTemplates(ctx.db, ctx.merchantId, [kind])).get(kind) as EmailTemplate
  const t: EmailTemplate = {
    subject: input.subject ?? current.subject,
    blocks: { ...current.blocks, ...stringBlocks(input.blocks) },
  }
  checkVariables(kind, t)
  const merchant = await ctx.db
    .selectFrom('merchants')
    .select('name')
    .where('id', '=', ctx.merchantId)
    .executeTakeFirstOrThrow()
  return renderEmail({
    kind,
    template: t,
    variables: sampleVariables(merchant.name),
    merchantName: merchant.name,
    unsubscribeUrl: isTransactional(kind) ? undefined : '/api/v1/public/unsubscribe?token=preview',
  })
}
