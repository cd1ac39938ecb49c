import { useState } from 'react'
import { useNavigate } from 'react-router'
import { formatDate } from '../../../format/dates'
import { ErrorAlert } from '../../../ui/Alert'
import { DocumentTitle } from '../../../ui/DocumentTitle'
import { EmptyState } from '../../../ui/EmptyState'
import { PageHeader } from '../../../ui/PageHeader'
import { LoadingBlock } from '../../../ui/Spinner'
import { useRovingRows } from '../../../ui/useRovingRows'
import { useCurrentMe } from '../../auth/hooks/useMe'
import type { WebhookEndpoint, WebhookEndpointWithSecret } from '../api'
import { useEndpoints } from '../hooks/queries'
import { EndpointStatus, EventsSummary } from './EndpointStatus'
import { NewEndpointForm } from './NewEndpointForm'
import { SecretNotice } from './SecretNotice'

/** /settings/webhooks — the merchant's endpoints, and a form to add one. */
export function WebhooksPage() {
  const canManage = ['owner', 'admin'].includes(useCurrentMe().role)
  const endpoints = useEndpoints()
  const [created, setCreated] = useState<WebhookEndpointWithSecret | null>(null)
  return (
    <>
      <DocumentTitle title="Webhooks" />
      <PageHeader
        title="Webhooks"
        description={
          <>
            Coinbook POSTs an event to each endpoint when a customer, payment, invoice or subscription
            changes, signed per <a href="https://www.standardwebhooks.com/">Standard Webhooks</a>, and retries
            for a day when your server fails.
          </>
        }
      />
      {created ? (
        <SecretNotice
          title={`The endpoint ${created.url} was added.`}
          secret={created.secret}
          onDone={() => setCreated(null)}
        />
      ) : null}
      <section className="card card--flush">
        <h2 className="card__title card__inset">Endpoints</h2>
        {endpoints.isPending ? (
          <LoadingBlock label="Loading endpoints" />
        ) : endpoints.isError ? (
          <div className="card__inset">
            <ErrorAlert
              error={endpoints.error}
              title="The endpoints could not be loaded"
              onRetry={() => void endpoints.refetch()}
            />
          </div>
        ) : endpoints.data.length === 0 ? (
          <EmptyState
            title="No webhook endpoints"
            description={
              canManage ? 'Add one below to hear about events as they happen.' : 'An admin can add one.'
            }
          />
        ) : (
          <EndpointsTable endpoints={endpoints.data} />
        )}
      </section>
      {canManage ? (
        <section className="card">
          <h2 className="card__title">Add an endpoint</h2>
          <NewEndpointForm onCreated={setCreated} />
        </section>
      ) : null}
    </>
  )
}

/** One Tab stop; arrows move between rows, Enter opens the endpoint and its delivery log. */
function EndpointsTable({ endpoints }: { endpoints: readonly WebhookEndpoint[] }) {
  const navigate = useNavigate()
  const open = (e: WebhookEndpoint) => navigate(`/settings/webhooks/${e.id}`)
  const { active, rowProps } = useRovingRows(endpoints, open)
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Webhook endpoints">
        <thead>
          <tr>
            <th scope="col">URL</th>
            <th scope="col">Events</th>
            <th scope="col">Status</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {endpoints.map((e, index) => (
            <tr key={e.id} className="table__row--focusable" {...rowProps(index)}>
              <td>
                <div className="cell-primary">
                  <button
                    type="button"
                    className="link-button cell-primary__name"
                    tabIndex={index === active ? 0 : -1}
                    onClick={() => open(e)}
                  >
                    {e.url}
                  </button>
                  {e.description ? <span className="cell-primary__sub">{e.description}</span> : null}
                </div>
              </td>
              <td>
                <EventsSummary events={e.events} />
              </td>
              <td>
                <EndpointStatus endpoint={e} />
              </td>
              <td className="muted nowrap">{formatDate(e.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
