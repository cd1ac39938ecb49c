import { OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv } from './env.js'
import { fieldErrorsFromZod, problemResponse } from './problem.js'

/** A router whose request validation failures become problem+json with field errors. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const errors = fieldErrorsFromZod(result.error)
        const where = result.target === 'json' ? 'body' : result.target
        return problemResponse(
          c,
          'validation_failed',
          `The request ${where} has ${errors.length} invalid field(s)`,
          {
            errors,
          },
        )
      }
    },
  })
}
