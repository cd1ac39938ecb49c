import type { ReactNode } from 'react'
import { errorMessage } from '../api/problem'
import { useFocusOnMount } from './useFocusOnMount'

export interface AlertProps {
  tone?: 'error' | 'success' | 'info' | 'warning'
  title?: string
  children?: ReactNode
  actions?: ReactNode
  /** Takes the focus when shown: for a result that replaces the form or button that had it. */
  focusOnMount?: boolean
}

/** A banner message; errors are announced to screen readers at once. */
export function Alert({ tone = 'info', title, children, actions, focusOnMount = false }: AlertProps) {
  const ref = useFocusOnMount<HTMLDivElement>(focusOnMount)
  return (
    <div
      ref={ref}
      className={`alert alert--${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      tabIndex={focusOnMount ? -1 : undefined}
    >
      <div className="alert__body">
        {title ? <strong>{title}</strong> : null}
        {children ? <div>{children}</div> : null}
      </div>
      {actions ? <div className="alert__actions">{actions}</div> : null}
    </div>
  )
}

export interface ErrorAlertProps {
  error: unknown
  title?: string
  onRetry?: () => void
}

/** An error from a failed request, with a retry button when one helps. */
export function ErrorAlert({ error, title = 'Something went wrong', onRetry }: ErrorAlertProps) {
  return (
    <Alert
      tone="error"
      title={title}
      actions={
        onRetry ? (
          <button type="button" className="button button--secondary button--small" onClick={onRetry}>
            Try again
          </button>
        ) : null
      }
    >
      {errorMessage(error)}
    </Alert>
  )
}
