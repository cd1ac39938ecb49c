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
        const [only] = errors
        const detail =
          errors.length === 1 && only
            ? only.path === '(body)'
              ? `The request ${where} is invalid: ${only.message}`
              : `The request ${where} has an invalid field, ${only.path}: ${only.message}`
            : `The request ${where} has ${errors.length} invalid fields`
        return problemResponse(c, 'validation_failed', detail, { errors })
      }
    },
  })
}
