import type {
  CustomerReminderPolicy,
  ReminderPolicy,
  ReminderStep,
  SetCustomerReminderPolicyInput,
  UpdateReminderPolicyInput,
} from '@coinbook/api/contracts'
import { apiRequest } from '../../api/client'

export type { CustomerReminderPolicy, ReminderPolicy, ReminderStep }
export type ReminderKind = ReminderStep['kind']

export const REMINDER_KIND_LABELS: Record<ReminderKind, string> = {
  reminder_before_due: 'Before due',
  reminder_due: 'Due today',
  reminder_overdue_1: 'Overdue (first)',
  reminder_overdue_2: 'Overdue (second)',
  reminder_final: 'Final notice',
}

export function getReminderPolicy(signal?: AbortSignal): Promise<ReminderPolicy> {
  return apiRequest<ReminderPolicy>('/reminder-policy', { signal })
}

export function updateReminderPolicy(input: UpdateReminderPolicyInput): Promise<ReminderPolicy> {
  return apiRequest<ReminderPolicy>('/reminder-policy', { method: 'PUT', body: input })
}

const customerPath = (id: string) => `/customers/${encodeURIComponent(id)}/reminder-policy`

export function getCustomerReminderPolicy(id: string, signal?: AbortSignal): Promise<CustomerReminderPolicy> {
  return apiRequest<CustomerReminderPolicy>(customerPath(id), { signal })
}

export function setCustomerReminderPolicy(
  id: string,
  input: SetCustomerReminderPolicyInput,
): Promise<CustomerReminderPolicy> {
  return apiRequest<CustomerReminderPolicy>(customerPath(id), { method: 'PUT', body: input })
}

export function deleteCustomerReminderPolicy(id: string): Promise<CustomerReminderPolicy> {
  return apiRequest<CustomerReminderPolicy>(customerPath(id), { method: 'DELETE' })
}
