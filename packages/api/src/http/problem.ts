import { ChainError, InvalidInputError, TransactionNotFoundError } from '@coinbook/chain-watchers'
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { z } from 'zod'
import { CoinbookError, type ErrorCode, type FieldError } from '../errors.js'
import { logger } from '../observability/logger.js'
import type { AppEnv } from './env.js'
import { httpErrors } from './errors.js'
import type { Problem } from './problem-document.js'

export const PROBLEM_TYPE_BASE = 'https://coinbook.dev/problems/'

/** Builds the problem+json response for an error code. */
export function problemResponse(
  c: Context<AppEnv>,
  code: ErrorCode,
  detail: string,
  extra: { errors?: FieldError[] | undefined; details?: Record<string, unknown> | undefined } = {},
): Response {
  const { status, title } = httpErrors[code]
  const body: Problem = {
    ...extra.details,
    type: `${PROBLEM_TYPE_BASE}${code.replaceAll('_', '-')}`,
    title,
    status,
    detail,
    instance: c.req.path,
    code,
    ...(c.var.requestId ? { requestId: c.var.requestId } : {}),
    ...(extra.errors?.length ? { errors: extra.errors } : {}),
  }
  return c.json(body, status, { 'Content-Type': 'application/problem+json' })
}

/** Turns zod issues into field errors with dotted paths ("billingAddress.country"). */
export function fieldErrorsFromZod(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.length ? issue.path.map(String).join('.') : '(body)',
    message: issue.message,
  }))
}

/** The one error handler: known errors by code, framework errors by status, anything else is a 500. */
export function onError(err: Error, c: Context<AppEnv>): Response {
  if (err instanceof CoinbookError) {
    return problemResponse(c, err.code, err.message, { errors: err.fieldErrors, details: err.details })
  }
  if (err instanceof ChainError) {
    // Chain code speaks its own errors; none of them may become a 500.
    const code: ErrorCode =
      err instanceof InvalidInputError
        ? 'validation_failed'
        : err instanceof TransactionNotFoundError
          ? 'not_found'
          : 'rpc_unavailable'
    return problemResponse(c, code, err.shortMessage)
  }
  if (err instanceof HTTPException) {
    const status = err.status
    const code: ErrorCode =
      status === 413
        ? 'payload_too_large'
        : status === 401
          ? 'unauthorized'
          : status === 403
            ? 'forbidden'
            : status === 404
              ? 'not_found'
              : 'bad_request'
    return problemResponse(c, code, err.message || httpErrors[code].title)
  }
  if (err instanceof SyntaxError) {
    return problemResponse(c, 'bad_request', 'The request body is not valid JSON')
  }
  const code = (err as { code?: unknown }).code
  if (code === '22021' || code === '22P05') {
    // PostgreSQL text cannot hold NUL (or a byte sequence invalid in UTF-8): the client's text, not our bug.
    return problemResponse(c, 'bad_request', 'Text may not contain the NUL character (\\u0000)')
  }
  if (code === '23505') {
    // A unique index caught what the service's own check lost a race on: the same request at once.
    return problemResponse(
      c,
      'conflict',
      'Another request changed the same thing at the same moment; try again',
    )
  }
  logger.error({ requestId: c.var.requestId, err }, 'unhandled error')
  return problemResponse(c, 'internal', 'Something went wrong on our side; the request id helps us find it.')
}
