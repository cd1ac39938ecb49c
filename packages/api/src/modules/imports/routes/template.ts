import { createRoute, z } from '@hono/zod-openapi'
import { errorResponses, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { templateCsv } from '../services/template.js'

const route = createRoute({
  method: 'get',
  path: '/import/template.csv',
  tags: ['Customer imports'],
  security,
  summary: 'The columns an import understands, with an example row',
  responses: {
    200: { description: 'A CSV file', content: { 'text/csv': { schema: z.string() } } },
    ...errorResponses,
  },
})

export const importTemplateRoute = createRouter().openapi(route, (c) =>
  c.body(templateCsv(), 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': 'attachment; filename="coinbook-customers-template.csv"',
  }),
)
