import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'
import type {
  CustomerAvatarsTable,
  InvoiceRatingsTable,
  PaymentDetailsRequestsTable,
  PaymentLinkQuotesTable,
  PaymentLinkSessionsTable,
  PaymentLinksTable,
  PortalSessionsTable,
  PortalSettingsTable,
  PortalTokensTable,
} from './customer-side-tables.js'

export type Timestamp = ColumnType<Date, Date | string, Date | string>
/** A timestamp with a SQL default: optional on insert. */
export type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>
/** numeric in SQL: read as an exact decimal string, written as a string or bigint. */
export type Numeric = ColumnType<string, string | bigint | undefined, string | bigint>
export type NullableNumeric = ColumnType<
  string | null,
  string | bigint | null | undefined,
  string | bigint | null
>
export type Json<T> = ColumnType<T, string | T, string | T>

export type Role = 'owner' | 'admin' | 'viewer'
export type CustomerStatus = 'active' | 'inactive' | 'suspended'
export type CustomerType = 'individual' | 'business' | 'organization'
export type CustomerTier = 'bronze' | 'silver' | 'gold' | 'platinum'

export interface PostalAddress {
  line1?: string | undefined
  line2?: string | undefined
  city?: string | undefined
  state?: string | undefined
  postalCode?: string | undefined
  country?: string | undefined
}

export interface PaymentLimits {
  /** Decimal strings in the customer's preferred fiat. */
  perPaymentMax?: string | undefined
  monthlyMax?: string | undefined
}

export interface MerchantsTable {
  id: string
  name: string
  reporting_currency: Generated<string>
  /** (0012) ISO 3166 country the merchant trades from: local vs international customers. */
  country: ColumnType<string | null, string | null | undefined, string | null>
  /** (0015) IANA zone reminders use for customers without their own; null is UTC. */
  timezone: ColumnType<string | null, string | null | undefined, string | null>
  created_at: DefaultTimestamp
}

export interface UsersTable {
  id: string
  merchant_id: string
  email: string
  name: string | null
  password_hash: string
  role: Role
  created_at: DefaultTimestamp
}

export interface SessionsTable {
  /** sha256 of the cookie token; the token itself is never stored. */
  id: string
  user_id: string
  merchant_id: string
  expires_at: Timestamp
  created_at: DefaultTimestamp
}

export interface ApiKeysTable {
  id: string
  merchant_id: string
  name: string
  /** First characters of the key, shown in lists so a merchant can tell keys apart. */
  prefix: string
  key_hash: string
  role: Role
  created_by: string | null
  created_at: DefaultTimestamp
  last_used_at: Timestamp | null
  revoked_at: Timestamp | null
}

export interface IdempotencyKeysTable {
  merchant_id: string
  key: string
  method: string
  path: string
  request_hash: string
  status: number | null
  response: Json<unknown> | null
  created_at: DefaultTimestamp
}

export interface CustomersTable {
  id: string
  merchant_id: string
  custom_id: string | null
  name: string
  email: string | null
  phone: string | null
  company: string | null
  job_title: string | null
  billing_address: Json<PostalAddress> | null
  shipping_address: Json<PostalAddress> | null
  country: string | null
  timezone: string | null
  status: Generated<CustomerStatus>
  type: Generated<CustomerType>
  tax_id: string | null
  vat_number: string | null
  tags: Generated<string[]>
  tier: CustomerTier | null
  notes: string | null
  custom_fields: Json<Record<string, unknown>>
  preferred_fiat: string | null
  payment_terms_days: number | null
  payment_limits: Json<PaymentLimits> | null
  registration_date: ColumnType<string, string | undefined, string>
  /** (0007) Billed without the merchant's tax rates. */
  tax_exempt: Generated<boolean>
  /** (0008) Subscription and installment invoices are issued sent, not as drafts. */
  auto_send: Generated<boolean>
  source: Generated<string>
  merged_into_id: string | null
  /** (0023) Erased: a tombstone without personal data, kept for its payments and invoices. */
  erased_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  search: ColumnType<string, never, never>
  /** Generated (0002): lower-cased email without a `+tag`, and without dots for Gmail; finds duplicates. */
  email_key: ColumnType<string | null, never, never>
  /** Generated (0002): the phone's digits. */
  phone_key: ColumnType<string | null, never, never>
  created_at: DefaultTimestamp
  updated_at: DefaultTimestamp
  deleted_at: Timestamp | null
}

