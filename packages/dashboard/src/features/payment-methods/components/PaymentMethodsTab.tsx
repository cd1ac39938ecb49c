import { useState } from 'react'
import { ErrorAlert } from '../../../ui/Alert'
import { LoadingBlock } from '../../../ui/Spinner'
import type { CustomerDto } from '../../customers/api'
import { DepositAddressesCard } from '../../deposit-addresses/components/DepositAddressesCard'
import { usePaymentMethods } from '../api'
import { PayerWalletsSection } from './PayerWalletsSection'
import { PreferredCoinsSection } from './PreferredCoinsSection'
import { RefundAddressesSection } from './RefundAddressesSection'

export interface PaymentMethodsTabProps {
  customer: CustomerDto
  /** Viewers see everything and change nothing. */
  canWrite: boolean
}

/** The profile's "Payment methods": preferred coins, deposit addresses, wallets paid from, refund addresses. */
export function PaymentMethodsTab({ customer, canWrite }: PaymentMethodsTabProps) {
  const methods = usePaymentMethods(customer.id)
  const [form, setForm] = useState<'wallet' | 'refund' | null>(null)

  if (methods.isPending) return <LoadingBlock label="Loading payment methods" />
  if (methods.isError) {
    return (
      <ErrorAlert
        error={methods.error}
        title="Payment methods could not be loaded"
        onRetry={() => void methods.refetch()}
      />
    )
  }
  const m = methods.data
  return (
    <div className="stack">
      <PreferredCoinsSection
        customerId={customer.id}
        coins={m.preferredCoins}
        canWrite={canWrite}
        onSaved={() => void methods.refetch()}
      />
      <DepositAddressesCard customer={customer} canWrite={canWrite} />
      <PayerWalletsSection
        customerId={customer.id}
        wallets={m.wallets}
        canWrite={canWrite}
        adding={form === 'wallet'}
        onAddingChange={(open) => setForm(open ? 'wallet' : null)}
      />
      <RefundAddressesSection
        customerId={customer.id}
        refunds={m.refundAddresses}
        canWrite={canWrite}
        editing={form === 'refund'}
        onEditingChange={(open) => setForm(open ? 'refund' : null)}
      />
    </div>
  )
}
