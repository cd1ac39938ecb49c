import { z } from '@hono/zod-openapi'
import { customMessageBody } from '../messages/schema.js'
import { fill } from '../messages/templates/render.js'

/** What a bulk message may name: the recipient and the merchant, filled in for each customer. */
export const BULK_MESSAGE_VARIABLES = ['customer.name', 'customer.email', 'merchant.name'] as const

const VARIABLE = /\{\{\s*([A-Za-z0-9_.]*)\s*\}\}/g

function unknownVariables(text: string): string[] {
  const allowed = new Set<string>(BULK_MESSAGE_VARIABLES)
  return [...new Set([...text.matchAll(VARIABLE)].map((m) => m[1] ?? ''))].filter((v) => !allowed.has(v))
}

/** The subject and text a merchant writes; an unknown `{{…}}` is refused here, never sent as is. */
export const bulkMessageParams = z
  .strictObject({
    subject: customMessageBody.shape.subject,
    text: customMessageBody.shape.text,
  })
  .superRefine((p, ctx) => {
    for (const field of ['subject', 'text'] as const) {
      const unknown = unknownVariables(p[field])
      if (unknown.length > 0)
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `${unknown.map((v) => `{{${v}}}`).join(', ')} ${unknown.length > 1 ? 'are not variables' : 'is not a variable'}; use ${BULK_MESSAGE_VARIABLES.map((v) => `{{${v}}}`).join(', ')}`,
        })
    }
  })
  .openapi('BulkMessageParams', {
    description: `The message (kind announcement). Subject and text may use ${BULK_MESSAGE_VARIABLES.map((v) => `{{${v}}}`).join(', ')}`,
  })

export type BulkMessageParams = z.infer<typeof bulkMessageParams>

/**
 * The merchant's words for one customer. Filled once, before the announcement template puts them in
 * `{{message.subject}}` / `{{message.text}}`, whose values are not parsed again: braces in a customer's
 * name stay text.
 */
export function personalise(
  params: BulkMessageParams,
  vars: { customer: { name: string; email: string }; merchant: { name: string } },
): { subject: string; text: string } {
  return { subject: fill(params.subject, vars), text: fill(params.text, vars) }
}