export interface CustomerPreferencesTable {
  customer_id: string
  merchant_id: string
  /** 0 is the default method. */
  position: number
  asset: string
  network: string
}

export interface CustomerStatsTable {
  customer_id: string
  merchant_id: string
  /** In the merchant's reporting currency, exact. */
  lifetime_value: Numeric
  payment_count: Generated<number>
  first_payment_at: Timestamp | null
  last_payment_at: Timestamp | null
  updated_at: DefaultTimestamp
  // (0011) The metrics of modules/analytics/metrics.ts, kept with the payments and invoices they come from.
  success_rate: NullableNumeric
  avg_days_to_pay: NullableNumeric
  on_time_rate: NullableNumeric
  median_interval_days: NullableNumeric
  payments_per_30d: NullableNumeric
  top_asset: ColumnType<string | null, string | null | undefined, string | null>
  top_network: ColumnType<string | null, string | null | undefined, string | null>
  invoices_paid_count: Generated<number>
  invoices_settled_count: Generated<number>
  paid_on_time_count: Generated<number>
}

/** (0011) A customer's confirmed payments per (asset, network): the coin mix. */
export interface CustomerAssetStatsTable {
  customer_id: string
  merchant_id: string
  asset: string
  network: string
  payment_count: number
  /** In the asset's units (base units ÷ 10^decimals), exact. */
  volume: Numeric
  /** In the merchant's reporting currency. */
  fiat_value: Numeric
}

export interface AuditLogTable {
  id: string
  merchant_id: string
  actor_type: 'user' | 'api_key' | 'system'
  actor_id: string | null
  action: string
  subject_type: string
  subject_id: string
  data: Json<Record<string, unknown>>
  created_at: DefaultTimestamp
}

export type PaymentStatus = 'pending' | 'confirmed' | 'failed' | 'reorged'

export interface WalletsTable {
  id: string
  merchant_id: string
  network: string
  xpub: string | null
  scheme: string | null
  /** Solana/TON receiving wallet, normalised (what transfers are matched on). */
  address: string | null
  /** The wallet address as the merchant gave it. */
  display_address: string | null
  next_index: Generated<number>
  created_at: DefaultTimestamp
  retired_at: Timestamp | null
}

export interface DepositTargetsTable {
  id: string
  merchant_id: string
  /** Null (0021) only for a payment link session's quote target before its first payment. */
  customer_id: string | null
  network: string
  /** Normalised: what the watchers compare. */
  address: string
  display_address: string
  memo: string | null
  reference: string | null
  wallet_id: string | null
  derivation_index: number | null
  derivation_path: string | null
  source: 'derived' | 'attached'
  /** (0007) The invoice whose quote this target was allocated for; null for the customer's own targets. */
  invoice_id: ColumnType<string | null, string | null | undefined, string | null>
  created_at: DefaultTimestamp
}

export interface PaymentsTable {
  id: string
  merchant_id: string
  customer_id: string | null
  deposit_target_id: string | null
  network: string
  asset: string
  tx_hash: string
  event_index: number
  from_address: string | null
  to_address: string
  contract: string | null
  memo: string | null
  reference: string | null
  /** Base units of the asset. */
  amount: Numeric
  decimals: number
  fiat_currency: string
  fiat_value: NullableNumeric
  rate: NullableNumeric
  rate_source: string | null
  /** bigint in SQL; block numbers fit a JS number for every chain here. */
  block_number: ColumnType<number | null, number | bigint | null | undefined, number | bigint | null>
  block_hash: string | null
  block_time: Timestamp | null
  confirmations: Generated<number>
  status: PaymentStatus
  counted: Generated<boolean>
  /** (0007) The invoice the payment was applied to (it paid one of the invoice's quotes). */
  invoice_id: ColumnType<string | null, string | null | undefined, string | null>
  /** (0013) The transaction's network fee in base units of the network's native asset, when the chain told it. */
  network_fee: ColumnType<string | null, string | bigint | null | undefined, string | bigint | null>
  /** (0013) How the payment found its customer; null while it has none. */
  matched_by: ColumnType<MatchedBy | null, MatchedBy | null | undefined, MatchedBy | null>
  detected_at: DefaultTimestamp
  confirmed_at: Timestamp | null
  updated_at: DefaultTimestamp
}

