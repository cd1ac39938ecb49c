import type { ReactNode } from 'react'
import { DocumentTitle } from '../../../ui/DocumentTitle'
import './portal.css'

export interface PortalLayoutProps {
  merchantName?: string | undefined
  title: string
  actions?: ReactNode
  children: ReactNode
}

/** The portal's own minimal frame: the merchant's name, no dashboard navigation. */
export function PortalLayout({ merchantName, title, actions, children }: PortalLayoutProps) {
  return (
    <div className="portal">
      <DocumentTitle title={merchantName ? `${title} · ${merchantName}` : title} />
      <header className="portal__header">
        <strong>{merchantName ?? 'Customer portal'}</strong>
        {actions}
      </header>
      <main className="portal__main stack">
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  )
}
