import { type FormEvent, useState } from 'react'
import { Alert, ErrorAlert } from '../../../ui/Alert'
import { portalApi } from '../api'
import { PortalLayout } from './PortalLayout'

/** Asks for the customer's email; the API answers the same whether it is known or not. */
export function PortalSignIn({ merchantId, notice }: { merchantId: string; notice?: string | undefined }) {
  const [email, setEmail] = useState('')
  const [state, setState] = useState<'idle' | 'sending' | 'sent'>('idle')
  const [error, setError] = useState<unknown>(null)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setState('sending')
    setError(null)
    try {
      await portalApi.login(merchantId, email.trim())
      setState('sent')
    } catch (err) {
      setError(err)
      setState('idle')
    }
  }
  return (
    <PortalLayout title="Sign in to your account">
      {notice ? <Alert tone="warning">{notice}</Alert> : null}
      {error ? <ErrorAlert error={error} title="The link could not be sent" /> : null}
      {state === 'sent' ? (
        <Alert tone="success" title="Check your email">
          If {email.trim()} is the address we have for you, a sign-in link is on its way. It works once, for
          15 minutes.
        </Alert>
      ) : (
        <form className="card stack" aria-label="Sign in" onSubmit={submit}>
          <label className="field">
            <span className="field__label">Your email</span>
            <input
              className="input"
              type="email"
              required
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </label>
          <button className="button button--primary" type="submit" disabled={state === 'sending'}>
            {state === 'sending' ? 'Sending…' : 'Email me a sign-in link'}
          </button>
        </form>
      )}
    </PortalLayout>
  )
}