/**
 * address: the customer's own deposit address; reference / memo: their Solana Pay reference or TON comment;
 * quote: the exact amount of one open invoice quote; sender: a wallet known for this customer alone;
 * manual: assigned by the merchant.
 */
export type MatchedBy = 'address' | 'reference' | 'memo' | 'quote' | 'sender' | 'manual'

/** (0013) A wallet a customer paid from (learned) or the merchant added (manual). */
export interface PayerWalletsTable {
  id: string
  merchant_id: string
  customer_id: string
  network: string
  /** Normalised: what a payment's sender is compared with. */
  address: string
  display_address: string
  label: string | null
  source: 'learned' | 'manual'
  /** Seen for several customers, or marked so: never used to recognise anyone. */
  shared: Generated<boolean>
  payment_count: Generated<number>
  first_seen_at: Timestamp | null
  last_seen_at: Timestamp | null
  created_at: DefaultTimestamp
  updated_at: DefaultTimestamp
}

/** (0013) Where to send a customer's refund on a network. */
export interface RefundAddressesTable {
  id: string
  merchant_id: string
  customer_id: string
  network: string
  address: string
  display_address: string
  /** TON comment an exchange needs to credit the refund. */
  memo: string | null
  created_at: DefaultTimestamp
  updated_at: DefaultTimestamp
}

/** (0019) A refund the merchant sent back for a payment (a confirmed payment of a customer). */
export interface RefundsTable {
  id: string
  merchant_id: string
  payment_id: string
  /** Base units of the payment's asset. */
  amount: Numeric
  /** The payment's fiat value pro rata, in the payment's fiat currency; null when the payment has none. */
  fiat_value: NullableNumeric
  /** Normalised for the payment's network. */
  address: string
  display_address: string
  /** TON: the comment the refund carried. */
  memo: string | null
  /** The refund's own transaction, when the merchant gave it. */
  tx_hash: string | null
  note: string | null
  actor_type: 'user' | 'api_key' | 'system'
  actor_id: string | null
  created_at: DefaultTimestamp
}

/** (0013) An address on a derived network (EVM, Bitcoin, Tron) the merchant gives to everyone. */
export interface SharedReceivingAddressesTable {
  id: string
  merchant_id: string
  network: string
  address: string
  display_address: string
  label: string | null
  created_at: DefaultTimestamp
}

export interface ChainCursorsTable {
  network: string
  block_number: ColumnType<number, number | bigint, number | bigint>
  block_hash: string
  /** The last blocks scans ended on, newest first. */
  checkpoints: ColumnType<Checkpoint[], string | undefined, string>
  lease_until: Timestamp | null
  updated_at: DefaultTimestamp
}

/** Where the scan of one merchant wallet (Solana, TON) has got to. */
export interface WalletCursorsTable {
  wallet_id: string
  /** The adapter's opaque cursor; null before the first page. */
  cursor: string | null
  lease_until: Timestamp | null
  updated_at: DefaultTimestamp
}

export type ImportStatus = 'queued' | 'running' | 'validated' | 'completed' | 'failed'
export type ImportFormat = 'csv' | 'jsonl' | 'json'

export interface CustomerImportsTable {
  id: string
  merchant_id: string
  actor_type: 'user' | 'api_key' | 'system'
  actor_id: string | null
  status: ImportStatus
  dry_run: boolean
  format: ImportFormat
  file_name: string | null
  /** How the upload's bytes are read: 'utf-8' or 'windows-1252'. */
  encoding: string | null
  delimiter: string | null
  /** The import's options (mode, matchBy, onError, mapping), as the API validated them. */
  options: Json<Record<string, unknown>>
  /** How the file's columns were understood (CSV). */
  columns: Json<unknown[]> | null
  bytes: ColumnType<number, number | undefined, number>
  total_rows: number | null
  processed_rows: Generated<number>
  phase: 'reading' | 'writing' | null
  counts: ColumnType<Record<string, number>, string | undefined, string>
  error_count: Generated<number>
  failure: Json<{ code: string; message: string }> | null
  created_at: DefaultTimestamp
  started_at: Timestamp | null
  finished_at: Timestamp | null
  updated_at: DefaultTimestamp
}

