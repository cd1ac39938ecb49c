import { z } from '@hono/zod-openapi'
import { timeZone } from '../../http/fields.js'
import { REMINDER_KINDS, reminderStepsSchema } from './policy.js'

const step = z
  .object({
    key: z.string(),
    offsetDays: z.number().int(),
    relativeTo: z.enum(['issue', 'due']),
    kind: z.enum(REMINDER_KINDS),
    enabled: z.boolean(),
  })
  .openapi('ReminderStep')

const renewalNoticeDays = z
  .number()
  .int('must be a whole number of days')
  .min(0, 'must be at least 0')
  .max(60, 'must be at most 60')
  .nullable()
  .openapi({ description: 'Days before a subscription renews to send "renewal upcoming"; null sends none' })

export const reminderPolicySchema = z
  .object({
    steps: z.array(step),
    timezone: z.string().nullable().openapi({
      description:
        'The merchant’s IANA zone: reminders go at 09:00 there to customers without one (null: UTC)',
    }),
    renewalNoticeDays,
    isDefault: z.boolean().openapi({ description: 'No policy saved yet: these are the defaults' }),
  })
  .openapi('ReminderPolicy')

export const updateReminderPolicyBody = z
  .strictObject({
    steps: reminderStepsSchema,
    timezone: timeZone.nullable().optional(),
    renewalNoticeDays: renewalNoticeDays.optional(),
  })
  .openapi('UpdateReminderPolicyRequest')

export const customerReminderPolicySchema = z
  .object({
    customerId: z.uuid(),
    steps: z.array(step).openapi({ description: 'The steps this customer’s invoices follow' }),
    inherited: z.boolean().openapi({ description: 'No override: the merchant’s policy applies' }),
    timezone: z.string().openapi({ description: 'The zone the customer’s reminders go at 09:00 in' }),
  })
  .openapi('CustomerReminderPolicy')

export const setCustomerReminderPolicyBody = z
  .strictObject({ steps: reminderStepsSchema })
  .openapi('SetCustomerReminderPolicyRequest')
