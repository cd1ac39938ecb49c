import type { CreateCustomerInput, UpdateCustomerInput } from '@coinbook/api/contracts'
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  createCustomer,
  deleteCustomer,
  getCustomer,
  type ListCustomersParams,
  listCustomerAudit,
  listCustomers,
  listDuplicates,
  mergeCustomers,
  updateCustomer,
} from '../api'

export const customerKeys = {
  all: ['customers'] as const,
  list: (params: ListCustomersParams) => ['customers', 'list', params] as const,
  detail: (id: string) => ['customers', 'detail', id] as const,
  audit: (id: string) => ['customers', 'audit', id] as const,
  duplicates: ['customers', 'duplicates'] as const,
}

export function useCustomerList(params: ListCustomersParams) {
  return useQuery({
    queryKey: customerKeys.list(params),
    queryFn: ({ signal }) => listCustomers(params, signal),
    // Keep the rows on screen while the next page or search loads, instead of flashing a spinner.
    placeholderData: keepPreviousData,
  })
}

export function useCustomer(id: string) {
  return useQuery({ queryKey: customerKeys.detail(id), queryFn: ({ signal }) => getCustomer(id, signal) })
}

export function useCustomerAudit(id: string) {
  return useQuery({
    queryKey: customerKeys.audit(id),
    queryFn: ({ signal }) => listCustomerAudit(id, signal),
  })
}

export function useDuplicates() {
  return useQuery({ queryKey: customerKeys.duplicates, queryFn: ({ signal }) => listDuplicates(signal) })
}

export function useCreateCustomer() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: CreateCustomerInput) => createCustomer(input),
    onSuccess: (customer) => {
      client.setQueryData(customerKeys.detail(customer.id), customer)
      void client.invalidateQueries({ queryKey: customerKeys.all })
    },
  })
}

export function useUpdateCustomer(id: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: UpdateCustomerInput) => updateCustomer(id, input),
    onSuccess: (customer) => {
      client.setQueryData(customerKeys.detail(id), customer)
      void client.invalidateQueries({ queryKey: customerKeys.all })
    },
  })
}

export function useDeleteCustomer() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => deleteCustomer(id),
    onSuccess: (_, id) => {
      client.removeQueries({ queryKey: customerKeys.detail(id) })
      void client.invalidateQueries({ queryKey: customerKeys.all })
    },
  })
}

export function useMergeCustomers() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ keepId, duplicateId }: { keepId: string; duplicateId: string }) =>
      mergeCustomers(keepId, duplicateId),
    onSuccess: (kept, { duplicateId }) => {
      client.setQueryData(customerKeys.detail(kept.id), kept)
      client.removeQueries({ queryKey: customerKeys.detail(duplicateId) })
      void client.invalidateQueries({ queryKey: customerKeys.all })
    },
  })
}
