import { DocumentTitle } from '../../../ui/DocumentTitle'
import { PageHeader } from '../../../ui/PageHeader'
import { useCurrentMe } from '../../auth/hooks/useMe'
import { ExportButton } from '../../exports/components/ExportButton'
import { usePaymentList } from '../hooks/queries'
import { ALL_PAYMENT_FILTERS, usePaymentListParams } from '../hooks/usePaymentListParams'
import { PaymentList } from './PaymentList'
import { VerifyTransactionForm } from './VerifyTransactionForm'

/** /payments — every payment to the merchant's customers, and a way to record one by its hash. */
export function PaymentsPage() {
  const me = useCurrentMe()
  const params = usePaymentListParams(ALL_PAYMENT_FILTERS)
  const list = usePaymentList(params.apiParams)
  return (
    <>
      <DocumentTitle title="Payments" />
      <PageHeader
        title="Payments"
        description="Every payment to your customers’ deposit addresses, as found on chain: confirmations, value in coin and fiat."
        actions={<ExportButton path="/payments/export" filters={params.apiParams} />}
      />
      {me.role !== 'viewer' ? (
        <section className="card" aria-labelledby="verify-title">
          <h2 className="card__title" id="verify-title">
            Verify a transaction
          </h2>
          <p className="card__description">
            A customer says they paid but the payment is not listed? Paste the transaction hash: Coinbook
            looks it up and records what it pays to your customers. Checking twice changes nothing.
          </p>
          <VerifyTransactionForm />
        </section>
      ) : null}
      <section className="card card--flush" aria-label="Payment list">
        <PaymentList
          list={list}
          params={params}
          filters={ALL_PAYMENT_FILTERS}
          showCustomers
          canAssign={me.role !== 'viewer'}
          canRefund={me.role !== 'viewer'}
          empty={{
            title: 'No payments yet',
            description:
              'Payments to your customers’ deposit addresses appear here as soon as they are seen on chain. Missing one? Verify it by its transaction hash.',
          }}
        />
      </section>
    </>
  )
}
