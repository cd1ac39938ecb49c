/**
 * The API's request and response types, for clients such as the dashboard. Type-only: importing this
 * module pulls no server code into a bundle.
 */
import type { z } from 'zod'
import type {
  agingSchema,
  analyticsQuery,
  cohortsSchema,
  customerMetricsSchema,
  overviewSchema,
  revenueSchema,
} from './modules/analytics/schema.js'
import type { apiKeySchema, createApiKeyBody, createdApiKeySchema } from './modules/api-keys/schema.js'
import type { loginBody, meResponse, signupBody } from './modules/auth/schema.js'
import type { checkoutSchema, checkoutStateSchema } from './modules/checkout/schema.js'
import type {
  auditEntrySchema,
  auditListSchema,
  createCustomerBody,
  customerListItemSchema,
  customerListSchema,
  customerSchema,
  duplicateGroupSchema,
  listCustomersQuery,
  mergeCustomerBody,
  updateCustomerBody,
} from './modules/customers/schema.js'
import type { createDepositTargetBody, depositTargetSchema } from './modules/deposit-targets/schema.js'
import type { ImportField } from './modules/imports/columns.js'
import type { customerImportSchema, runImportBody } from './modules/imports/schema.js'
import type {
  chargeBody,
  chargeResponse,
  createInvoiceBody,
  customerBillingSchema,
  installmentPlanSchema,
  invoiceListSchema,
  invoiceSchema,
  invoiceSettingsSchema,
  invoiceSummarySchema,
  listInvoicesQuery,
  quoteBody,
  quoteSchema,
  recordPaymentBody,
  updateCustomerBillingBody,
  updateInvoiceBody,
  updateInvoiceSettingsBody,
} from './modules/invoices/schema.js'
import type { createMemberBody, memberSchema } from './modules/members/schema.js'
import type { MessageKind } from './modules/messages/kinds.js'
import type {
  customMessageBody,
  emailSettingsSchema,
  emailTemplateSchema,
  listMessagesQuery,
  messageDetailSchema,
  messageListSchema,
  messageSchema,
  previewSchema,
  previewTemplateBody,
  updateEmailSettingsBody,
  updateTemplateBody,
} from './modules/messages/schema.js'
import type {
  addPayerWalletBody,
  payerWalletSchema,
  paymentMethodsSchema,
  putRefundAddressBody,
  refundAddressSchema,
  updatePayerWalletBody,
} from './modules/payment-methods/schema.js'
import type {
  assignPaymentBody,
  listPaymentsQuery,
  paymentListSchema,
  paymentSchema,
  verifyPaymentBody,
  verifyPaymentResponse,
} from './modules/payments/schema.js'
import type {
  createRefundBody,
  paymentDetailSchema,
  refundListSchema,
  refundSchema,
} from './modules/refunds/schema.js'
import type { networkStatusSchema } from './modules/status/schema.js'
import type {
  cancelSubscriptionBody,
  createPlanBody,
  createSubscriptionBody,
  listSubscriptionsQuery,
  planListSchema,
  planSchema,
  subscriptionDetailSchema,
  subscriptionListSchema,
  subscriptionSchema,
} from './modules/subscriptions/schema.js'
import type { createTaxRateBody, taxRateSchema } from './modules/tax-rates/schema.js'
import type { timelineItemSchema, timelineSchema } from './modules/timeline/schema.js'
import type { putWalletBody, walletSchema } from './modules/wallets/schema.js'

export type { ErrorCode, FieldError } from './errors.js'
export type { Problem } from './http/problem-document.js'

