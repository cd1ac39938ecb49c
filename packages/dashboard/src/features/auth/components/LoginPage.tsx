import { type FormEvent, useState } from 'react'
import { Link, useLocation, useNavigate } from 'react-router'
import { TextField } from '../../../ui/form/Field'
import { FieldErrorsContext } from '../../../ui/form/FieldErrorsContext'
import { FormErrorSummary } from '../../../ui/form/FormErrorSummary'
import { useFormErrors } from '../../../ui/form/useFormErrors'
import { useLogin } from '../hooks/useMe'
import { AuthLayout } from './AuthLayout'

const FIELDS = ['email', 'password'] as const

/** Where to go after signing in: back where the user was sent from, or the customer list. */
export function useAfterSignIn() {
  const location = useLocation()
  const navigate = useNavigate()
  const from = (location.state as { from?: unknown } | null)?.from
  const target =
    typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/customers'
  return () => navigate(target, { replace: true })
}

export function LoginPage() {
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const mutation = useLogin()
  const afterSignIn = useAfterSignIn()
  const errors = useFormErrors(mutation.error, FIELDS)

  const submit = (e: FormEvent) => {
    e.preventDefault()
    mutation.mutate({ email, password }, { onSuccess: afterSignIn })
  }

  return (
    <AuthLayout
      title="Log in"
      subtitle="Welcome back. Sign in to your Coinbook."
      footer={
        <>
          New to Coinbook? <Link to="/signup">Create an account</Link>
        </>
      }
    >
      <FieldErrorsContext.Provider value={errors.byField}>
        <form className="stack" onSubmit={submit} noValidate>
          {errors.summary && !errors.byField.email && !errors.byField.password ? (
            <FormErrorSummary title={errors.summary} messages={errors.other} />
          ) : null}
          <TextField
            label="Email"
            path="email"
            type="email"
            autoComplete="email"
            value={email}
            onChange={setEmail}
            autoFocus
            required
          />
          <TextField
            label="Password"
            path="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            required
          />
          <button
            type="submit"
            className="button button--primary button--block"
            disabled={mutation.isPending}
          >
            {mutation.isPending ? 'Signing in…' : 'Log in'}
          </button>
        </form>
      </FieldErrorsContext.Provider>
    </AuthLayout>
  )
}
