import type {
  CreatePaymentLinkInput,
  PaymentLink,
  PaymentLinkField,
  PaymentLinkSession,
  PaymentLinkStatus,
  PaymentLinkUse,
  PublicPaymentLink,
  Quote,
  QuoteInput,
  StartPaymentLinkSessionInput,
  UpdatePaymentLinkInput,
} from '@coinbook/api/contracts'
import { apiRequest } from '../../api/client'

export type {
  CreatePaymentLinkInput,
  PaymentLink,
  PaymentLinkField,
  PaymentLinkSession,
  PaymentLinkStatus,
  PaymentLinkUse,
  PublicPaymentLink,
  StartPaymentLinkSessionInput,
}

const base = '/payment-links'
const one = (id: string) => `${base}/${encodeURIComponent(id)}`

export async function listPaymentLinks(
  params: { status?: PaymentLinkStatus | undefined } = {},
  signal?: AbortSignal,
): Promise<PaymentLink[]> {
  return (await apiRequest<{ data: PaymentLink[] }>(base, { query: { ...params }, signal })).data
}

export function createPaymentLink(input: CreatePaymentLinkInput): Promise<PaymentLink> {
  return apiRequest<PaymentLink>(base, { method: 'POST', body: input })
}

export function updatePaymentLink(id: string, input: UpdatePaymentLinkInput): Promise<PaymentLink> {
  return apiRequest<PaymentLink>(one(id), { method: 'PATCH', body: input })
}

export async function listPaymentLinkUses(id: string, signal?: AbortSignal): Promise<PaymentLinkUse[]> {
  return (await apiRequest<{ data: PaymentLinkUse[] }>(`${one(id)}/uses`, { signal })).data
}

// The payer's side: no session cookie needed.

export function getPublicLink(slug: string, signal?: AbortSignal): Promise<PublicPaymentLink> {
  return apiRequest<PublicPaymentLink>(`/public/payment-links/${encodeURIComponent(slug)}`, { signal })
}

export function startPaymentLinkSession(
  slug: string,
  input: StartPaymentLinkSessionInput,
): Promise<PaymentLinkSession> {
  return apiRequest<PaymentLinkSession>(`/public/payment-links/${encodeURIComponent(slug)}/sessions`, {
    method: 'POST',
    body: input,
  })
}

const sessionPath = (token: string) => `/public/payment-link-sessions/${encodeURIComponent(token)}`

export function getPaymentLinkSession(token: string, signal?: AbortSignal): Promise<PaymentLinkSession> {
  return apiRequest<PaymentLinkSession>(sessionPath(token), { signal })
}

export function quotePaymentLinkSession(token: string, coin: QuoteInput): Promise<Quote> {
  return apiRequest<Quote>(`${sessionPath(token)}/quote`, { method: 'POST', body: coin })
}

export const FIELD_LABELS: Record<PaymentLinkField, string> = {
  name: 'Name',
  email: 'Email',
  phone: 'Phone',
  billingAddress: 'Billing address',
}

export const STATUS_LABELS: Record<PaymentLinkStatus, string> = {
  active: 'Active',
  disabled: 'Disabled',
  expired: 'Expired',
  used_up: 'Used up',
}