export type Me = z.infer<typeof meResponse>
export type SignupInput = z.input<typeof signupBody>
export type LoginInput = z.input<typeof loginBody>
export type ApiKey = z.infer<typeof apiKeySchema>
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>
export type CreateApiKeyInput = z.input<typeof createApiKeyBody>
export type Member = z.infer<typeof memberSchema>
export type CreateMemberInput = z.input<typeof createMemberBody>
export type CustomerDto = z.infer<typeof customerSchema>
export type CustomerList = z.infer<typeof customerListSchema>
export type CustomerListItem = z.infer<typeof customerListItemSchema>
export type CreateCustomerInput = z.input<typeof createCustomerBody>
export type UpdateCustomerInput = z.input<typeof updateCustomerBody>
export type ListCustomersInput = z.input<typeof listCustomersQuery>
export type MergeCustomerInput = z.input<typeof mergeCustomerBody>
export type DuplicateGroup = z.infer<typeof duplicateGroupSchema>
export type AuditEntry = z.infer<typeof auditEntrySchema>
export type AuditList = z.infer<typeof auditListSchema>
export type Timeline = z.infer<typeof timelineSchema>
export type TimelineItem = z.infer<typeof timelineItemSchema>
export type { TimelineKind } from './modules/timeline/schema.js'
export type Wallet = z.infer<typeof walletSchema>
export type NetworkStatus = z.infer<typeof networkStatusSchema>
export type PutWalletInput = z.input<typeof putWalletBody>
export type DepositTarget = z.infer<typeof depositTargetSchema>
export type CreateDepositTargetInput = z.input<typeof createDepositTargetBody>
export type PaymentMethods = z.infer<typeof paymentMethodsSchema>
export type PayerWallet = z.infer<typeof payerWalletSchema>
export type AddPayerWalletInput = z.input<typeof addPayerWalletBody>
export type UpdatePayerWalletInput = z.input<typeof updatePayerWalletBody>
export type RefundAddress = z.infer<typeof refundAddressSchema>
export type PutRefundAddressInput = z.input<typeof putRefundAddressBody>
export type Payment = z.infer<typeof paymentSchema>
export type PaymentList = z.infer<typeof paymentListSchema>
export type ListPaymentsInput = z.input<typeof listPaymentsQuery>
export type VerifyPaymentInput = z.input<typeof verifyPaymentBody>
export type VerifyPaymentResult = z.infer<typeof verifyPaymentResponse>
export type AssignPaymentInput = z.input<typeof assignPaymentBody>
export type PaymentDetail = z.infer<typeof paymentDetailSchema>
export type Refund = z.infer<typeof refundSchema>
export type RefundList = z.infer<typeof refundListSchema>
export type CreateRefundInput = z.input<typeof createRefundBody>
export type CustomerImport = z.infer<typeof customerImportSchema>
export type RunImportInput = z.input<typeof runImportBody>
export type { ImportField }
export type Invoice = z.infer<typeof invoiceSchema>
export type InvoiceSummary = z.infer<typeof invoiceSummarySchema>
export type InvoiceList = z.infer<typeof invoiceListSchema>
export type CreateInvoiceInput = z.input<typeof createInvoiceBody>
export type UpdateInvoiceInput = z.input<typeof updateInvoiceBody>
export type ListInvoicesInput = z.input<typeof listInvoicesQuery>
export type RecordInvoicePaymentInput = z.input<typeof recordPaymentBody>
export type InstallmentPlan = z.infer<typeof installmentPlanSchema>
export type InvoiceSettings = z.infer<typeof invoiceSettingsSchema>
export type UpdateInvoiceSettingsInput = z.input<typeof updateInvoiceSettingsBody>
export type UpdateCustomerBillingInput = z.input<typeof updateCustomerBillingBody>
export type TaxRate = z.infer<typeof taxRateSchema>
export type CreateTaxRateInput = z.input<typeof createTaxRateBody>
export type Plan = z.infer<typeof planSchema>
export type PlanList = z.infer<typeof planListSchema>
export type CreatePlanInput = z.input<typeof createPlanBody>
export type Subscription = z.infer<typeof subscriptionSchema>
export type SubscriptionDetail = z.infer<typeof subscriptionDetailSchema>
export type SubscriptionList = z.infer<typeof subscriptionListSchema>
export type CreateSubscriptionInput = z.input<typeof createSubscriptionBody>
export type ListSubscriptionsInput = z.input<typeof listSubscriptionsQuery>
export type CancelSubscriptionInput = z.input<typeof cancelSubscriptionBody>
export type Quote = z.infer<typeof quoteSchema>
export type QuoteInput = z.input<typeof quoteBody>
export type Checkout = z.infer<typeof checkoutSchema>
export type CheckoutState = z.infer<typeof checkoutStateSchema>
export type ChargeInput = z.input<typeof chargeBody>
export type ChargeResult = z.infer<typeof chargeResponse>
export type CustomerBilling = z.infer<typeof customerBillingSchema>
export type CustomerMetrics = z.infer<typeof customerMetricsSchema>
export type CustomerDetail = CustomerDto & { metrics: CustomerMetrics }
export type AnalyticsQueryInput = z.input<typeof analyticsQuery>
export type AnalyticsOverview = z.infer<typeof overviewSchema>
export type AnalyticsRevenue = z.infer<typeof revenueSchema>
export type AnalyticsCohorts = z.infer<typeof cohortsSchema>
export type AnalyticsAging = z.infer<typeof agingSchema>
export type { MessageKind }
export type Message = z.infer<typeof messageSchema>
export type MessageDetail = z.infer<typeof messageDetailSchema>
export type MessageList = z.infer<typeof messageListSchema>
export type ListMessagesInput = z.input<typeof listMessagesQuery>
export type CustomMessageInput = z.input<typeof customMessageBody>
export type EmailTemplate = z.infer<typeof emailTemplateSchema>
export type UpdateEmailTemplateInput = z.input<typeof updateTemplateBody>
export type PreviewEmailTemplateInput = z.input<typeof previewTemplateBody>
export type EmailPreview = z.infer<typeof previewSchema>
export type EmailSettings = z.infer<typeof emailSettingsSchema>
export type UpdateEmailSettingsInput = z.input<typeof updateEmailSettingsBody>

