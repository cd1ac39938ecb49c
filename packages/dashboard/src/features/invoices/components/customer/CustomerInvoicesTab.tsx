import { useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import { errorMessage } from '../../../../api/problem'
import { formatMoneyOrDash } from '../../../../format/money'
import { ErrorAlert } from '../../../../ui/Alert'
import { Badge } from '../../../../ui/Badge'
import { CursorPager } from '../../../../ui/CursorPager'
import { EmptyState } from '../../../../ui/EmptyState'
import { FilterSelect } from '../../../../ui/FilterSelect'
import { FileIcon, PlusIcon } from '../../../../ui/icons'
import { LoadingBlock } from '../../../../ui/Spinner'
import { useCurrentMe } from '../../../auth/hooks/useMe'
import type { InvoiceStatus, ListInvoicesParams } from '../../api'
import { useCustomerBilling, useInvoiceList, useUpdateCustomerBilling } from '../../hooks/queries'
import { invoiceStatusOptions } from '../../labels'
import { ChargeNowDialog } from '../charge/ChargeNowDialog'
import { InvoicesTable } from '../InvoicesTable'

export interface CustomerInvoicesTabProps {
  customer: { id: string; name: string; preferredFiat: string | null }
}

/** Credit, tax exemption and auto-send of the customer, with the switch a writer may flip. */
function BillingSummary({ customerId, canWrite }: { customerId: string; canWrite: boolean }) {
  const billing = useCustomerBilling(customerId)
  const update = useUpdateCustomerBilling(customerId)
  if (billing.isError)
    return <ErrorAlert error={billing.error} title="Credit and billing settings could not be loaded" />
  if (!billing.data) return <LoadingBlock label="Loading credit" />
  const credit = billing.data.credit.filter((c) => /[1-9]/.test(c.amount))
  return (
    <div className="billing-summary">
      <div>
        <span className="stat__label">Credit</span>{' '}
        <span className="strong" data-testid="customer-credit">
          {credit.length ? credit.map((c) => formatMoneyOrDash(c.amount, c.currency)).join(' · ') : 'None'}
        </span>
        {credit.length ? <span className="muted"> — used on their next invoice in that currency</span> : null}{' '}
        {billing.data.taxExempt ? <Badge tone="info">Tax-exempt</Badge> : null}
      </div>
      <label className="checkbox-field">
        <input
          type="checkbox"
          checked={billing.data.autoSend}
          disabled={!canWrite || update.isPending}
          onChange={(e) => update.mutate({ autoSend: e.target.checked })}
        />
        Send subscription and installment invoices automatically
      </label>
      {update.isError ? (
        <p className="field__error" role="alert">
          {errorMessage(update.error)}
        </p>
      ) : null}
    </div>
  )
}

/** The profile's Invoices tab: the customer's invoices, their credit, and ways to bill them. */
export function CustomerInvoicesTab({ customer }: CustomerInvoicesTabProps) {
  const me = useCurrentMe()
  const canWrite = me.role !== 'viewer'
  const [status, setStatus] = useState<InvoiceStatus | undefined>()
  const [overdue, setOverdue] = useState<'true' | undefined>()
  const [cursors, setCursors] = useState<string[]>([])
  // ?charge=1 (the profile header's "Charge now") opens the dialog.
  const [search, setSearch] = useSearchParams()
  const [chargingState, setChargingState] = useState(false)
  const charging = chargingState || search.get('charge') === '1'
  const setCharging = (open: boolean) => {
    setChargingState(open)
    if (!open && search.has('charge')) {
      const next = new URLSearchParams(search)
      next.delete('charge')
      setSearch(next, { replace: true })
    }
  }
  const params: ListInvoicesParams = {
    customerId: customer.id,
    limit: 25,
    ...(status ? { status } : {}),
    ...(overdue ? { overdue } : {}),
    ...(cursors.length ? { cursor: cursors.at(-1) } : {}),
  }
  const list = useInvoiceList(params)
  const filtered = Boolean(status || overdue)
  const actions = canWrite ? (
    <>
      <Link to={`/invoices/new?customerId=${customer.id}`} className="button button--secondary">
        <PlusIcon />
        New invoice
      </Link>
      <button type="button" className="button button--primary" onClick={() => setCharging(true)}>
        Charge now
      </button>
    </>
  ) : null
  return (
    <section className="card card--flush" aria-label={`Invoices of ${customer.name}`}>
      <BillingSummary customerId={customer.id} canWrite={canWrite} />
      <search className="filters" aria-label="Filter invoices">
        <FilterSelect
          label="Status"
          value={status}
          onChange={(v) => {
            setCursors([])
            setStatus(v as InvoiceStatus | undefined)
          }}
          options={invoiceStatusOptions}
        />
        <FilterSelect
          label="Overdue"
          value={overdue}
          onChange={(v) => {
            setCursors([])
            setOverdue(v === 'true' ? 'true' : undefined)
          }}
          options={[{ value: 'true', label: 'Overdue only' }]}
        />
        <div className="page-header__actions">{actions}</div>
      </search>
      {list.isError ? (
        <ErrorAlert
          error={list.error}
          title="The invoices could not be loaded"
          onRetry={() => list.refetch()}
        />
      ) : !list.data ? (
        <LoadingBlock label="Loading invoices" />
      ) : list.data.data.length === 0 ? (
        <EmptyState
          icon={<FileIcon width={28} height={28} />}
          title={filtered ? 'No invoices match' : 'No invoices yet'}
          description={
            filtered
              ? 'Try another status.'
              : `Invoices you send ${customer.name} appear here, with what is paid and what is due.`
          }
        />
      ) : (
        <>
          <InvoicesTable invoices={list.data.data} stale={list.isPlaceholderData} hideCustomer />
          <CursorPager cursors={cursors} setCursors={setCursors} nextCursor={list.data.nextCursor} />
        </>
      )}
      {canWrite ? (
        <ChargeNowDialog
          open={charging}
          onClose={() => setCharging(false)}
          customer={customer}
          defaultCurrency={me.merchant.reportingCurrency}
        />
      ) : null}
    </section>
  )
}
