import { useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { errorMessage } from '../../../api/problem'
import { formatDateTime } from '../../../format/dates'
import { Alert, ErrorAlert } from '../../../ui/Alert'
import { ConfirmDialog } from '../../../ui/ConfirmDialog'
import { DocumentTitle } from '../../../ui/DocumentTitle'
import { PageHeader } from '../../../ui/PageHeader'
import { LoadingBlock } from '../../../ui/Spinner'
import { useCurrentMe } from '../../auth/hooks/useMe'
import type { WebhookDeliveryDetail, WebhookEndpoint, WebhookEndpointWithSecret } from '../api'
import {
  useDeleteEndpoint,
  useEndpoint,
  useRotateSecret,
  useSendTestEvent,
  useUpdateEndpoint,
} from '../hooks/queries'
import { DeliveryLog } from './DeliveryLog'
import { EndpointStatus, EventsSummary } from './EndpointStatus'
import { SecretNotice } from './SecretNotice'

/** The route element of /settings/webhooks/:id. */
export function WebhookEndpointRoute() {
  const { id = '' } = useParams()
  return <WebhookEndpointPage id={id} />
}

/** One endpoint: its settings and actions, and its delivery log. */
export function WebhookEndpointPage({ id }: { id: string }) {
  const endpoint = useEndpoint(id)
  return (
    <>
      <DocumentTitle title="Webhook endpoint" />
      {endpoint.isPending ? (
        <LoadingBlock label="Loading endpoint" />
      ) : endpoint.isError ? (
        <>
          <PageHeader title="Webhook endpoint" breadcrumb={<Link to="/settings/webhooks">Webhooks</Link>} />
          <ErrorAlert
            error={endpoint.error}
            title="The endpoint could not be loaded"
            onRetry={() => void endpoint.refetch()}
          />
        </>
      ) : (
        <EndpointDetail endpoint={endpoint.data} />
      )}
    </>
  )
}

function EndpointDetail({ endpoint }: { endpoint: WebhookEndpoint }) {
  const canManage = ['owner', 'admin'].includes(useCurrentMe().role)
  const navigate = useNavigate()
  const update = useUpdateEndpoint(endpoint.id)
  const rotate = useRotateSecret(endpoint.id)
  const remove = useDeleteEndpoint()
  const test = useSendTestEvent(endpoint.id)
  const [rotated, setRotated] = useState<WebhookEndpointWithSecret | null>(null)
  const [confirm, setConfirm] = useState<'rotate' | 'delete' | null>(null)
  const actionError = update.error ?? test.error

  return (
    <>
      <PageHeader
        title={<span className="input--mono">{endpoint.url}</span>}
        description={endpoint.description ?? undefined}
        breadcrumb={<Link to="/settings/webhooks">Webhooks</Link>}
        actions={
          canManage ? (
            <div className="button-row">
              <button
                type="button"
                className="button button--secondary"
                onClick={() => test.mutate()}
                disabled={test.isPending}
              >
                {test.isPending ? 'Sending…' : 'Send test event'}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setConfirm('rotate')}>
                Rotate secret
              </button>
              <button
                type="button"
                className="button button--secondary"
                disabled={update.isPending}
                onClick={() => update.mutate({ enabled: !endpoint.enabled })}
              >
                {endpoint.enabled ? 'Disable' : 'Enable'}
              </button>
              <button
                type="button"
                className="button button--danger-ghost"
                onClick={() => setConfirm('delete')}
              >
                Delete
              </button>
            </div>
          ) : null
        }
      />
      {rotated ? (
        <SecretNotice
          title="The secret was rotated."
          secret={rotated.secret}
          previousValidUntil={rotated.previousSecretExpiresAt}
          onDone={() => setRotated(null)}
        />
      ) : null}
      {actionError ? <ErrorAlert error={actionError} title="That did not work" /> : null}
      {test.data ? <TestResult delivery={test.data} onDismiss={() => test.reset()} /> : null}
      <section className="card">
        <dl className="details">
          <div className="details__row">
            <dt>Status</dt>
            <dd>
              <EndpointStatus endpoint={endpoint} />
              {!endpoint.enabled && endpoint.disabledAt ? (
                <span className="muted small"> on {formatDateTime(endpoint.disabledAt)}</span>
              ) : null}
            </dd>
          </div>
          <div className="details__row">
            <dt>Events</dt>
            <dd>
              <EventsSummary events={endpoint.events} />
            </dd>
          </div>
          {endpoint.previousSecretExpiresAt && new Date(endpoint.previousSecretExpiresAt) > new Date() ? (
            <div className="details__row">
              <dt>Previous secret</dt>
              <dd>Still signs until {formatDateTime(endpoint.previousSecretExpiresAt)}</dd>
            </div>
          ) : null}
          <div className="details__row">
            <dt>Created</dt>
            <dd>{formatDateTime(endpoint.createdAt)}</dd>
          </div>
        </dl>
      </section>
      <section className="card card--flush" aria-label="Delivery log">
        <h2 className="card__title card__inset">Delivery log</h2>
        <DeliveryLog endpointId={endpoint.id} canReplay={canManage} />
      </section>
      <ConfirmDialog
        open={confirm === 'rotate'}
        title="Rotate the signing secret?"
        confirmLabel="Rotate secret"
        busy={rotate.isPending}
        error={rotate.error ? errorMessage(rotate.error) : null}
        onCancel={() => {
          setConfirm(null)
          rotate.reset()
        }}
        onConfirm={() =>
          rotate.mutate(undefined, {
            onSuccess: (r) => {
              setRotated(r)
              setConfirm(null)
            },
          })
        }
      >
        <p>
          A new secret is made and shown once. For 24 hours every delivery is signed with both the new and the
          old secret, so your receiver keeps accepting them while you deploy the new one; after that only the
          new secret signs.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'delete'}
        title="Delete this endpoint?"
        confirmLabel="Delete endpoint"
        tone="danger"
        busy={remove.isPending}
        error={remove.error ? errorMessage(remove.error) : null}
        onCancel={() => {
          setConfirm(null)
          remove.reset()
        }}
        onConfirm={() =>
          remove.mutate(endpoint.id, { onSuccess: () => navigate('/settings/webhooks', { replace: true }) })
        }
      >
        <p>
          Nothing more is sent to <code>{endpoint.url}</code> and its delivery log is deleted. This cannot be
          undone.
        </p>
      </ConfirmDialog>
    </>
  )
}

/** What the receiver answered to the test event. */
function TestResult({ delivery, onDismiss }: { delivery: WebhookDeliveryDetail; onDismiss: () => void }) {
  const attempt = delivery.attemptLog.at(-1)
  const ok = delivery.status === 'succeeded'
  return (
    <Alert
      tone={ok ? 'success' : 'error'}
      title={ok ? 'The test event was delivered' : 'The test event was not accepted'}
      actions={
        <button type="button" className="button button--ghost button--small" onClick={onDismiss}>
          Dismiss
        </button>
      }
    >
      {attempt ? (
        <>
          {attempt.statusCode !== null ? `Status ${attempt.statusCode}` : 'No response'} in{' '}
          {attempt.latencyMs} ms
          {attempt.error ? ` — ${attempt.error}` : ''}
          {attempt.responseExcerpt ? <pre className="small">{attempt.responseExcerpt}</pre> : null}
        </>
      ) : (
        'No attempt was recorded.'
      )}
    </Alert>
  )
}
