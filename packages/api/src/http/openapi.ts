import { z } from '@hono/zod-openapi'

/** The problem+json body every error response shares, for the OpenAPI document. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    code: z.string(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem')

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
})

/** The error responses most routes can return, to spread into `responses`. */
export const errorResponses = {
  400: problem('The request is not valid; `errors` lists each field'),
  401: problem('No valid session or API key'),
  403: problem('The caller may not do this'),
  404: problem('Not found, or not this merchant\u2019s'),
  409: problem('Conflicts with existing data'),
} as const

/** A JSON request body that must be present (without `required`, a missing body skips validation). */
export function jsonBody<T extends z.ZodType>(schema: T, description?: string) {
  return {
    required: true,
    ...(description ? { description } : {}),
    content: { 'application/json': { schema } },
  } as const
}

export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const
}

export const security: Record<string, string[]>[] = [{ bearerAuth: [] }, { cookieAuth: [] }]
