import { API_BASE, apiRequest } from '../../api/client'

/** GET /customers/{id}/ratings, as the profile shows it. */
export interface CustomerRating {
  invoiceId: string
  invoiceNumber: string
  rating: number
  comment: string | null
  createdAt: string
  updatedAt: string
}

export interface CustomerRatings {
  average: string | null
  count: number
  data: CustomerRating[]
}

export interface Avatar {
  url: string
  contentType: string
  size: number
  updatedAt: string
}

const base = (id: string) => `/customers/${encodeURIComponent(id)}`

/** The zip download of everything held about the customer (a plain link: the browser saves it). */
export function privacyExportUrl(id: string): string {
  return `${API_BASE}${base(id)}/privacy-export`
}

export function eraseCustomer(id: string, reason?: string): Promise<{ id: string; erasedAt: string }> {
  return apiRequest(`${base(id)}/erase`, {
    method: 'POST',
    body: { confirm: true, ...(reason ? { reason } : {}) },
  })
}

/** Sends the file's bytes; the API reads the type from them (PNG, JPEG, WebP or GIF, ≤ 1 MiB). */
export function uploadAvatar(id: string, file: Blob): Promise<Avatar> {
  return apiRequest<Avatar>(`${base(id)}/avatar`, { method: 'PUT', file })
}

export function removeAvatar(id: string): Promise<void> {
  return apiRequest<void>(`${base(id)}/avatar`, { method: 'DELETE' })
}

export function listCustomerRatings(id: string, signal?: AbortSignal): Promise<CustomerRatings> {
  return apiRequest<CustomerRatings>(`${base(id)}/ratings`, { signal })
}

/** The payer's rating from the checkout page (public: the pay link's token). */
export function rateCheckout(token: string, input: { rating: number; comment?: string | null }) {
  return apiRequest<{ rating: number; comment: string | null; updatedAt: string }>(
    `/public/checkout/${encodeURIComponent(token)}/rating`,
    { method: 'PUT', body: input },
  )
}

export const AVATAR_MAX_BYTES = 1024 * 1024
export const AVATAR_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif']
