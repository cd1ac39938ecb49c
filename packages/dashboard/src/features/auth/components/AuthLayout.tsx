import type { ReactNode } from 'react'
import { DocumentTitle } from '../../../ui/DocumentTitle'

export interface AuthLayoutProps {
  title: string
  subtitle: ReactNode
  children: ReactNode
  footer: ReactNode
}

/** The centred card of the sign-in and sign-up pages. */
export function AuthLayout({ title, subtitle, children, footer }: AuthLayoutProps) {
  return (
    <main className="auth">
      <DocumentTitle title={title} />
      <div className="auth__brand">
        <span className="logo" aria-hidden="true">
          <span className="logo__mark" />
        </span>
        Coinbook
      </div>
      <div className="auth__card">
        <h1 className="auth__title">{title}</h1>
        <p className="auth__subtitle">{subtitle}</p>
        {children}
      </div>
      <p className="auth__footer">{footer}</p>
    </main>
  )
}
