import { createRoute, z } from '@hono/zod-openapi'
import { ConflictError } from '../../../errors.js'
import { uuidParam } from '../../../http/fields.js'
import { errorResponses, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { loadBulkAction, presentBulkAction } from '../present.js'
import { bulkActionSchema } from '../schema.js'

const get = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['Bulk actions'],
  security,
  summary: 'A bulk action: status and progress',
  request: { params: uuidParam },
  responses: { 200: jsonResponse(bulkActionSchema, 'The bulk action'), ...errorResponses },
})

const download = createRoute({
  method: 'get',
  path: '/{id}/export.csv',
  tags: ['Bulk actions'],
  security,
  summary: 'The CSV a completed export action wrote',
  request: { params: uuidParam },
  responses: {
    200: { description: 'The customers', content: { 'text/csv': { schema: z.string() } } },
    ...errorResponses,
  },
})

export const bulkActionRoutes = createRouter()
  .openapi(get, async (c) => {
    const { ctx } = c.var
    return c.json(
      presentBulkAction(await loadBulkAction(ctx.db, ctx.merchantId, c.req.valid('param').id)),
      200,
    )
  })
  .openapi(download, async (c) => {
    const { ctx } = c.var
    const row = await loadBulkAction(ctx.db, ctx.merchantId, c.req.valid('param').id)
    if (row.action !== 'export' || row.status !== 'completed')
      throw new ConflictError('Only a completed export action has a file', { status: row.status })
    const chunks = await ctx.db
      .selectFrom('bulk_action_chunks')
      .select('data')
      .where('bulk_action_id', '=', row.id)
      .orderBy('seq')
      .execute()
    const body = Buffer.concat(chunks.map((ch) => Buffer.from(ch.data)))
    return c.body(body, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="customers-${row.id}.csv"`,
      'Cache-Control': 'no-store',
    })
  })
