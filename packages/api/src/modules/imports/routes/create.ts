import { createRoute, z } from '@hono/zod-openapi'
import { errorResponses, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { customerImportSchema, importQuery } from '../schema.js'
import { createImport } from '../services/create-import.js'

const route = createRoute({
  method: 'post',
  path: '/import',
  tags: ['Customer imports'],
  security,
  summary: 'Import customers from a CSV file, JSON Lines or a JSON array',
  description:
    'The body is the file itself (Content-Type text/csv, application/x-ndjson, or application/json for an array of customers as POST /customers takes them), streamed up to IMPORT_MAX_BYTES. Small files are imported before the answer (201); larger ones run as a job (202): follow GET /customers/imports/{id} for progress.',
  request: {
    query: importQuery,
    body: {
      required: true,
      content: {
        'text/csv': { schema: z.string().openapi({ format: 'binary' }) },
        'application/x-ndjson': { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
  },
  responses: {
    201: jsonResponse(
      customerImportSchema,
      'The import, finished (see status: validated, completed or failed)',
    ),
    202: jsonResponse(customerImportSchema, 'The import, queued: poll it for progress'),
    ...errorResponses,
    413: { ...errorResponses[400], description: 'The file is larger than IMPORT_MAX_BYTES' },
    415: { ...errorResponses[400], description: 'Not CSV, JSON Lines or JSON' },
  },
})

export const createImportRoute = createRouter().openapi(route, async (c) => {
  const { raw } = c.req
  // The idempotency middleware reads the body to hash it; then Hono has it cached.
  const body = raw.bodyUsed ? new Blob([await c.req.arrayBuffer()]).stream() : raw.body
  const { created, finished } = await createImport({
    ctx: c.var.ctx,
    deps: c.var.deps,
    input: {
      query: c.req.valid('query'),
      contentType: c.req.header('content-type'),
      contentLength: c.req.header('content-length'),
      body,
    },
  })
  if (!finished) c.header('Location', `/api/v1/customers/imports/${created.id}`)
  return c.json(created, finished ? 201 : 202)
})
