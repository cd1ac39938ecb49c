import { useEffect, useRef, useState } from 'react'
import { useNavigate, useParams } from 'react-router'
import { ApiProblem } from '../../../api/problem'
import { LoadingBlock } from '../../../ui/Spinner'
import { portalApi } from '../api'
import { PortalSignIn } from './PortalSignIn'

/** /portal/:merchantId/enter#token=… — trades the emailed link's token for the portal session, once. */
export function PortalEnter() {
  const { merchantId = '' } = useParams()
  const navigate = useNavigate()
  const [failure, setFailure] = useState<string | null>(null)
  const started = useRef(false)
  useEffect(() => {
    if (started.current) return
    started.current = true
    const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? ''
    // The token leaves the address bar at once: it is spent, and should not sit in the history.
    window.history.replaceState(null, '', window.location.pathname)
    portalApi.enter(merchantId, token).then(
      () => navigate(`/portal/${merchantId}`, { replace: true }),
      (err: unknown) =>
        setFailure(
          err instanceof ApiProblem ? err.detail : 'The sign-in link could not be checked; try again',
        ),
    )
  }, [merchantId, navigate])
  if (failure) return <PortalSignIn merchantId={merchantId} notice={failure} />
  return <LoadingBlock label="Signing you in" />
}
