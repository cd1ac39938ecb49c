import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { requestId } from 'hono/request-id'
import { secureHeaders } from 'hono/secure-headers'
import type { AppDeps } from './context.js'
import type { AppEnv } from './http/env.js'
import { authenticate } from './http/middleware/auth.js'
import { idempotency } from './http/middleware/idempotency.js'
import { observe } from './http/middleware/observe.js'
import { rateLimit } from './http/middleware/rate-limit.js'
import { setPageHeaders } from './http/page-headers.js'
import { onError, problemResponse } from './http/problem.js'
import { createRouter } from './http/router.js'
import { analyticsRoutes } from './modules/analytics/routes/index.js'
import { apiKeyRoutes } from './modules/api-keys/routes/index.js'
import { authRoutes, publicAuthRoutes } from './modules/auth/routes/index.js'
import { createBulkActionRoute } from './modules/bulk-actions/routes/create.js'
import { bulkActionRoutes } from './modules/bulk-actions/routes/get.js'
import { previewBulkMessageRoute } from './modules/bulk-actions/routes/preview-message.js'
import { checkoutRoutes } from './modules/checkout/routes/index.js'
import { customerRoutes } from './modules/customers/routes/index.js'
import { depositTargetRoutes } from './modules/deposit-targets/routes/index.js'
import { eventRoutes } from './modules/events/routes/index.js'
import { customerExportRoutes } from './modules/exports/routes/customers.js'
import { paymentExportRoutes } from './modules/exports/routes/payments.js'
import { importRoutes } from './modules/imports/routes/index.js'
import {
  customerInvoiceRoutes,
  installmentPlanRoutes,
  invoiceRoutes,
  invoiceSettingsRoutes,
} from './modules/invoices/routes/index.js'
import { memberRoutes } from './modules/members/routes/index.js'
import { configureMessageLinks } from './modules/messages/links.js'
import {
  customerMessageRoutes,
  emailSettingsRoutes,
  emailTemplateRoutes,
  messageRoutes,
  unsubscribeRoutes,
} from './modules/messages/routes/index.js'
import { paymentLinkRoutes } from './modules/payment-links/routes/index.js'
import {
  publicPaymentLinkRoutes,
  publicPaymentLinkSessionRoutes,
} from './modules/payment-links/routes/public.js'
import { paymentMethodRoutes } from './modules/payment-methods/routes/index.js'
import { paymentOptionRoutes } from './modules/payment-options/routes.js'
import { customerPaymentRoutes, paymentRoutes } from './modules/payments/routes/index.js'
import {
  customerPaymentDetailsRoutes,
  paymentDetailsRequestRoutes,
  portalSettingsRoutes,
} from './modules/portal/routes/merchant.js'
import { portalRoutes } from './modules/portal/routes/portal.js'
import { customerPrivacyRoutes } from './modules/privacy/routes/index.js'
import { customerRatingRoutes } from './modules/ratings/routes/customer.js'
import { checkoutRatingRoutes } from './modules/ratings/routes/public.js'
import { customerReminderPolicyRoutes, reminderPolicyRoutes } from './modules/reminders/routes/index.js'
import { segmentRoutes } from './modules/segments/routes/index.js'
import { statusRoutes } from './modules/status/routes/index.js'
import { planRoutes, subscriptionRoutes } from './modules/subscriptions/routes/index.js'
import { metricsRoutes } from './modules/system/metrics.js'
import { docsRoutes, healthRoutes } from './modules/system/routes.js'
import { taxRateRoutes } from './modules/tax-rates/routes/index.js'
import { walletRoutes } from './modules/wallets/routes/index.js'
import { sharedAddressRoutes } from './modules/wallets/routes/shared-addresses.js'
import { webhookEndpointRoutes } from './modules/webhooks/routes/index.js'

/** Routes that need a caller (session or API key); writes honour Idempotency-Key. */
function protectedRoutes() {
  const r = createRouter()
  r.use('*', authenticate(), idempotency())
  // Imports and exports first: the customer routes' /{id} would take "import" or "export.csv".
  return r
    .route('/auth', authRoutes)
    .route('/api-keys', apiKeyRoutes)
    .route('/members', memberRoutes)
    .route('/customers', importRoutes)
    .route('/customers', customerExportRoutes)
    .route('/customers', createBulkActionRoute)
    .route('/customers', previewBulkMessageRoute)
    .route('/customers', customerRoutes)
    .route('/customers', depositTargetRoutes)
    .route('/customers', customerPaymentRoutes)
    .route('/customers', customerInvoiceRoutes)
    .route('/customers', customerMessageRoutes)
    .route('/customers', customerReminderPolicyRoutes)
    .route('/customers', paymentMethodRoutes)
    .route('/customers', customerPaymentDetailsRoutes)
    .route('/customers', customerPrivacyRoutes)
    .route('/customers', customerRatingRoutes)
    .route('/invoices', invoiceRoutes)
    .route('/invoice-settings', invoiceSettingsRoutes)
    .route('/reminder-policy', reminderPolicyRoutes)
    .route('/installment-plans', installmentPlanRoutes)
    .route('/plans', planRoutes)
    .route('/subscriptions', subscriptionRoutes)
    .route('/tax-rates', taxRateRoutes)
    .route('/payment-options', paymentOptionRoutes)
    .route('/payment-links', paymentLinkRoutes)
    .route('/payments', paymentExportRoutes)
    .route('/payments', paymentRoutes)
    .route('/wallets', sharedAddressRoutes)
    .route('/wallets', walletRoutes)
    .route('/status', statusRoutes)
    .route('/segments', segmentRoutes)
    .route('/bulk-actions', bulkActionRoutes)
    .route('/events', eventRoutes)
    .route('/messages', messageRoutes)
    .route('/email-templates', emailTemplateRoutes)
    .route('/email-settings', emailSettingsRoutes)
    .route('/webhook-endpoints', webhookEndpointRoutes)
    .route('/portal-settings', portalSettingsRoutes)
    .route('/payment-details-requests', paymentDetailsRequestRoutes)
    .route('/analytics', analyticsRoutes)
}

