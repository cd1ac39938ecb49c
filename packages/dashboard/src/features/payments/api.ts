import type {
  AssignPaymentInput,
  CreateRefundInput,
  ListPaymentsInput,
  Payment,
  PaymentDetail,
  PaymentList,
  Refund,
  VerifyPaymentInput,
  VerifyPaymentResult,
} from '@coinbook/api/contracts'
import { apiRequest } from '../../api/client'

export type {
  CreateRefundInput,
  Payment,
  PaymentDetail,
  PaymentList,
  Refund,
  VerifyPaymentInput,
  VerifyPaymentResult,
}

export type PaymentStatus = Payment['status']
/** A payment of a verify result: `created` is false when it was already recorded. */
export type VerifiedPayment = VerifyPaymentResult['data'][number]

/** The list query as the dashboard sends it (every member optional, the API applies defaults). */
export type ListPaymentsParams = Partial<Omit<ListPaymentsInput, 'limit' | 'customerId'>> & { limit?: number }

export function listPayments(params: ListPaymentsParams, signal?: AbortSignal): Promise<PaymentList> {
  return apiRequest<PaymentList>('/payments', { query: { ...params }, signal })
}

export function listCustomerPayments(
  customerId: string,
  params: ListPaymentsParams,
  signal?: AbortSignal,
): Promise<PaymentList> {
  return apiRequest<PaymentList>(`/customers/${encodeURIComponent(customerId)}/payments`, {
    query: { ...params },
    signal,
  })
}

/** Looks a transaction up on chain and records what it pays to the merchant's customers. */
export function verifyPayment(input: VerifyPaymentInput): Promise<VerifyPaymentResult> {
  return apiRequest<VerifyPaymentResult>('/payments/verify', { method: 'POST', body: input })
}

/** Gives a payment that arrived without a customer's reference or comment to a customer. */
export function assignPayment(id: string, input: AssignPaymentInput): Promise<Payment> {
  return apiRequest<Payment>(`/payments/${encodeURIComponent(id)}/assign`, { method: 'POST', body: input })
}

/** One payment with its refunds. */
export function getPayment(id: string, signal?: AbortSignal): Promise<PaymentDetail> {
  return apiRequest<PaymentDetail>(`/payments/${encodeURIComponent(id)}`, { signal })
}

/** Records a refund sent back for a confirmed payment. */
export function createRefund(id: string, input: CreateRefundInput): Promise<Refund> {
  return apiRequest<Refund>(`/payments/${encodeURIComponent(id)}/refunds`, { method: 'POST', body: input })
}
