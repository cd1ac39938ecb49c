import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  deleteCustomerReminderPolicy,
  getCustomerReminderPolicy,
  getReminderPolicy,
  type ReminderStep,
  setCustomerReminderPolicy,
  updateReminderPolicy,
} from '../api'

export const reminderKeys = {
  policy: ['reminder-policy'] as const,
  customer: (id: string) => ['reminder-policy', 'customer', id] as const,
}

export function useReminderPolicy() {
  return useQuery({ queryKey: reminderKeys.policy, queryFn: ({ signal }) => getReminderPolicy(signal) })
}

export function useUpdateReminderPolicy() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: updateReminderPolicy,
    onSuccess: (policy) => {
      client.setQueryData(reminderKeys.policy, policy)
      // Customers without an override follow the merchant's steps.
      void client.invalidateQueries({ queryKey: ['reminder-policy', 'customer'] })
    },
  })
}

export function useCustomerReminderPolicy(customerId: string) {
  return useQuery({
    queryKey: reminderKeys.customer(customerId),
    queryFn: ({ signal }) => getCustomerReminderPolicy(customerId, signal),
  })
}

export function useSetCustomerReminderPolicy(customerId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (steps: ReminderStep[] | null) =>
      steps ? setCustomerReminderPolicy(customerId, { steps }) : deleteCustomerReminderPolicy(customerId),
    onSuccess: (policy) => client.setQueryData(reminderKeys.customer(customerId), policy),
  })
}
