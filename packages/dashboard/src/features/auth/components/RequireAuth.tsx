import type { ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router'
import { ErrorAlert } from '../../../ui/Alert'
import { LoadingBlock } from '../../../ui/Spinner'
import { useMe } from '../hooks/useMe'

export interface RequireAuthProps {
  children: ReactNode
}

/** Renders its children for a signed-in caller; sends anyone else to /login and back afterwards. */
export function RequireAuth({ children }: RequireAuthProps) {
  const me = useMe()
  const location = useLocation()
  if (me.isPending) return <LoadingBlock label="Loading Coinbook" />
  if (me.isError) {
    return (
      <div className="centered-page">
        <ErrorAlert error={me.error} title="Coinbook could not load" onRetry={() => void me.refetch()} />
      </div>
    )
  }
  if (!me.data) {
    const from = `${location.pathname}${location.search}`
    return <Navigate to="/login" replace state={{ from }} />
  }
  return children
}

/** For /login and /signup: a signed-in caller goes straight to the app. */
export function RedirectIfSignedIn({ children }: RequireAuthProps) {
  const me = useMe()
  if (me.data) return <Navigate to="/customers" replace />
  return children
}
