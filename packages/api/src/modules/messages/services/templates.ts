import type { Executor } from '../../../context.js'
import type { MessageKind } from '../kinds.js'
import {
  BLOCK_NAMES,
  DEFAULT_TEMPLATES,
  type EmailTemplate,
  type TemplateBlocks,
} from '../templates/defaults.js'

/** A saved template over the default: blocks the merchant never saved keep the default's wording. */
export function mergeTemplate(
  kind: MessageKind,
  saved?: { subject: string; blocks: Record<string, string> },
): EmailTemplate {
  const base = DEFAULT_TEMPLATES[kind]
  if (!saved) return base
  const blocks = { ...base.blocks }
  for (const name of BLOCK_NAMES) {
    const v = saved.blocks[name]
    if (typeof v === 'string') blocks[name] = v
  }
  return { subject: saved.subject, blocks: blocks as TemplateBlocks }
}

/** The merchant's templates for these kinds (saved or default), one query. */
export async function loadTemplates(
  db: Executor,
  merchantId: string,
  kinds: readonly MessageKind[],
): Promise<Map<MessageKind, EmailTemplate & { customized: boolean }>> {
  const unique = [...new Set(kinds)]
  const rows = unique.length
    ? await db
        .selectFrom('email_templates')
        .select(['kind', 'subject', 'blocks'])
        .where('merchant_id', '=', merchantId)
        .where('kind', 'in', unique)
        .execute()
    : []
  const saved = new Map(rows.map((r) => [r.kind, r]))
  return new Map(
    unique.map((k) => {
      const s = saved.get(k)
      return [k, { ...mergeTemplate(k, s), customized: Boolean(s) }]
    }),
  )
}