// Segments and bulk actions (modules/segments, modules/bulk-actions).
export type Segment = z.infer<typeof import('./modules/segments/schema.js').segmentSchema>
export type SegmentPreview = z.infer<typeof import('./modules/segments/schema.js').segmentPreviewSchema>
export type SegmentCount = z.infer<typeof import('./modules/segments/schema.js').segmentCountSchema>
export type BuiltinSegment = z.infer<typeof import('./modules/segments/schema.js').builtinSegmentSchema>
export type SegmentField = z.infer<typeof import('./modules/segments/schema.js').segmentFieldSchema>
export type BulkAction = z.infer<typeof import('./modules/bulk-actions/schema.js').bulkActionSchema>
export type CreateBulkActionInput = z.input<
  typeof import('./modules/bulk-actions/schema.js').createBulkActionBody
>
export type BulkMessagePreviewInput = z.input<
  typeof import('./modules/bulk-actions/schema.js').bulkMessagePreviewBody
>
export type BulkMessagePreview = z.infer<
  typeof import('./modules/bulk-actions/schema.js').bulkMessagePreviewSchema
>

// Webhooks (modules/webhooks).
export type WebhookEventType = import('./modules/events/types.js').EventType
export type WebhookEndpoint = z.infer<typeof import('./modules/webhooks/schema.js').endpointSchema>
export type WebhookEndpointWithSecret = z.infer<
  typeof import('./modules/webhooks/schema.js').endpointWithSecretSchema
>
export type CreateWebhookEndpointInput = z.input<
  typeof import('./modules/webhooks/schema.js').createEndpointBody
>
export type UpdateWebhookEndpointInput = z.input<
  typeof import('./modules/webhooks/schema.js').updateEndpointBody
>
export type WebhookDelivery = z.infer<typeof import('./modules/webhooks/schema.js').deliverySchema>
export type WebhookDeliveryDetail = z.infer<
  typeof import('./modules/webhooks/schema.js').deliveryDetailSchema
>
export type WebhookDeliveryList = z.infer<typeof import('./modules/webhooks/schema.js').deliveryListSchema>
export type WebhookAttempt = z.infer<typeof import('./modules/webhooks/schema.js').attemptSchema>
export type ListWebhookDeliveriesInput = z.input<
  typeof import('./modules/webhooks/schema.js').listDeliveriesQuery
>

import type {
  customerReminderPolicySchema,
  reminderPolicySchema,
  setCustomerReminderPolicyBody,
  updateReminderPolicyBody,
} from './modules/reminders/schema.js'

export type ReminderPolicy = z.infer<typeof reminderPolicySchema>
export type ReminderStep = ReminderPolicy['steps'][number]
export type UpdateReminderPolicyInput = z.input<typeof updateReminderPolicyBody>
export type CustomerReminderPolicy = z.infer<typeof customerReminderPolicySchema>
export type SetCustomerReminderPolicyInput = z.input<typeof setCustomerReminderPolicyBody>

// Payment links (modules/payment-links).
type PaymentLinkSchemas = typeof import('./modules/payment-links/schema.js')
export type PaymentLink = z.infer<PaymentLinkSchemas['paymentLinkSchema']>
export type PaymentLinkStatus = z.infer<PaymentLinkSchemas['paymentLinkStatus']>
export type PaymentLinkField = z.infer<PaymentLinkSchemas['collectField']>
export type PaymentLinkUse = z.infer<PaymentLinkSchemas['paymentLinkUseSchema']>
export type CreatePaymentLinkInput = z.input<PaymentLinkSchemas['createPaymentLinkBody']>
export type UpdatePaymentLinkInput = z.input<PaymentLinkSchemas['updatePaymentLinkBody']>
export type PublicPaymentLink = z.infer<PaymentLinkSchemas['publicPaymentLinkSchema']>
export type StartPaymentLinkSessionInput = z.input<PaymentLinkSchemas['startSessionBody']>
export type PaymentLinkSession = z.infer<PaymentLinkSchemas['sessionSchema']>
