import { Link } from 'react-router'
import { useCurrentMe } from '../../auth/hooks/useMe'
import type { CustomerDto } from '../../customers/api'
import { useCustomerPayments } from '../hooks/queries'
import { type PaymentFilterKey, usePaymentListParams } from '../hooks/usePaymentListParams'
import { PaymentList } from './PaymentList'

const FILTERS: readonly PaymentFilterKey[] = ['status', 'network']

export interface CustomerPaymentsTabProps {
  customer: CustomerDto
}

/** The profile's Payments tab: what this customer paid, newest first, with status and network filters. */
export function CustomerPaymentsTab({ customer }: CustomerPaymentsTabProps) {
  const me = useCurrentMe()
  const params = usePaymentListParams(FILTERS)
  const list = useCustomerPayments(customer.id, params.apiParams)
  return (
    <section className="card card--flush">
      <PaymentList
        list={list}
        params={params}
        filters={FILTERS}
        label={`Payments of ${customer.name}`}
        canRefund={me.role !== 'viewer'}
        empty={{
          title: 'No payments yet',
          description: `Payments to ${customer.name}’s deposit addresses appear here as soon as they are seen on chain, with their confirmations and fiat value.`,
          actions: (
            <Link to="?tab=addresses" className="button button--secondary">
              Get a deposit address
            </Link>
          ),
        }}
      />
    </section>
  )
}
