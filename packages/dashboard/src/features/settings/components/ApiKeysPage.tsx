import { useState } from 'react'
import { errorMessage } from '../../../api/problem'
import { formatDate, formatRelative } from '../../../format/dates'
import { ErrorAlert } from '../../../ui/Alert'
import { ConfirmDialog } from '../../../ui/ConfirmDialog'
import { DocumentTitle } from '../../../ui/DocumentTitle'
import { EmptyState } from '../../../ui/EmptyState'
import { KeyIcon } from '../../../ui/icons'
import { PageHeader } from '../../../ui/PageHeader'
import { LoadingBlock } from '../../../ui/Spinner'
import { useCurrentMe } from '../../auth/hooks/useMe'
import { type ApiKey, type CreatedApiKey, useApiKeys, useRevokeApiKey } from '../api'
import { CreatedKeyNotice } from './CreatedKeyNotice'
import { NewKeyForm } from './NewKeyForm'

/** /settings/api-keys — keys for servers that call the Coinbook API. */
export function ApiKeysPage() {
  const me = useCurrentMe()
  const keys = useApiKeys()
  const revoke = useRevokeApiKey()
  const [created, setCreated] = useState<CreatedApiKey | null>(null)
  const [revoking, setRevoking] = useState<ApiKey | null>(null)
  const canManage = me.role === 'owner' || me.role === 'admin'

  return (
    <>
      <DocumentTitle title="API keys" />
      <PageHeader
        title="API keys"
        description={
          <>
            Keys let your servers use the <a href="/api/v1/docs">Coinbook API</a>. Keep them secret; revoke a
            key you no longer use.
          </>
        }
      />
      {created ? <CreatedKeyNotice created={created} onDone={() => setCreated(null)} /> : null}
      {canManage ? (
        <section className="card">
          <h2 className="card__title">Create a key</h2>
          <NewKeyForm onCreated={setCreated} />
        </section>
      ) : null}
      <section className="card card--flush">
        <h2 className="card__title card__inset">Active keys</h2>
        {keys.isPending ? (
          <LoadingBlock label="Loading keys" />
        ) : keys.isError ? (
          <div className="card__inset">
            <ErrorAlert
              error={keys.error}
              title="Keys could not be loaded"
              onRetry={() => void keys.refetch()}
            />
          </div>
        ) : keys.data.length === 0 ? (
          <EmptyState
            icon={<KeyIcon width={28} height={28} />}
            title="No API keys"
            description="Create one to call the API from your servers."
          />
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Key</th>
                <th scope="col">Access</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.data.map((k) => (
                <tr key={k.id}>
                  <td className="strong">{k.name}</td>
                  <td>
                    <code>{k.prefix}…</code>
                  </td>
                  <td className="capitalize">{k.role}</td>
                  <td className="muted">{formatDate(k.createdAt)}</td>
                  <td className="muted">{k.lastUsedAt ? formatRelative(k.lastUsedAt) : 'Never'}</td>
                  <td className="num">
                    {canManage ? (
                      <button
                        type="button"
                        className="button button--danger-ghost button--small"
                        onClick={() => setRevoking(k)}
                      >
                        Revoke
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke “${revoking?.name ?? ''}”?`}
        confirmLabel="Revoke key"
        tone="danger"
        busy={revoke.isPending}
        error={revoke.error ? errorMessage(revoke.error) : null}
        onCancel={() => {
          setRevoking(null)
          revoke.reset()
        }}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) })}
      >
        <p>Requests with this key will be refused at once. This cannot be undone.</p>
      </ConfirmDialog>
    </>
  )
}
