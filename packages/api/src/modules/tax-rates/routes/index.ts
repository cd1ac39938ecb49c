import { createRoute } from '@hono/zod-openapi'
import { errorResponses, jsonBody, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { createTaxRateBody, taxRateListSchema, taxRateSchema } from '../schema.js'
import { createTaxRate, listTaxRates } from '../services/tax-rates.js'

const tags = ['Tax rates']

const create = createRoute({
  method: 'post',
  path: '/',
  tags,
  security,
  summary: 'Create a tax rate invoice lines can carry',
  request: { body: jsonBody(createTaxRateBody) },
  responses: { 201: jsonResponse(taxRateSchema, 'The new tax rate'), ...errorResponses },
})

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  security,
  summary: 'Your tax rates',
  responses: { 200: jsonResponse(taxRateListSchema, 'Tax rates, oldest first'), ...errorResponses },
})

export const taxRateRoutes = createRouter()
  .openapi(create, async (c) =>
    c.json(await createTaxRate({ ctx: c.var.ctx, input: c.req.valid('json') }), 201),
  )
  .openapi(list, async (c) => c.json({ data: await listTaxRates({ ctx: c.var.ctx }) }, 200))
