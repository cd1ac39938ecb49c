import type {
  CustomMessageInput,
  EmailPreview,
  EmailSettings,
  EmailTemplate,
  ListMessagesInput,
  Message,
  MessageDetail,
  MessageKind,
  MessageList,
  PreviewEmailTemplateInput,
  UpdateEmailSettingsInput,
  UpdateEmailTemplateInput,
} from '@coinbook/api/contracts'
import { apiRequest } from '../../api/client'

export type { EmailPreview, EmailSettings, EmailTemplate, Message, MessageDetail, MessageKind, MessageList }
export type MessageStatus = Message['status']

/** The log query as the dashboard sends it (every member optional, the API applies defaults). */
export type ListMessagesParams = Partial<Omit<ListMessagesInput, 'limit'>> & { limit?: number }

export function listMessages(params: ListMessagesParams, signal?: AbortSignal): Promise<MessageList> {
  return apiRequest<MessageList>('/messages', { query: { ...params }, signal })
}

export function getMessage(id: string, signal?: AbortSignal): Promise<MessageDetail> {
  return apiRequest<MessageDetail>(`/messages/${encodeURIComponent(id)}`, { signal })
}

export function resendMessage(id: string): Promise<MessageDetail> {
  return apiRequest<MessageDetail>(`/messages/${encodeURIComponent(id)}/resend`, { method: 'POST' })
}

export function writeCustomerMessage(customerId: string, input: CustomMessageInput): Promise<MessageDetail> {
  return apiRequest<MessageDetail>(`/customers/${encodeURIComponent(customerId)}/messages`, {
    method: 'POST',
    body: input,
  })
}

export function listEmailTemplates(signal?: AbortSignal): Promise<{ data: EmailTemplate[] }> {
  return apiRequest<{ data: EmailTemplate[] }>('/email-templates', { signal })
}

export function saveEmailTemplate(
  kind: MessageKind,
  input: UpdateEmailTemplateInput,
): Promise<EmailTemplate> {
  return apiRequest<EmailTemplate>(`/email-templates/${kind}`, { method: 'PUT', body: input })
}

export function resetEmailTemplate(kind: MessageKind): Promise<EmailTemplate> {
  return apiRequest<EmailTemplate>(`/email-templates/${kind}`, { method: 'DELETE' })
}

export function previewEmailTemplate(
  kind: MessageKind,
  input: PreviewEmailTemplateInput,
  signal?: AbortSignal,
): Promise<EmailPreview> {
  return apiRequest<EmailPreview>(`/email-templates/${kind}/preview`, { method: 'POST', body: input, signal })
}

export function getEmailSettings(signal?: AbortSignal): Promise<EmailSettings> {
  return apiRequest<EmailSettings>('/email-settings', { signal })
}

export function updateEmailSettings(input: UpdateEmailSettingsInput): Promise<EmailSettings> {
  return apiRequest<EmailSettings>('/email-settings', { method: 'PATCH', body: input })
}
