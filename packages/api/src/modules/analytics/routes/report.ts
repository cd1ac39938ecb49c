import { createRoute, type z } from '@hono/zod-openapi'
import { errorResponses, jsonResponse, problemSchema, security } from '../../../http/openapi.js'
import { analyticsQuery } from '../schema.js'

/** A GET report under /analytics: the shared query, its response, and the 422 a segment can give. */
export function reportRoute<S extends z.ZodType>(path: string, summary: string, schema: S) {
  return createRoute({
    method: 'get',
    path,
    tags: ['Analytics'],
    security,
    summary,
    request: { query: analyticsQuery },
    responses: {
      200: jsonResponse(schema, summary),
      ...errorResponses,
      422: {
        description: 'A segment was asked for and segments are not available',
        content: { 'application/problem+json': { schema: problemSchema } },
      },
    },
  })
}