export interface CustomerImportChunksTable {
  import_id: string
  seq: number
  data: Uint8Array
}

export interface CustomerImportErrorsTable {
  seq: Generated<number>
  import_id: string
  /** The line of the file the row starts on (CSV, JSON Lines) or the item's position (JSON array). */
  line: number
  column_name: string | null
  field: string | null
  value: string | null
  message: string
}

/** A validated row waiting for the import's write (unlogged scratch space). */
export interface CustomerImportRowsTable {
  import_id: string
  line: number
  id: string
  /** Which fields the row sets (bits of IMPORT_FIELD_BITS); the others stay as they are on an update. */
  mask: number
  name: string | null
  custom_id: string | null
  email: string | null
  phone: string | null
  company: string | null
  job_title: string | null
  billing_address: Json<PostalAddress> | null
  shipping_address: Json<PostalAddress> | null
  country: string | null
  timezone: string | null
  status: string | null
  type: string | null
  tax_id: string | null
  vat_number: string | null
  tags: string[] | null
  tier: string | null
  notes: string | null
  custom_fields: Json<Record<string, unknown>> | null
  /** Custom fields to set (from columns such as "Company ID") and to remove (their empty cells). */
  cf_set: Json<Record<string, unknown>> | null
  cf_unset: string[] | null
  preferred_fiat: string | null
  payment_terms_days: number | null
  payment_limits: Json<PaymentLimits> | null
  registration_date: string | null
  preferred_coins: Json<{ asset: string; network: string }[]> | null
  action: 'create' | 'update' | 'skip' | 'error' | null
  target_id: string | null
}

export type InvoiceStatus = 'draft' | 'open' | 'partially_paid' | 'paid' | 'overpaid' | 'void'

export interface InvoiceSettingsTable {
  merchant_id: string
  number_prefix: Generated<string>
  next_number: Generated<number>
  underpayment_tolerance_percent: Numeric
  /** A payment to a customer's stable address pays their oldest open invoice. */
  apply_stable_payments: Generated<boolean>
  updated_at: DefaultTimestamp
}

export interface TaxRatesTable {
  id: string
  merchant_id: string
  name: string
  percentage: Numeric
  created_at: DefaultTimestamp
  archived_at: Timestamp | null
}

export interface InvoicesTable {
  id: string
  merchant_id: string
  /** (0010) When invoice.overdue was recorded: once per invoice. */
  overdue_event_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  customer_id: string
  number: string
  status: InvoiceStatus
  currency: string
  subtotal: Numeric
  tax_total: Numeric
  total: Numeric
  amount_paid: Numeric
  issue_date: string
  due_date: string
  accepts: Json<{ asset: string; network: string }[]>
  memo: string | null
  pay_token: string | null
  paid_late: Generated<boolean>
  sent_at: Timestamp | null
  paid_at: Timestamp | null
  voided_at: Timestamp | null
  created_at: DefaultTimestamp
  updated_at: DefaultTimestamp
  installment_plan_id: ColumnType<string | null, string | null | undefined, string | null>
  /** 1-based position in its installment plan. */
  installment_index: ColumnType<number | null, number | null | undefined, number | null>
}

export interface InvoiceLinesTable {
  id: string
  invoice_id: string
  position: number
  description: string
  quantity: Numeric
  unit_amount: Numeric
  amount: Numeric
  tax_rate_id: string | null
  tax_name: string | null
  tax_percentage: NullableNumeric
}

