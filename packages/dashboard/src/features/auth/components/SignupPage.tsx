import { type FormEvent, useState } from 'react'
import { Link } from 'react-router'
import { TextField } from '../../../ui/form/Field'
import { FieldErrorsContext } from '../../../ui/form/FieldErrorsContext'
import { FormErrorSummary } from '../../../ui/form/FormErrorSummary'
import { useFormErrors } from '../../../ui/form/useFormErrors'
import { useSignup } from '../hooks/useMe'
import { AuthLayout } from './AuthLayout'
import { useAfterSignIn } from './LoginPage'

const FIELDS = ['merchantName', 'name', 'email', 'password'] as const

export function SignupPage() {
  const [values, setValues] = useState({ merchantName: '', name: '', email: '', password: '' })
  const mutation = useSignup()
  const afterSignIn = useAfterSignIn()
  const errors = useFormErrors(mutation.error, FIELDS)
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }))

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const name = values.name.trim()
    mutation.mutate(
      {
        merchantName: values.merchantName,
        email: values.email,
        password: values.password,
        ...(name ? { name } : {}),
      },
      { onSuccess: afterSignIn },
    )
  }

  const hasFieldErrors = FIELDS.some((f) => errors.byField[f]?.length)
  return (
    <AuthLayout
      title="Create your Coinbook"
      subtitle="Keep track of the customers who pay you in crypto."
      footer={
        <>
          Already have an account? <Link to="/login">Log in</Link>
        </>
      }
    >
      <FieldErrorsContext.Provider value={errors.byField}>
        <form className="stack" onSubmit={submit} noValidate>
          {errors.summary && !hasFieldErrors ? (
            <FormErrorSummary title={errors.summary} messages={errors.other} />
          ) : null}
          <TextField
            label="Business name"
            path="merchantName"
            autoComplete="organization"
            value={values.merchantName}
            onChange={set('merchantName')}
            autoFocus
            required
          />
          <TextField
            label="Your name"
            path="name"
            autoComplete="name"
            value={values.name}
            onChange={set('name')}
          />
          <TextField
            label="Work email"
            path="email"
            type="email"
            autoComplete="email"
            value={values.email}
            onChange={set('email')}
            required
          />
          <TextField
            label="Password"
            path="password"
            type="password"
            autoComplete="new-password"
            hint="At least 10 characters."
            value={values.password}
            onChange={set('password')}
            required
          />
          <button
            type="submit"
            className="button button--primary button--block"
            disabled={mutation.isPending}
          >
            {mutation.isPending ? 'Creating your account…' : 'Create account'}
          </button>
        </form>
      </FieldErrorsContext.Provider>
    </AuthLayout>
  )
}
