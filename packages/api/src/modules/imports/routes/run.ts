import { createRoute } from '@hono/zod-openapi'
import { uuidParam } from '../../../http/fields.js'
import { errorResponses, jsonBody, jsonResponse, security } from '../../../http/openapi.js'
import { createRouter } from '../../../http/router.js'
import { customerImportSchema, runImportBody } from '../schema.js'
import { rerunImport } from '../services/rerun-import.js'

const route = createRoute({
  method: 'post',
  path: '/imports/{id}/run',
  tags: ['Customer imports'],
  security,
  summary: 'Run a dry run for real, or again with other options, from the stored upload',
  description:
    'Allowed when the import is validated (a finished dry run) or failed. Options left out stay as they were; dryRun defaults to false.',
  request: { params: uuidParam, body: jsonBody(runImportBody) },
  responses: {
    201: jsonResponse(customerImportSchema, 'The import, finished'),
    202: jsonResponse(customerImportSchema, 'The import, queued'),
    ...errorResponses,
  },
})

export const runImportRoute = createRouter().openapi(route, async (c) => {
  const { run, finished } = await rerunImport({
    ctx: c.var.ctx,
    deps: c.var.deps,
    input: { id: c.req.valid('param').id, changes: c.req.valid('json') },
  })
  return c.json(run, finished ? 201 : 202)
})