export interface InvoiceQuotesTable {
  id: string
  merchant_id: string
  invoice_id: string
  deposit_target_id: string
  asset: string
  network: string
  /** What the quote covers, in the invoice's currency. */
  fiat_amount: Numeric
  /** Base units of the asset. */
  amount: Numeric
  decimals: number
  rate: Numeric
  rate_source: string
  uri: string
  expires_at: Timestamp
  created_at: DefaultTimestamp
}

export interface InvoicePaymentsTable {
  id: string
  merchant_id: string
  invoice_id: string
  method: 'onchain' | 'offchain' | 'credit'
  payment_id: string | null
  quote_id: string | null
  /** In the invoice's currency; null while an on-chain payment has no rate. */
  amount: NullableNumeric
  rate: NullableNumeric
  late: Generated<boolean>
  note: string | null
  actor_type: 'user' | 'api_key' | 'system'
  actor_id: string | null
  created_at: DefaultTimestamp
}

export interface InvoiceEventsTable {
  id: string
  invoice_id: string
  from_status: InvoiceStatus | null
  to_status: InvoiceStatus
  reason: string
  at: Timestamp
}

export interface CustomerCreditEntriesTable {
  id: string
  merchant_id: string
  customer_id: string
  currency: string
  /** Signed: excess adds, applied subtracts. */
  amount: Numeric
  kind: 'excess' | 'applied'
  invoice_id: string | null
  created_at: DefaultTimestamp
}

export type PlanInterval = 'day' | 'week' | 'month' | 'quarter' | 'year'
export type SubscriptionStatus = 'trialing' | 'active' | 'past_due' | 'paused' | 'canceled'

export interface PlansTable {
  id: string
  merchant_id: string
  name: string
  amount: Numeric
  currency: string
  interval: PlanInterval
  interval_count: number
  trial_days: number
  created_at: DefaultTimestamp
  archived_at: Timestamp | null
}

export interface SubscriptionsTable {
  id: string
  merchant_id: string
  customer_id: string
  plan_id: string
  status: SubscriptionStatus
  start_date: string
  trial_end: string | null
  /** Start of period 0; period n starts n intervals later, counted from here. */
  anchor_date: string
  /** The next period to issue. */
  period_index: Generated<number>
  next_period_start: string
  cancel_at: string | null
  canceled_at: Timestamp | null
  cancel_reason: 'requested' | 'period_end' | 'unpaid' | null
  paused_at: Timestamp | null
  past_due_at: Timestamp | null
  created_at: DefaultTimestamp
  updated_at: DefaultTimestamp
}

export interface SubscriptionPeriodsTable {
  subscription_id: string
  period_start: string
  period_end: string
  period_index: number
  invoice_id: string
  created_at: DefaultTimestamp
}

export interface InstallmentPlansTable {
  id: string
  merchant_id: string
  customer_id: string
  currency: string
  subtotal: Numeric
  tax_total: Numeric
  total: Numeric
  count: number
  interval: 'week' | 'month'
  first_due_date: string
  created_at: DefaultTimestamp
}

/** (0012) A merchant's own segment: a rule tree (modules/segments/rule.ts) over its customers. */
export interface SegmentsTable {
  id: string
  merchant_id: string
  name: string
  description: string | null
  rule: Json<unknown>
  created_at: DefaultTimestamp
  updated_at: DefaultTimestamp
}

/** (0012) The built-in segments' thresholds a merchant changed (modules/segments/settings.ts). */
export interface SegmentSettingsTable {
  merchant_id: string
  settings: Json<Record<string, unknown>>
  updated_at: DefaultTimestamp
}

export type BulkActionKind =
  | 'addTags'
  | 'removeTags'
  | 'setTier'
  | 'setStatus'
  | 'delete'
  | 'export'
  | 'sendMessage'
  | 'requestPaymentDetails'
export type BulkActionStatus = 'queued' | 'running' | 'completed' | 'failed'

