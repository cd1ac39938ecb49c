import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Alert, ErrorAlert } from '../../../ui/Alert'
import { DocumentTitle } from '../../../ui/DocumentTitle'
import { PageHeader } from '../../../ui/PageHeader'
import { LoadingBlock } from '../../../ui/Spinner'
import { useCurrentMe } from '../../auth/hooks/useMe'
import { type PortalEditable, type PortalSettings, portalSettingsApi } from '../api'

const EDITABLE: [keyof PortalEditable, string][] = [
  ['contact', 'Contact details (name, email, phone, company)'],
  ['billingAddress', 'Billing address'],
  ['preferredCoins', 'Preferred coins'],
  ['refundAddresses', 'Refund addresses'],
  ['messagePreferences', 'Email preferences'],
]

/** /settings/portal — the customer portal on or off, what customers may change, who answered a request. */
export function PortalSettingsPage() {
  const client = useQueryClient()
  const canWrite = useCurrentMe().role !== 'viewer'
  const settings = useQuery({ queryKey: ['portal-settings'], queryFn: portalSettingsApi.get })
  const update = useMutation({
    mutationFn: portalSettingsApi.update,
    onSuccess: (s) => client.setQueryData(['portal-settings'], s),
  })
  const s: PortalSettings | undefined = settings.data
  return (
    <>
      <DocumentTitle title="Customer portal" />
      <PageHeader
        title="Customer portal"
        description="Where your customers sign in with an emailed link to see invoices and payments and update their details."
      />
      {settings.isError ? (
        <ErrorAlert error={settings.error} title="The portal settings could not be loaded" />
      ) : !s ? (
        <LoadingBlock label="Loading the portal settings" />
      ) : (
        <section className="card stack" aria-label="Portal settings">
          {update.error ? <ErrorAlert error={update.error} title="Not saved" /> : null}
          <p>
            Portal address: <a href={s.portalUrl}>{s.portalUrl}</a>
          </p>
          <label className="checkbox-field">
            <input
              type="checkbox"
              checked={s.enabled}
              disabled={!canWrite || update.isPending}
              onChange={(e) => update.mutate({ enabled: e.target.checked })}
            />{' '}
            Portal on
          </label>
          <fieldset className="stack">
            <legend>Customers may change</legend>
            {EDITABLE.map(([key, label]) => (
              <label key={key} className="checkbox-field">
                <input
                  type="checkbox"
                  checked={s.editable[key]}
                  disabled={!canWrite || update.isPending}
                  onChange={(e) => update.mutate({ editable: { [key]: e.target.checked } })}
                />{' '}
                {label}
              </label>
            ))}
          </fieldset>
          <label className="checkbox-field">
            <input
              type="checkbox"
              checked={s.allowSubscriptionCancel}
              disabled={!canWrite || update.isPending}
              onChange={(e) => update.mutate({ allowSubscriptionCancel: e.target.checked })}
            />{' '}
            Customers may cancel subscriptions at the end of the period
          </label>
        </section>
      )}
      <PaymentDetailsRequests />
    </>
  )
}

function PaymentDetailsRequests() {
  const [status, setStatus] = useState<'all' | 'pending' | 'answered'>('all')
  const list = useQuery({
    queryKey: ['payment-details-requests', status],
    queryFn: () => portalSettingsApi.requests(status),
  })
  return (
    <section className="card stack" aria-label="Payment details requests">
      <h2>Payment details requests</h2>
      <label className="field">
        <span className="field__label">Show</span>
        <select className="input" value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
          <option value="all">All</option>
          <option value="pending">Not answered</option>
          <option value="answered">Answered</option>
        </select>
      </label>
      {list.data?.data.length === 0 ? <Alert>No requests.</Alert> : null}
      {list.data?.data.length ? (
        <table className="table">
          <thead>
            <tr>
              <th>Customer</th>
              <th>Requested</th>
              <th>Answered</th>
            </tr>
          </thead>
          <tbody>
            {list.data.data.map((r) => (
              <tr key={r.customerId}>
                <td>
                  <a href={`/customers/${r.customerId}`}>{r.customerName}</a>
                </td>
                <td>{new Date(r.requestedAt).toLocaleString()}</td>
                <td>{r.answeredAt ? new Date(r.answeredAt).toLocaleString() : 'Not yet'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  )
}
