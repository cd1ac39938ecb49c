import { createRoute } from '@hono/zod-openapi'
import { errorResponses, jsonBody, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { createInvoiceBody, invoiceSchema } from '../schema.js'
import { createInstallments } from '../services/create-installments.js'
import { createInvoice } from '../services/create-invoice.js'
import { loadInvoice } from '../services/get-invoice.js'
import { presentOptionsOf } from '../services/present.js'

const route = createRoute({
  method: 'post',
  path: '/',
  tags: ['Invoices'],
  security,
  summary: 'Create a draft invoice, or an invoice in installments',
  description:
    'Currency, due date and accepted coins default from the customer’s billing preferences. A tax-exempt customer’s lines carry no tax. With `installments`, the total is split into that many invoices (sent at once when the customer auto-sends) and the first is returned; `installment.planId` leads to the plan.',
  request: { body: jsonBody(createInvoiceBody) },
  responses: { 201: jsonResponse(invoiceSchema, 'The new draft'), ...errorResponses },
})

export const createInvoiceRoute = createRouter().openapi(route, async (c) => {
  const { ctx, deps } = c.var
  const input = c.req.valid('json')
  const serviceDeps = { clock: deps.clock, mode: deps.config.COINBOOK_NETWORK_MODE }
  const id = input.installments
    ? ((
        await createInstallments({
          ctx,
          deps: serviceDeps,
          input: { ...input, installments: input.installments },
        })
      ).invoiceIds[0] as string)
    : await createInvoice({ ctx, deps: serviceDeps, input })
  return c.json(await loadInvoice(ctx.db, ctx.merchantId, id, presentOptionsOf(deps)), 201)
})