/** (0012) An action on many customers, run as a job in id-ordered batches. */
export interface BulkActionsTable {
  id: string
  merchant_id: string
  actor_type: 'user' | 'api_key' | 'system'
  actor_id: string | null
  action: BulkActionKind
  selection: Json<Record<string, unknown>>
  params: Json<Record<string, unknown>>
  status: BulkActionStatus
  matched: number
  total: number | null
  processed: Generated<number>
  changed: Generated<number>
  /** (0018) sendMessage: customers it could not reach (no email, unsubscribed, deleted meanwhile). */
  skipped: Generated<number>
  cursor: string | null
  failure: Json<{ code: string; message: string }> | null
  created_at: DefaultTimestamp
  started_at: Timestamp | null
  finished_at: Timestamp | null
  updated_at: DefaultTimestamp
}

export interface BulkActionItemsTable {
  bulk_action_id: string
  customer_id: string
}

export interface BulkActionChunksTable {
  bulk_action_id: string
  seq: number
  data: Uint8Array
}

export interface Checkpoint {
  number: string
  hash: string
}

/** One domain event (modules/events/types.ts lists the types), written with the change that caused it. */
export interface EventsTable {
  id: string
  merchant_id: string
  type: string
  subject_id: string | null
  data: Json<Record<string, unknown>>
  created_at: DefaultTimestamp
}

export type WebhookDeliveryStatus = 'pending' | 'succeeded' | 'failed'
export type WebhookAttemptTrigger = 'schedule' | 'replay' | 'test'

export interface WebhookEndpointsTable {
  id: string
  merchant_id: string
  url: string
  description: string | null
  event_types: string[]
  enabled: Generated<boolean>
  disabled_reason: string | null
  disabled_at: Date | null
  /** whsec_… as stored: `plain:` or `aes256gcm:` (WEBHOOKS_SECRET_KEY) — see webhooks/secrets.ts. */
  secret: string
  previous_secret: string | null
  previous_secret_expires_at: Date | null
  failing_since: Date | null
  created_at: DefaultTimestamp
  updated_at: DefaultTimestamp
}

export interface WebhookDeliveriesTable {
  id: string
  merchant_id: string
  endpoint_id: string
  event_id: string
  event_type: string
  payload: Json<Record<string, unknown>> | null
  status: ColumnType<WebhookDeliveryStatus, WebhookDeliveryStatus | undefined, WebhookDeliveryStatus>
  attempts: Generated<number>
  next_attempt_at: DefaultTimestamp
  last_status_code: number | null
  last_error: string | null
  created_at: DefaultTimestamp
  delivered_at: Date | null
}

export interface WebhookAttemptsTable {
  id: string
  delivery_id: string
  attempt: number
  trigger: WebhookAttemptTrigger
  started_at: Timestamp
  status_code: number | null
  latency_ms: number
  response_excerpt: string | null
  error: string | null
}

export type MessageStatus = 'queued' | 'sent' | 'failed' | 'suppressed'

/** (0014) The communication log and mail outbox: one row per message, rendered when queued. */
export interface MessagesTable {
  id: string
  merchant_id: string
  customer_id: string | null
  kind: string
  channel: Generated<string>
  to_address: string | null
  subject: string
  html: string
  text: string
  /** Extra mail headers (List-Unsubscribe…), as sent. */
  headers: Json<Record<string, string>>
  status: MessageStatus
  suppressed_reason: string | null
  attempts: Generated<number>
  /** The SMTP server's reply to the last failed attempt. */
  last_error: string | null
  dedupe_key: string | null
  invoice_id: string | null
  payment_id: string | null
  subscription_id: string | null
  resent_from_id: ColumnType<string | null, string | null | undefined, string | null>
  /** Not sent before; a failed attempt moves it by the backoff. */
  send_after: DefaultTimestamp
  /** A sender's claim; once past, another sender may take the row (a killed worker's claim expires). */
  lease_until: Timestamp | null
  created_at: DefaultTimestamp
  sent_at: Timestamp | null
  updated_at: DefaultTimestamp
}

/** (0014) A merchant's edits of a kind's default email template. */
export interface EmailTemplatesTable {
  merchant_id: string
  kind: string
  subject: string
  blocks: Json<Record<string, string>>
  updated_at: DefaultTimestamp
}

/** (0014) Sender name, reply-to and the welcome mail switch, per merchant. */
export interface EmailSettingsTable {
  merchant_id: string
  sender_name: string | null
  reply_to: string | null
  welcome_enabled: Generated<boolean>
  updated_at: DefaultTimestamp
}

