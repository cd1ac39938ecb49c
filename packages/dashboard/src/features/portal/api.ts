import { apiRequest } from '../../api/client'

/** The customer portal's wire types (the API's modules/portal/schema.ts). */
export interface PortalEditable {
  contact: boolean
  billingAddress: boolean
  preferredCoins: boolean
  refundAddresses: boolean
  messagePreferences: boolean
}

export interface PortalSettings {
  enabled: boolean
  editable: PortalEditable
  allowSubscriptionCancel: boolean
  portalUrl: string
}

export interface PostalAddress {
  line1?: string
  line2?: string
  city?: string
  state?: string
  postalCode?: string
  country?: string
}

export interface Coin {
  asset: string
  network: string
}

export interface PortalMe {
  merchant: { id: string; name: string }
  customer: {
    id: string
    name: string
    email: string | null
    phone: string | null
    company: string | null
    billingAddress: PostalAddress | null
    preferredCoins: Coin[]
  }
  settings: { editable: PortalEditable; allowSubscriptionCancel: boolean }
  paymentDetailsRequest: { customerId: string; requestedAt: string; answeredAt: string | null } | null
}

export interface PortalInvoice {
  id: string
  number: string
  status: string
  currency: string
  total: string
  amountDue: string
  dueDate: string
  payUrl: string | null
}

export interface PortalPayment {
  id: string
  status: string
  asset: string
  network: string
  amount: string
  fiatValue: string | null
  fiatCurrency: string
  txHash: string
  explorerUrl: string | null
  invoiceNumber: string | null
  detectedAt: string
}

export interface PortalSubscription {
  id: string
  planName: string
  amount: string
  currency: string
  status: string
  nextPeriodStart: string
  cancelAt: string | null
}

export interface RefundAddress {
  network: string
  address: string
  memo: string | null
}

export interface MessagePreference {
  kind: string
  label: string
  subscribed: boolean
}

export interface PaymentDetailsRequestRow {
  customerId: string
  customerName: string
  customerEmail: string | null
  requestedAt: string
  answeredAt: string | null
}

const P = '/portal'
type Data<T> = { data: T }

export const portalApi = {
  login: (merchant: string, email: string) =>
    apiRequest<void>(`${P}/login`, { method: 'POST', body: { merchant, email } }),
  enter: (merchant: string, token: string) =>
    apiRequest<PortalMe>(`${P}/session`, { method: 'POST', body: { merchant, token } }),
  logout: () => apiRequest<void>(`${P}/logout`, { method: 'POST' }),
  me: () => apiRequest<PortalMe>(`${P}/me`),
  updateProfile: (body: Record<string, unknown>) =>
    apiRequest<PortalMe>(`${P}/profile`, { method: 'PATCH', body }),
  invoices: () => apiRequest<Data<PortalInvoice[]>>(`${P}/invoices`),
  payments: () => apiRequest<Data<PortalPayment[]>>(`${P}/payments`),
  subscriptions: () => apiRequest<Data<PortalSubscription[]>>(`${P}/subscriptions`),
  cancelSubscription: (id: string) =>
    apiRequest<Data<PortalSubscription[]>>(`${P}/subscriptions/${id}/cancel`, { method: 'POST' }),
  refundAddresses: () => apiRequest<Data<RefundAddress[]>>(`${P}/refund-addresses`),
  putRefundAddress: (network: string, address: string, memo: string | null) =>
    apiRequest<RefundAddress>(`${P}/refund-addresses/${network}`, {
      method: 'PUT',
      body: memo ? { address, memo } : { address },
    }),
  messagePreferences: () => apiRequest<Data<MessagePreference[]>>(`${P}/message-preferences`),
  putMessagePreferences: (unsubscribed: string[]) =>
    apiRequest<Data<MessagePreference[]>>(`${P}/message-preferences`, {
      method: 'PUT',
      body: { unsubscribed },
    }),
  answerPaymentDetails: (body: { preferredCoins: Coin[]; refundAddress: RefundAddress }) =>
    apiRequest<PortalMe>(`${P}/payment-details`, {
      method: 'PUT',
      body: {
        preferredCoins: body.preferredCoins,
        refundAddress: {
          network: body.refundAddress.network,
          address: body.refundAddress.address,
          ...(body.refundAddress.memo ? { memo: body.refundAddress.memo } : {}),
        },
      },
    }),
}

export const portalSettingsApi = {
  get: () => apiRequest<PortalSettings>('/portal-settings'),
  update: (
    body: Partial<Omit<PortalSettings, 'portalUrl' | 'editable'>> & { editable?: Partial<PortalEditable> },
  ) => apiRequest<PortalSettings>('/portal-settings', { method: 'PATCH', body }),
  requests: (status: 'all' | 'pending' | 'answered') =>
    apiRequest<Data<PaymentDetailsRequestRow[]>>('/payment-details-requests', { query: { status } }),
  requestOne: (customerId: string) =>
    apiRequest<{ requestedAt: string; answeredAt: string | null }>(
      `/customers/${customerId}/payment-details-request`,
      { method: 'POST' },
    ),
  getOne: (customerId: string) =>
    apiRequest<{ requestedAt: string; answeredAt: string | null }>(
      `/customers/${customerId}/payment-details-request`,
    ),
}

/** The coins a customer can choose from (the API checks the pair against its registry). */
export const COINS: Coin[] = [
  { asset: 'BTC', network: 'bitcoin' },
  { asset: 'ETH', network: 'ethereum' },
  { asset: 'USDT', network: 'tron' },
  { asset: 'USDT', network: 'ethereum' },
  { asset: 'USDC', network: 'ethereum' },
  { asset: 'USDC', network: 'solana' },
  { asset: 'SOL', network: 'solana' },
  { asset: 'BNB', network: 'bsc' },
  { asset: 'TON', network: 'ton' },
]

export const NETWORKS = ['bitcoin', 'ethereum', 'bsc', 'arbitrum', 'tron', 'solana', 'ton'] as const
