import type { Checkout, CheckoutState, Quote, QuoteInput } from '@coinbook/api/contracts'
import { API_BASE, apiRequest } from '../../api/client'

export type { Checkout, CheckoutState, Quote }
export type CheckoutCoin = Checkout['accepts'][number]

const path = (token: string) => `/public/checkout/${encodeURIComponent(token)}`

/** The invoice a pay link opens; a 404 ApiProblem for an unknown or voided link. */
export function getCheckout(token: string, signal?: AbortSignal): Promise<Checkout> {
  return apiRequest<Checkout>(path(token), { signal })
}

/** Locks the amount to pay in the coin the payer picked. */
export function createCheckoutQuote(token: string, coin: QuoteInput): Promise<Quote> {
  return apiRequest<Quote>(`${path(token)}/quote`, { method: 'POST', body: coin })
}

/** The server-sent events stream of the invoice's live state. */
export function checkoutEventsUrl(token: string): string {
  return `${API_BASE}${path(token)}/events`
}

/** Nothing the payer does changes an invoice in these statuses. */
export function isSettled(status: Checkout['status'] | undefined): boolean {
  return status === 'paid' || status === 'overpaid' || status === 'void'
}