/** (0014) A customer unsubscribed from one kind of message. */
export interface MessageOptOutsTable {
  customer_id: string
  kind: string
  merchant_id: string
  created_at: DefaultTimestamp
}

/** (0014) Server-side keys kept in the database (the unsubscribe-link key when COINBOOK_SECRET is unset). */
export interface InstanceSecretsTable {
  name: string
  value: string
  created_at: DefaultTimestamp
}

/** (0015) A reminder policy: the merchant's (customer_id null) or a customer's override. */
export interface ReminderPoliciesTable {
  id: string
  merchant_id: string
  customer_id: string | null
  /** modules/reminders/policy.ts: ReminderStep[]. */
  steps: Json<unknown>
  renewal_notice_days: number | null
  updated_at: DefaultTimestamp
}

/** (0015) One reminder step decided for an invoice or a subscription period: its exactly-once key. */
export interface ReminderSendsTable {
  id: string
  merchant_id: string
  invoice_id: string | null
  subscription_id: string | null
  step_key: string
  kind: string
  status: 'sent' | 'skipped'
  due_at: Timestamp
  message_id: string | null
  created_at: DefaultTimestamp
}

export * from './customer-side-tables.js'

export interface Database {
  merchants: MerchantsTable
  users: UsersTable
  sessions: SessionsTable
  api_keys: ApiKeysTable
  idempotency_keys: IdempotencyKeysTable
  customers: CustomersTable
  customer_preferences: CustomerPreferencesTable
  customer_stats: CustomerStatsTable
  customer_asset_stats: CustomerAssetStatsTable
  audit_log: AuditLogTable
  wallets: WalletsTable
  deposit_targets: DepositTargetsTable
  payments: PaymentsTable
  chain_cursors: ChainCursorsTable
  customer_imports: CustomerImportsTable
  customer_import_chunks: CustomerImportChunksTable
  customer_import_errors: CustomerImportErrorsTable
  customer_import_rows: CustomerImportRowsTable
  wallet_cursors: WalletCursorsTable
  invoice_settings: InvoiceSettingsTable
  tax_rates: TaxRatesTable
  invoices: InvoicesTable
  invoice_lines: InvoiceLinesTable
  invoice_quotes: InvoiceQuotesTable
  invoice_payments: InvoicePaymentsTable
  invoice_events: InvoiceEventsTable
  customer_credit_entries: CustomerCreditEntriesTable
  plans: PlansTable
  subscriptions: SubscriptionsTable
  subscription_periods: SubscriptionPeriodsTable
  installment_plans: InstallmentPlansTable
  payer_wallets: PayerWalletsTable
  refund_addresses: RefundAddressesTable
  refunds: RefundsTable
  shared_receiving_addresses: SharedReceivingAddressesTable
  segments: SegmentsTable
  segment_settings: SegmentSettingsTable
  bulk_actions: BulkActionsTable
  bulk_action_items: BulkActionItemsTable
  bulk_action_chunks: BulkActionChunksTable
  events: EventsTable
  messages: MessagesTable
  email_templates: EmailTemplatesTable
  email_settings: EmailSettingsTable
  message_opt_outs: MessageOptOutsTable
  instance_secrets: InstanceSecretsTable
  webhook_endpoints: WebhookEndpointsTable
  webhook_deliveries: WebhookDeliveriesTable
  webhook_attempts: WebhookAttemptsTable
  reminder_policies: ReminderPoliciesTable
  reminder_sends: ReminderSendsTable
  payment_links: PaymentLinksTable
  payment_link_sessions: PaymentLinkSessionsTable
  payment_link_quotes: PaymentLinkQuotesTable
  customer_avatars: CustomerAvatarsTable
  invoice_ratings: InvoiceRatingsTable
  portal_settings: PortalSettingsTable
  portal_tokens: PortalTokensTable
  portal_sessions: PortalSessionsTable
  payment_details_requests: PaymentDetailsRequestsTable
}

export type Customer = Selectable<CustomersTable>
export type NewCustomer = Insertable<CustomersTable>
export type CustomerUpdate = Updateable<CustomersTable>