function apiV1() {
  const api = createRouter()
  // Generated on the first request, once every route is registered, then kept: building it takes ~100 ms
  // of CPU, and anyone may ask for it.
  let document: ReturnType<typeof api.getOpenAPI31Document> | undefined
  api.get('/openapi.json', (c) => {
    document ??= api.getOpenAPI31Document({
      openapi: '3.1.0',
      info: {
        title: 'Coinbook API',
        version: '1.0.0',
        description:
          'Customers who pay in crypto: profiles, payments found on chain, invoices and analytics.',
      },
      servers: [{ url: '/api/v1', description: 'This Coinbook' }],
    })
    return c.json(document)
  })
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key created in Settings → API keys',
  })
  api.openAPIRegistry.registerComponent('securitySchemes', 'cookieAuth', {
    type: 'apiKey',
    in: 'cookie',
    name: 'coinbook_session',
  })
  api.openAPIRegistry.registerComponent('securitySchemes', 'portalCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: 'coinbook_portal',
    description: 'A customer signed in to the customer portal (never a merchant user)',
  })
  return api
    .route('/', docsRoutes)
    .route('/auth', publicAuthRoutes)
    .route('/public/checkout', checkoutRoutes)
    .route('/public/checkout', checkoutRatingRoutes)
    .route('/public/unsubscribe', unsubscribeRoutes)
    .route('/portal', portalRoutes)
    .route('/public/payment-links', publicPaymentLinkRoutes)
    .route('/public/payment-link-sessions', publicPaymentLinkSessionRoutes)
    .route('/', protectedRoutes())
}

export interface CreateAppOptions {
  /** Folder of the built dashboard to serve at `/`; omitted or missing, only the API is served. */
  dashboardDir?: string | undefined
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number
}

/** Composes the HTTP app: health, the versioned API and (optionally) the dashboard. */
export function createApp(deps: AppDeps, opts: CreateAppOptions = {}) {
  configureMessageLinks(deps.config)
  const api = apiV1()
  const app = new Hono<AppEnv>()
  app.use('*', requestId())
  app.use('*', observe())
  app.use('*', async (c, next) => {
    c.set('deps', deps)
    await next()
  })
  app.use('/api/*', secureHeaders({ crossOriginResourcePolicy: 'same-origin' }))
  // Brute force and scraping: limits per client address, and per pay link wherever it is opened from.
  const authLimit = rateLimit({ name: 'auth', perMinute: (cfg) => cfg.RATE_LIMIT_AUTH_PER_MINUTE })
  app.use('/api/v1/auth/login', authLimit)
  app.use('/api/v1/auth/signup', authLimit)
  app.use('/api/v1/portal/login', authLimit)
  app.use('/api/v1/portal/session', authLimit)
  app.use(
    '/api/v1/public/*',
    rateLimit({ name: 'public', perMinute: (cfg) => cfg.RATE_LIMIT_PUBLIC_PER_MINUTE }),
  )
  // Per token in the address: a pay link, a payment link's slug, a payer's payment-link session.
  for (const [prefix, name] of [
    ['checkout', 'pay-link'],
    ['payment-links', 'payment-link'],
    ['payment-link-sessions', 'payment-link-session'],
  ] as const) {
    app.use(
      `/api/v1/public/${prefix}/*`,
      rateLimit({
        name,
        perMinute: (cfg) => cfg.RATE_LIMIT_PUBLIC_TOKEN_PER_MINUTE,
        key: (c) => c.req.path.split('/')[5] ?? '',
      }),
    )
  }
  const limit = bodyLimit({
    maxSize: opts.maxBodyBytes ?? 1024 * 1024,
    onError: (c) => problemResponse(c, 'payload_too_large', 'The request body is larger than allowed'),
  })
  // An import streams its upload to storage under its own limit (IMPORT_MAX_BYTES).
  app.use('/api/*', (c, next) =>
    c.req.method === 'POST' && c.req.path === '/api/v1/customers/import' ? next() : limit(c, next),
  )
  app.onError(onError)
  app.notFound((c) => problemResponse(c, 'not_found', `No route for ${c.req.method} ${c.req.path}`))

  const routes = app.route('/', healthRoutes).route('/', metricsRoutes).route('/api/v1', api)

  const dir = opts.dashboardDir ? resolve(opts.dashboardDir) : undefined
  if (dir && existsSync(join(dir, 'index.html'))) {
    // Hashed assets never change; index.html is read per request so a rebuilt dashboard shows at once.
    app.use('/assets/*', async (c, next) => {
      await next()
      if (c.res.ok) c.header('Cache-Control', 'public, max-age=31536000, immutable')
    })
    app.use('/*', serveStatic({ root: dir, index: 'no-index.html' }))
    // Client-side routes (/customers/…) get the single-page app.
    app.get('*', async (c, next) => {
      if (c.req.path.startsWith('/api/')) return next()
      setPageHeaders(c, c.req.path)
      return c.html(await readFile(join(dir, 'index.html'), 'utf8'))
    })
  }
  return routes
}

export type AppType = ReturnType<typeof createApp>
