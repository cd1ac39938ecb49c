import type {
  CancelSubscriptionInput,
  CreatePlanInput,
  CreateSubscriptionInput,
  ListSubscriptionsInput,
  Plan,
  PlanList,
  Subscription,
  SubscriptionDetail,
  SubscriptionList,
} from '@coinbook/api/contracts'
import { apiRequest } from '../../api/client'

export type { CreatePlanInput, CreateSubscriptionInput, Plan, Subscription, SubscriptionDetail }

export type SubscriptionStatus = Subscription['status']
export type PlanInterval = Plan['interval']

export type ListSubscriptionsParams = Partial<Omit<ListSubscriptionsInput, 'limit'>> & { limit?: number }

/** Which plans a list shows: live ones (the default), archived ones, or both. */
export type PlanArchivedFilter = 'true' | 'all'

export interface ListPlansParams {
  limit?: number
  cursor?: string
  archived?: PlanArchivedFilter
}

export function listPlans(params: ListPlansParams, signal?: AbortSignal): Promise<PlanList> {
  return apiRequest<PlanList>('/plans', { query: { ...params }, signal })
}

/** Archives a plan (it starts no new subscriptions; those it has go on billing) or brings it back. */
export function setPlanArchived(id: string, archived: boolean): Promise<Plan> {
  return apiRequest<Plan>(`/plans/${encodeURIComponent(id)}/${archived ? 'archive' : 'unarchive'}`, {
    method: 'POST',
  })
}

export function createPlan(input: CreatePlanInput): Promise<Plan> {
  return apiRequest<Plan>('/plans', { method: 'POST', body: input })
}

export function listSubscriptions(
  params: ListSubscriptionsParams,
  signal?: AbortSignal,
): Promise<SubscriptionList> {
  return apiRequest<SubscriptionList>('/subscriptions', { query: { ...params }, signal })
}

export function getSubscription(id: string, signal?: AbortSignal): Promise<SubscriptionDetail> {
  return apiRequest<SubscriptionDetail>(`/subscriptions/${encodeURIComponent(id)}`, { signal })
}

/** Subscribes a customer; without a trial, a subscription starting today is invoiced at once. */
export function createSubscription(input: CreateSubscriptionInput): Promise<SubscriptionDetail> {
  return apiRequest<SubscriptionDetail>('/subscriptions', { method: 'POST', body: input })
}

export function cancelSubscription(id: string, input: CancelSubscriptionInput): Promise<SubscriptionDetail> {
  return apiRequest<SubscriptionDetail>(`/subscriptions/${encodeURIComponent(id)}/cancel`, {
    method: 'POST',
    body: input,
  })
}

export function pauseSubscription(id: string): Promise<SubscriptionDetail> {
  return apiRequest<SubscriptionDetail>(`/subscriptions/${encodeURIComponent(id)}/pause`, { method: 'POST' })
}

export function resumeSubscription(id: string): Promise<SubscriptionDetail> {
  return apiRequest<SubscriptionDetail>(`/subscriptions/${encodeURIComponent(id)}/resume`, { method: 'POST' })
}
