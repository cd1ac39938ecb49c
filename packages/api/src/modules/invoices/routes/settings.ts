import { createRoute } from '@hono/zod-openapi'
import { errorResponses, jsonBody, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { invoiceSettingsSchema, updateInvoiceSettingsBody } from '../schema.js'
import { getInvoiceSettings, updateInvoiceSettings } from '../services/settings.js'

const tags = ['Invoices']

const get = createRoute({
  method: 'get',
  path: '/',
  tags,
  security,
  summary: 'Invoice numbering and the underpayment tolerance',
  responses: { 200: jsonResponse(invoiceSettingsSchema, 'The settings'), ...errorResponses },
})

const update = createRoute({
  method: 'patch',
  path: '/',
  tags,
  security,
  summary: 'Change the number prefix or the underpayment tolerance',
  request: { body: jsonBody(updateInvoiceSettingsBody) },
  responses: { 200: jsonResponse(invoiceSettingsSchema, 'The settings'), ...errorResponses },
})

/** Mounted at /invoice-settings. */
export const invoiceSettingsRoutes = createRouter()
  .openapi(get, async (c) => c.json(await getInvoiceSettings({ ctx: c.var.ctx }), 200))
  .openapi(update, async (c) =>
    c.json(await updateInvoiceSettings({ ctx: c.var.ctx, input: c.req.valid('json') }), 200),
  )
