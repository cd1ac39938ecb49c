import { Navigate, type RouteObject } from 'react-router'
import { LoginPage } from '../features/auth/components/LoginPage'
import { RedirectIfSignedIn, RequireAuth } from '../features/auth/components/RequireAuth'
import { SignupPage } from '../features/auth/components/SignupPage'
import { DuplicatesPage } from '../features/customers/components/duplicates/DuplicatesPage'
import { EditCustomerPage, NewCustomerPage } from '../features/customers/components/form/CustomerFormPage'
import { CustomersPage } from '../features/customers/components/list/CustomersPage'
import { CustomerProfilePage } from '../features/customers/components/profile/CustomerProfilePage'
import { ImportPage } from '../features/imports/components/ImportPage'
import { InvoiceEditorPage } from '../features/invoices/components/editor/InvoiceEditorPage'
import { InvoiceEditPage } from '../features/invoices/components/editor/InvoiceEditPage'
import { InvoiceDetailPage } from '../features/invoices/components/InvoiceDetailPage'
import { InvoicesPage } from '../features/invoices/components/InvoicesPage'
import { InvoiceSettingsPage } from '../features/invoices/components/settings/InvoiceSettingsPage'
import { EmailSettingsPage } from '../features/messages/components/EmailSettingsPage'
import { OutboxPage } from '../features/messages/components/OutboxPage'
import { PaymentLinksPage } from '../features/payment-links/components/PaymentLinksPage'
import { PaymentsPage } from '../features/payments/components/PaymentsPage'
import { PortalSettingsPage } from '../features/portal/components/PortalSettingsPage'
import { RemindersSettingsPage } from '../features/reminders/components/RemindersSettingsPage'
import { SegmentsPage } from '../features/segments/components/SegmentsPage'
import { ApiKeysPage } from '../features/settings/components/ApiKeysPage'
import { StatusPage } from '../features/status/components/StatusPage'
import { PlansPage } from '../features/subscriptions/components/PlansPage'
import { SubscriptionDetailPage } from '../features/subscriptions/components/SubscriptionDetailPage'
import { SubscriptionsPage } from '../features/subscriptions/components/SubscriptionsPage'
import { WalletsPage } from '../features/wallets/components/WalletsPage'
import { WebhookEndpointRoute } from '../features/webhooks/components/WebhookEndpointPage'
import { WebhooksPage } from '../features/webhooks/components/WebhooksPage'
import { AppShell } from './AppShell'
import { NotFoundPage } from './NotFoundPage'

/** Every page of the dashboard; the API serves index.html for each of these paths. */
export const routes: RouteObject[] = [
  {
    path: '/login',
    element: (
      <RedirectIfSignedIn>
        <LoginPage />
      </RedirectIfSignedIn>
    ),
  },
  {
    path: '/signup',
    element: (
      <RedirectIfSignedIn>
        <SignupPage />
      </RedirectIfSignedIn>
    ),
  },
  {
    // Public: the payer's page, outside the signed-in shell and its auth guard.
    path: '/pay/:token',
    lazy: async () => ({
      Component: (await import('../features/checkout/components/CheckoutRoute')).CheckoutRoute,
    }),
  },
  {
    // Public: a payment link's page (the API serves index.html for it; main.tsx loads it on its own).
    path: '/l/:slug',
    lazy: async () => ({
      Component: (await import('../features/payment-links/components/PayLinkRoute')).PayLinkRoute,
    }),
  },
  {
    // Public: the customer portal, its own minimal layout; the portal cookie, never the merchant's session.
    path: '/portal/:merchantId',
    lazy: async () => ({
      Component: (await import('../features/portal/components/PortalHome')).PortalHome,
    }),
  },
  {
    path: '/portal/:merchantId/enter',
    lazy: async () => ({
      Component: (await import('../features/portal/components/PortalEnter')).PortalEnter,
    }),
  },
  {
    element: (
      <RequireAuth>
        <AppShell />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Navigate to="/customers" replace /> },
      { path: 'customers', element: <CustomersPage /> },
      { path: 'customers/new', element: <NewCustomerPage /> },
      { path: 'customers/duplicates', element: <DuplicatesPage /> },
      { path: 'customers/import', element: <ImportPage /> },
      { path: 'customers/:id', element: <CustomerProfilePage /> },
      { path: 'customers/:id/edit', element: <EditCustomerPage /> },
      { path: 'segments', element: <SegmentsPage /> },
      { path: 'payments', element: <PaymentsPage /> },
      { path: 'payment-links', element: <PaymentLinksPage /> },
      { path: 'invoices', element: <InvoicesPage /> },
      { path: 'invoices/new', element: <InvoiceEditorPage /> },
      { path: 'invoices/:id', element: <InvoiceDetailPage /> },
      { path: 'invoices/:id/edit', element: <InvoiceEditPage /> },
      { path: 'outbox', element: <OutboxPage /> },
      { path: 'plans', element: <PlansPage /> },
      { path: 'subscriptions', element: <SubscriptionsPage /> },
      { path: 'subscriptions/:id', element: <SubscriptionDetailPage /> },
      {
        // Its own chunk (with the chart library): the other pages never load it.
        path: 'analytics',
        lazy: async () => ({
          Component: (await import('../features/analytics/components/AnalyticsPage')).AnalyticsPage,
        }),
      },
      { path: 'settings', element: <Navigate to="/settings/api-keys" replace /> },
      { path: 'settings/api-keys', element: <ApiKeysPage /> },
      { path: 'settings/wallets', element: <WalletsPage /> },
      { path: 'settings/status', element: <StatusPage /> },
      { path: 'settings/webhooks', element: <WebhooksPage /> },
      { path: 'settings/webhooks/:id', element: <WebhookEndpointRoute /> },
      { path: 'settings/email', element: <EmailSettingsPage /> },
      { path: 'settings/reminders', element: <RemindersSettingsPage /> },
      { path: 'settings/invoices', element: <InvoiceSettingsPage /> },
      { path: 'settings/portal', element: <PortalSettingsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]
