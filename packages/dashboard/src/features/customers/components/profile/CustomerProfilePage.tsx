import { useState } from 'react'
import { useNavigate, useParams, useSearchParams } from 'react-router'
import { errorMessage, isProblem } from '../../../../api/problem'
import { ErrorAlert } from '../../../../ui/Alert'
import { ConfirmDialog } from '../../../../ui/ConfirmDialog'
import { DocumentTitle } from '../../../../ui/DocumentTitle'
import { EmptyState } from '../../../../ui/EmptyState'
import { Flash } from '../../../../ui/Flash'
import { LoadingBlock } from '../../../../ui/Spinner'
import { TabPanel, Tabs } from '../../../../ui/Tabs'
import { useCurrentMe } from '../../../auth/hooks/useMe'
import { CustomerInvoicesTab } from '../../../invoices/components/customer/CustomerInvoicesTab'
import { CustomerCommunicationsTab } from '../../../messages/components/CustomerCommunicationsTab'
import { PaymentMethodsTab } from '../../../payment-methods/components/PaymentMethodsTab'
import { CustomerPaymentsTab } from '../../../payments/components/CustomerPaymentsTab'
import { PaymentDetailsRequestPanel } from '../../../portal/components/PaymentDetailsRequestPanel'
import { CustomerRatingsPanel } from '../../../privacy/components/CustomerRatingsPanel'
import { PrivacyActions } from '../../../privacy/components/PrivacyActions'
import { useCustomer, useDeleteCustomer } from '../../hooks/queries'
import { AddressesTab } from './AddressesTab'
import { NotesTab } from './NotesTab'
import { OverviewTab } from './OverviewTab'
import { ProfileHeader } from './ProfileHeader'

const TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'payments', label: 'Payments' },
  { id: 'invoices', label: 'Invoices' },
  { id: 'payment-methods', label: 'Payment methods' },
  { id: 'addresses', label: 'Addresses' },
  { id: 'communications', label: 'Communications' },
  { id: 'notes', label: 'Notes' },
] as const

type TabId = (typeof TABS)[number]['id']

/** /customers/:id — the customer's profile; the tab is in the URL (?tab=notes) so it can be linked. */
export function CustomerProfilePage() {
  const { id = '' } = useParams()
  const navigate = useNavigate()
  const [search, setSearch] = useSearchParams()
  const me = useCurrentMe()
  const customer = useCustomer(id)
  const remove = useDeleteCustomer()
  const [confirming, setConfirming] = useState(false)
  const tab: TabId = TABS.find((t) => t.id === search.get('tab'))?.id ?? 'overview'

  if (customer.isPending) return <LoadingBlock label="Loading customer" />
  if (customer.isError) {
    if (isProblem(customer.error, 'not_found')) {
      return (
        <EmptyState
          title="Customer not found"
          description="It may have been deleted or merged into another customer."
          actions={
            <button type="button" className="button button--primary" onClick={() => navigate('/customers')}>
              Back to customers
            </button>
          }
        />
      )
    }
    return (
      <ErrorAlert
        error={customer.error}
        title="This customer could not be loaded"
        onRetry={() => void customer.refetch()}
      />
    )
  }

  const c = customer.data
  return (
    <>
      <Flash />
      <DocumentTitle title={c.name} />
      <ProfileHeader
        customer={c}
        canWrite={me.role !== 'viewer'}
        onDelete={() => setConfirming(true)}
        extraActions={<PrivacyActions customer={c} canErase={me.role !== 'viewer'} />}
      />
      <Tabs
        label="Customer sections"
        idPrefix="customer"
        tabs={TABS}
        selected={tab}
        onSelect={(next) =>
          setSearch(next === 'overview' ? {} : { tab: next }, { replace: true, state: null })
        }
      />
      <TabPanel idPrefix="customer" id={tab}>
        {tab === 'overview' ? (
          <>
            <OverviewTab customer={c} />
            <CustomerRatingsPanel customerId={c.id} />
          </>
        ) : null}
        {tab === 'payments' ? <CustomerPaymentsTab customer={c} /> : null}
        {tab === 'invoices' ? <CustomerInvoicesTab customer={c} /> : null}
        {tab === 'payment-methods' ? (
          <>
            <PaymentMethodsTab customer={c} canWrite={me.role !== 'viewer'} />
            <PaymentDetailsRequestPanel customerId={c.id} canWrite={me.role !== 'viewer'} />
          </>
        ) : null}
        {tab === 'addresses' ? <AddressesTab customer={c} canWrite={me.role !== 'viewer'} /> : null}
        {tab === 'communications' ? (
          <CustomerCommunicationsTab customer={c} canWrite={me.role !== 'viewer'} />
        ) : null}
        {tab === 'notes' ? <NotesTab customer={c} /> : null}
      </TabPanel>
      <ConfirmDialog
        open={confirming}
        title={`Delete ${c.name}?`}
        confirmLabel="Delete customer"
        tone="danger"
        busy={remove.isPending}
        error={remove.error ? errorMessage(remove.error) : null}
        onCancel={() => {
          setConfirming(false)
          remove.reset()
        }}
        onConfirm={() =>
          remove.mutate(c.id, {
            onSuccess: () =>
              navigate('/customers', { replace: true, state: { flash: `${c.name} was deleted.` } }),
          })
        }
      >
        <p>
          {c.name} leaves your customer list and search, and their email becomes free for another customer.
          Payments and history already recorded are kept. This cannot be undone.
        </p>
      </ConfirmDialog>
    </>
  )
}
