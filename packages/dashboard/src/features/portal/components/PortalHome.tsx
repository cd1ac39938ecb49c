import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useParams } from 'react-router'
import { ApiProblem } from '../../../api/problem'
import { ErrorAlert } from '../../../ui/Alert'
import { LoadingBlock } from '../../../ui/Spinner'
import { portalApi } from '../api'
import { PortalBilling } from './PortalBilling'
import { PortalDetails } from './PortalDetails'
import { PortalLayout } from './PortalLayout'
import { PortalSignIn } from './PortalSignIn'

/** /portal/:merchantId — the customer's account when signed in (to this merchant), else the sign-in form. */
export function PortalHome() {
  const { merchantId = '' } = useParams()
  const client = useQueryClient()
  const me = useQuery({ queryKey: ['portal', 'me'], queryFn: portalApi.me, retry: false })
  if (me.isPending) return <LoadingBlock label="Loading your account" />
  const signedOut = me.error instanceof ApiProblem && (me.error.status === 401 || me.error.status === 403)
  if (signedOut || (me.data && me.data.merchant.id !== merchantId))
    return (
      <PortalSignIn
        merchantId={merchantId}
        notice={me.error instanceof ApiProblem && me.error.status === 403 ? me.error.detail : undefined}
      />
    )
  if (me.isError || !me.data)
    return (
      <ErrorAlert error={me.error} title="Your account could not be loaded" onRetry={() => me.refetch()} />
    )
  const signOut = async () => {
    await portalApi.logout()
    client.removeQueries({ queryKey: ['portal'] })
    await me.refetch()
  }
  return (
    <PortalLayout
      merchantName={me.data.merchant.name}
      title={`Hello, ${me.data.customer.name}`}
      actions={
        <button type="button" className="button button--ghost" onClick={signOut}>
          Sign out
        </button>
      }
    >
      <PortalDetails me={me.data} />
      <PortalBilling allowCancel={me.data.settings.allowSubscriptionCancel} />
    </PortalLayout>
  )
}
