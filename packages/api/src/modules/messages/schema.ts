import { z } from '@hono/zod-openapi'
import { MessageKindSchema } from './kinds.js'

export const MessageStatusSchema = z
  .enum(['queued', 'sent', 'failed', 'suppressed'])
  .openapi({ description: 'queued (waiting or retrying), sent, failed (gave up), suppressed (never sent)' })

export const messageSchema = z
  .object({
    id: z.uuid(),
    customerId: z.uuid().nullable(),
    kind: MessageKindSchema,
    channel: z.literal('email'),
    to: z.string().nullable(),
    subject: z.string(),
    status: MessageStatusSchema,
    suppressedReason: z.string().nullable(),
    notSentReason: z
      .string()
      .nullable()
      .openapi({ description: 'Why a queued message has not gone yet, e.g. "not sent: no SMTP configured"' }),
    attempts: z.number().int(),
    lastError: z.string().nullable().openapi({ description: 'The SMTP server’s reply to the last attempt' }),
    invoiceId: z.uuid().nullable(),
    paymentId: z.uuid().nullable(),
    subscriptionId: z.uuid().nullable(),
    resentFromId: z.uuid().nullable(),
    sendAfter: z.iso.datetime(),
    createdAt: z.iso.datetime(),
    sentAt: z.iso.datetime().nullable(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('Message')

export const messageDetailSchema = messageSchema
  .extend({
    html: z.string(),
    text: z.string(),
    headers: z.record(z.string(), z.string()),
  })
  .openapi('MessageDetail')

export const listMessagesQuery = z.strictObject({
  customerId: z.uuid().optional(),
  kind: MessageKindSchema.optional(),
  status: MessageStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.uuid('must be the nextCursor of the previous page').optional(),
})

export const messageListSchema = z
  .object({ data: z.array(messageSchema), nextCursor: z.string().nullable() })
  .openapi('MessageList')

const oneLine = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !/[\r\n\0]/.test(s), 'must be one line')

export const customMessageBody = z
  .strictObject({
    subject: oneLine(200),
    text: z
      .string()
      .trim()
      .min(1)
      .max(20_000)
      .refine((s) => !s.includes('\0'), 'must not contain NUL characters'),
  })
  .openapi('CustomMessageInput')

const blockText = z
  .string()
  .max(5000)
  .refine((s) => !s.includes('\0'), 'must not contain NUL characters')

export const templateBlocksSchema = z.strictObject({
  heading: blockText.optional(),
  intro: blockText.optional(),
  outro: blockText.optional(),
  button: blockText.optional(),
})

export const emailTemplateSchema = z
  .object({
    kind: MessageKindSchema,
    subject: z.string(),
    blocks: z.object({ heading: z.string(), intro: z.string(), outro: z.string(), button: z.string() }),
    customized: z.boolean().openapi({ description: 'False: Coinbook’s default wording' }),
    transactional: z.boolean().openapi({ description: 'Sent even to customers who unsubscribed' }),
    variables: z.array(z.string()).openapi({ description: 'What `{{…}}` may name in this kind' }),
  })
  .openapi('EmailTemplate')

export const updateTemplateBody = z
  .strictObject({ subject: oneLine(300), blocks: templateBlocksSchema.default({}) })
  .openapi('EmailTemplateInput')

export const previewTemplateBody = z
  .strictObject({ subject: oneLine(300).optional(), blocks: templateBlocksSchema.optional() })
  .openapi('EmailTemplatePreviewInput')

export const previewSchema = z
  .object({ subject: z.string(), html: z.string(), text: z.string() })
  .openapi('EmailPreview')

export const kindParam = z.object({
  kind: MessageKindSchema.openapi({ param: { name: 'kind', in: 'path' } }),
})

export const emailSettingsSchema = z
  .object({
    smtp: z.object({
      configured: z.boolean(),
      from: z.string().openapi({ description: 'MAIL_FROM' }),
    }),
    senderName: z
      .string()
      .nullable()
      .openapi({ description: 'Shown as the sender; the merchant’s name when null' }),
    replyTo: z.email().nullable(),
    welcomeEnabled: z.boolean(),
  })
  .openapi('EmailSettings')

export const updateEmailSettingsBody = z
  .strictObject({
    senderName: oneLine(100).nullable().optional(),
    replyTo: z.email().max(254).nullable().optional(),
    welcomeEnabled: z.boolean().optional(),
  })
  .openapi('EmailSettingsInput')

export type MessageDto = z.infer<typeof messageSchema>
export type MessageDetailDto = z.infer<typeof messageDetailSchema>
export type ListMessagesInput = z.infer<typeof listMessagesQuery>
