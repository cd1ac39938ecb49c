import { createRoute, type z } from '@hono/zod-openapi'
import { errorResponses, jsonResponse, security } from '../../../http/openapi.js'
import { analyticsQuery } from '../schema.js'

/** A GET report under /analytics: the shared query and its response. */
export function reportRoute<S extends z.ZodType>(path: string, summary: string, schema: S) {
  return createRoute({
    method: 'get',
    path,
    tags: ['Analytics'],
    security,
    summary,
    request: { query: analyticsQuery },
    responses: { 200: jsonResponse(schema, summary), ...errorResponses },
  })
}
