// The tables of the customer's side (issue 11): payment links, the customer portal, avatars and ratings.
// database.ts re-exports them and lists them in Database.
import type { Generated } from 'kysely'
import type {
  DefaultTimestamp,
  Json,
  NullableNumeric,
  Numeric,
  PostalAddress,
  Timestamp,
} from './database.js'

/** (0023) A customer's uploaded avatar: the bytes as sent, of a type sniffed from them. */
export interface CustomerAvatarsTable {
  customer_id: string
  merchant_id: string
  content_type: 'image/png' | 'image/jpeg' | 'image/webp' | 'image/gif'
  size: number
  data: Uint8Array
  updated_at: DefaultTimestamp
}

/** (0023) The payer's rating of a paid invoice: one per invoice, editable. */
export interface InvoiceRatingsTable {
  invoice_id: string
  merchant_id: string
  rating: number
  comment: string | null
  created_at: DefaultTimestamp
  updated_at: DefaultTimestamp
}

/** (0021) A payment link: a public page /l/{slug} that takes a payment and creates or matches a profile. */
export interface PaymentLinksTable {
  id: string
  merchant_id: string
  slug: string
  title: string
  description: string | null
  /** In `currency`; null when the payer types the amount. */
  amount: NullableNumeric
  currency: string
  accepts: Json<{ asset: string; network: string }[]>
  collect: Json<string[]>
  max_uses: number | null
  expires_at: Timestamp | null
  disabled_at: Timestamp | null
  created_at: DefaultTimestamp
  updated_at: DefaultTimestamp
}

/** (0021) One payer's visit of a payment link: what they filled in, and the profile their payment made. */
export interface PaymentLinkSessionsTable {
  id: string
  merchant_id: string
  link_id: string
  token: string
  name: string | null
  email: string | null
  phone: string | null
  billing_address: Json<PostalAddress> | null
  amount: Numeric
  currency: string
  customer_id: string | null
  /** True: an existing profile was matched by email; false: one was created. */
  customer_matched: boolean | null
  /** When its first payment was seen. */
  paid_at: Timestamp | null
  created_at: DefaultTimestamp
}

/** (0021) The amount to pay in the coin a link's payer picked, on a target of the session's own. */
export interface PaymentLinkQuotesTable {
  id: string
  merchant_id: string
  session_id: string
  deposit_target_id: string
  asset: string
  network: string
  fiat_amount: Numeric
  amount: Numeric
  decimals: number
  rate: Numeric
  rate_source: string
  uri: string
  expires_at: Timestamp
  created_at: DefaultTimestamp
}

/** (0022) The customer portal of a merchant: on or off, and what a customer may change there. */
export interface PortalSettingsTable {
  merchant_id: string
  enabled: Generated<boolean>
  edit_contact: Generated<boolean>
  edit_billing_address: Generated<boolean>
  edit_preferred_coins: Generated<boolean>
  edit_refund_addresses: Generated<boolean>
  edit_message_preferences: Generated<boolean>
  allow_subscription_cancel: Generated<boolean>
  updated_at: DefaultTimestamp
}

/** (0022) A single-use portal link: id is the sha256 of its random part. */
export interface PortalTokensTable {
  id: string
  merchant_id: string
  customer_id: string
  purpose: 'sign_in' | 'payment_details'
  expires_at: Timestamp
  used_at: Timestamp | null
  created_at: DefaultTimestamp
}

/** (0022) A customer signed in to the portal: id is the sha256 of the cookie's token. */
export interface PortalSessionsTable {
  id: string
  merchant_id: string
  customer_id: string
  expires_at: Timestamp
  created_at: DefaultTimestamp
}

/** (0022) The latest "request payment details" sent to a customer, and when they answered it. */
export interface PaymentDetailsRequestsTable {
  customer_id: string
  merchant_id: string
  requested_at: Timestamp
  answered_at: Timestamp | null
}
