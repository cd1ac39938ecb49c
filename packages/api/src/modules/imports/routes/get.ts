import { createRoute, z } from '@hono/zod-openapi'
import { uuidParam } from '../../../http/fields.js'
import { errorResponses, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { customerImportSchema } from '../schema.js'
import { loadImport, presentImport } from '../services/present.js'
import { reportCsv } from '../services/report.js'

const get = createRoute({
  method: 'get',
  path: '/imports/{id}',
  tags: ['Customer imports'],
  security,
  summary: 'An import: status, progress (rows done / total), counts and the first errors',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(customerImportSchema, 'The import'), ...errorResponses },
})

const report = createRoute({
  method: 'get',
  path: '/imports/{id}/report.csv',
  tags: ['Customer imports'],
  security,
  summary: 'Every error of an import as CSV: line, column, field, value, message',
  request: { params: uuidParam },
  responses: {
    200: { description: 'The report', content: { 'text/csv': { schema: z.string() } } },
    ...errorResponses,
  },
})

export const getImportRoutes = createRouter()
  .openapi(get, async (c) => {
    const { ctx } = c.var
    const row = await loadImport(ctx.db, ctx.merchantId, c.req.valid('param').id)
    return c.json(await presentImport(ctx.db, row), 200)
  })
  .openapi(report, async (c) => {
    const { ctx } = c.var
    const row = await loadImport(ctx.db, ctx.merchantId, c.req.valid('param').id)
    return c.body(reportCsv(ctx.db, row), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="import-${row.id}-report.csv"`,
      'Cache-Control': 'no-store',
    })
  })
