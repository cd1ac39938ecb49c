import { createRoute } from '@hono/zod-openapi'
import { uuidParam } from '../../../http/fields.js'
import { errorResponses, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { eventListSchema, eventSchema, listEventsQuery } from '../schema.js'
import { getEvent, listEvents } from '../services/list-events.js'

const tags = ['Events']

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  security,
  summary: 'Events, newest first',
  description:
    'Everything that happened to your customers, payments, invoices, subscriptions and imports, as webhooks deliver it.',
  request: { query: listEventsQuery },
  responses: { 200: jsonResponse(eventListSchema, 'A page of events'), ...errorResponses },
})

const getOne = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  security,
  summary: 'One event',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(eventSchema, 'The event'), ...errorResponses },
})

export const eventRoutes = createRouter()
  .openapi(list, async (c) => c.json(await listEvents({ ctx: c.var.ctx, input: c.req.valid('query') }), 200))
  .openapi(getOne, async (c) => c.json(await getEvent({ ctx: c.var.ctx, id: c.req.valid('param').id }), 200))
