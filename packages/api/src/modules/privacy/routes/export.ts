import { createRoute } from '@hono/zod-openapi'
import { uuidParam } from '../../../http/fields.js'
import { errorResponses, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { zipResponse } from '../schema.js'
import { exportCustomerData } from '../services/export-customer.js'

const route = createRoute({
  method: 'get',
  path: '/{id}/privacy-export',
  tags: ['Customers'],
  security,
  summary: 'Export everything held about a customer (zip)',
  description:
    'customer.json (profile, metrics, addresses, notes, payment methods, subscriptions, credit, ratings, events, audit trail) with payments.csv, invoices.csv and messages.csv.',
  request: { params: uuidParam },
  responses: { 200: zipResponse('The zip'), ...errorResponses },
})

export const privacyExportRoute = createRouter().openapi(route, async (c) => {
  const { deps } = c.var
  const { fileName, zip } = await exportCustomerData({
    ctx: c.var.ctx,
    input: c.req.valid('param'),
    opts: {
      mode: deps.config.COINBOOK_NETWORK_MODE,
      requiredConfirmations: (n) => deps.chains.requiredConfirmations(n),
      now: deps.clock.now(),
    },
  })
  return c.body(zip as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': 'application/zip',
    'Content-Disposition': `attachment; filename="${fileName}"`,
    'Cache-Control': 'no-store',
  })
})
