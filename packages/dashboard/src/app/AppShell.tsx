import type { ReactNode } from 'react'
import { Link, Outlet, useLocation } from 'react-router'
import { useCurrentMe, useLogout } from '../features/auth/hooks/useMe'
import {
  CardIcon,
  ChartIcon,
  ExternalLinkIcon,
  FileIcon,
  KeyIcon,
  LogOutIcon,
  MailIcon,
  MergeIcon,
  RefreshIcon,
  ShieldIcon,
  UsersIcon,
  WalletIcon,
  WebhookIcon,
} from '../ui/icons'

interface NavItemProps {
  to: string
  icon: ReactNode
  children: ReactNode
  /** Whether the current page belongs to this section. */
  active: boolean
}

function NavItem({ to, icon, children, active }: NavItemProps) {
  return (
    <li>
      <Link
        to={to}
        aria-current={active ? 'page' : undefined}
        className={`nav__link${active ? ' nav__link--active' : ''}`}
      >
        {icon}
        <span>{children}</span>
      </Link>
    </li>
  )
}

/** The signed-in frame: left navigation, a header with the merchant and sign-out, the page. */
export function AppShell() {
  const me = useCurrentMe()
  const logout = useLogout()
  const { pathname } = useLocation()
  const onDuplicates = pathname.startsWith('/customers/duplicates')
  const initial = me.merchant.name.trim().charAt(0).toUpperCase() || 'C'
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside className="shell__sidebar">
        <div className="shell__sidebar-inner">
          <div className="brand">
            <span className="logo" aria-hidden="true">
              <span className="logo__mark" />
            </span>
            Coinbook
          </div>
          <nav aria-label="Main" className="nav">
            <ul>
              <NavItem
                to="/customers"
                icon={<UsersIcon />}
                active={pathname.startsWith('/customers') && !onDuplicates}
              >
                Customers
              </NavItem>
              <NavItem to="/customers/duplicates" icon={<MergeIcon />} active={onDuplicates}>
                Duplicates
              </NavItem>
              <NavItem to="/segments" icon={<UsersIcon />} active={pathname.startsWith('/segments')}>
                Segments
              </NavItem>
              <NavItem to="/payments" icon={<CardIcon />} active={pathname.startsWith('/payments')}>
                Payments
              </NavItem>
              <NavItem
                to="/payment-links"
                icon={<ExternalLinkIcon />}
                active={pathname.startsWith('/payment-links')}
              >
                Payment links
              </NavItem>
              <NavItem to="/invoices" icon={<FileIcon />} active={pathname.startsWith('/invoices')}>
                Invoices
              </NavItem>
              <NavItem to="/outbox" icon={<MailIcon />} active={pathname.startsWith('/outbox')}>
                Outbox
              </NavItem>
              <NavItem
                to="/subscriptions"
                icon={<RefreshIcon />}
                active={pathname.startsWith('/subscriptions') || pathname.startsWith('/plans')}
              >
                Subscriptions
              </NavItem>
              <NavItem to="/analytics" icon={<ChartIcon />} active={pathname.startsWith('/analytics')}>
                Analytics
              </NavItem>
            </ul>
            <p className="nav__heading">Settings</p>
            <ul>
              <NavItem
                to="/settings/wallets"
                icon={<WalletIcon />}
                active={pathname.startsWith('/settings/wallets')}
              >
                Wallets
              </NavItem>
              <NavItem
                to="/settings/api-keys"
                icon={<KeyIcon />}
                active={pathname.startsWith('/settings/api-keys')}
              >
                API keys
              </NavItem>
              <NavItem
                to="/settings/email"
                icon={<MailIcon />}
                active={pathname.startsWith('/settings/email')}
              >
                Email
              </NavItem>
              <NavItem
                to="/settings/reminders"
                icon={<MailIcon />}
                active={pathname.startsWith('/settings/reminders')}
              >
                Reminders
              </NavItem>
              <NavItem
                to="/settings/invoices"
                icon={<FileIcon />}
                active={pathname.startsWith('/settings/invoices')}
              >
                Invoicing
              </NavItem>
              <NavItem
                to="/settings/portal"
                icon={<UsersIcon />}
                active={pathname.startsWith('/settings/portal')}
              >
                Customer portal
              </NavItem>
              <NavItem
                to="/settings/webhooks"
                icon={<WebhookIcon />}
                active={pathname.startsWith('/settings/webhooks')}
              >
                Webhooks
              </NavItem>
              <NavItem
                to="/settings/status"
                icon={<ShieldIcon />}
                active={pathname.startsWith('/settings/status')}
              >
                Status
              </NavItem>
            </ul>
          </nav>
        </div>
      </aside>
      <div className="shell__main">
        <header className="topbar">
          <div className="topbar__merchant">
            <span className="avatar" aria-hidden="true">
              {initial}
            </span>
            <div>
              <div className="topbar__merchant-name">{me.merchant.name}</div>
              <div className="topbar__merchant-meta">
                {me.user?.email ?? 'API key'} · {me.role}
              </div>
            </div>
          </div>
          <button
            type="button"
            className="button button--ghost"
            onClick={() => logout.mutate()}
            disabled={logout.isPending}
          >
            <LogOutIcon />
            Sign out
          </button>
        </header>
        <main id="main" className="shell__content" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  )
}
