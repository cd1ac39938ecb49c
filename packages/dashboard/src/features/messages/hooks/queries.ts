import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  getEmailSettings,
  getMessage,
  type ListMessagesParams,
  listEmailTemplates,
  listMessages,
  type MessageKind,
  resendMessage,
  resetEmailTemplate,
  saveEmailTemplate,
  updateEmailSettings,
  writeCustomerMessage,
} from '../api'

export const messageKeys = {
  all: ['messages'] as const,
  list: (params: ListMessagesParams) => ['messages', 'list', params] as const,
  detail: (id: string) => ['messages', 'detail', id] as const,
  templates: ['email-templates'] as const,
  settings: ['email-settings'] as const,
}

export function useMessageList(params: ListMessagesParams) {
  return useQuery({
    queryKey: messageKeys.list(params),
    queryFn: ({ signal }) => listMessages(params, signal),
    placeholderData: keepPreviousData,
  })
}

export function useMessage(id: string | null) {
  return useQuery({
    queryKey: messageKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getMessage(id as string, signal),
    enabled: Boolean(id),
  })
}

export function useResendMessage() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: resendMessage,
    onSuccess: () => qc.invalidateQueries({ queryKey: messageKeys.all }),
  })
}

export function useWriteMessage(customerId: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: { subject: string; text: string }) => writeCustomerMessage(customerId, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: messageKeys.all }),
  })
}

export function useEmailTemplates() {
  return useQuery({ queryKey: messageKeys.templates, queryFn: ({ signal }) => listEmailTemplates(signal) })
}

export function useSaveTemplate() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (args: { kind: MessageKind; subject: string; blocks: Record<string, string> }) =>
      saveEmailTemplate(args.kind, { subject: args.subject, blocks: args.blocks }),
    onSuccess: () => qc.invalidateQueries({ queryKey: messageKeys.templates }),
  })
}

export function useResetTemplate() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: resetEmailTemplate,
    onSuccess: () => qc.invalidateQueries({ queryKey: messageKeys.templates }),
  })
}

export function useEmailSettings() {
  return useQuery({ queryKey: messageKeys.settings, queryFn: ({ signal }) => getEmailSettings(signal) })
}

export function useUpdateEmailSettings() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: updateEmailSettings,
    onSuccess: (data) => qc.setQueryData(messageKeys.settings, data),
  })
}
