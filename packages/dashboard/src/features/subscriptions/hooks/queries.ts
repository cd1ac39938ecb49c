import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  type CreatePlanInput,
  type CreateSubscriptionInput,
  cancelSubscription,
  createPlan,
  createSubscription,
  getSubscription,
  type ListPlansParams,
  type ListSubscriptionsParams,
  listPlans,
  listSubscriptions,
  pauseSubscription,
  resumeSubscription,
  type SubscriptionDetail,
  setPlanArchived,
} from '../api'

export const subscriptionKeys = {
  plans: (params: ListPlansParams) => ['plans', 'list', params] as const,
  list: (params: ListSubscriptionsParams) => ['subscriptions', 'list', params] as const,
  detail: (id: string) => ['subscriptions', 'detail', id] as const,
}

export function usePlans(params: ListPlansParams = { limit: 100 }) {
  return useQuery({
    queryKey: subscriptionKeys.plans(params),
    queryFn: ({ signal }) => listPlans(params, signal),
    placeholderData: keepPreviousData,
  })
}

export function useCreatePlan() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: CreatePlanInput) => createPlan(input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['plans'] }),
  })
}

/** Archive or unarchive a plan; every plan list (and a subscription's plan) may change. */
export function useSetPlanArchived() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, archived }: { id: string; archived: boolean }) => setPlanArchived(id, archived),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['plans'] })
      void client.invalidateQueries({ queryKey: ['subscriptions', 'detail'] })
    },
  })
}

export function useSubscriptions(params: ListSubscriptionsParams) {
  return useQuery({
    queryKey: subscriptionKeys.list(params),
    queryFn: ({ signal }) => listSubscriptions(params, signal),
    placeholderData: keepPreviousData,
  })
}

export function useSubscription(id: string) {
  return useQuery({
    queryKey: subscriptionKeys.detail(id),
    queryFn: ({ signal }) => getSubscription(id, signal),
  })
}

function useSubscriptionWrite<A>(fn: (arg: A) => Promise<SubscriptionDetail>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: (sub) => {
      client.setQueryData(subscriptionKeys.detail(sub.id), sub)
      void client.invalidateQueries({ queryKey: ['subscriptions', 'list'] })
      // A new subscription may have issued its first invoice.
      void client.invalidateQueries({ queryKey: ['invoices'] })
    },
  })
}

export const useCreateSubscription = () =>
  useSubscriptionWrite((input: CreateSubscriptionInput) => createSubscription(input))
export const useCancelSubscription = () =>
  useSubscriptionWrite(({ id, atPeriodEnd }: { id: string; atPeriodEnd: boolean }) =>
    cancelSubscription(id, { atPeriodEnd }),
  )
export const usePauseSubscription = () => useSubscriptionWrite((id: string) => pauseSubscription(id))
export const useResumeSubscription = () => useSubscriptionWrite((id: string) => resumeSubscription(id))
