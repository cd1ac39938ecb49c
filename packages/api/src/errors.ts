/** What went wrong, independent of transport. The HTTP layer maps each code to a status in one table. */
export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'invalid_rule'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'gone'
  | 'conflict'
  | 'unprocessable'
  | 'idempotency_conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'rpc_unavailable'
  | 'rate_unavailable'
  | 'internal'

export interface FieldError {
  /** JSON pointer-ish path to the field, e.g. "email" or "billingAddress.country". */
  path: string
  message: string
}

/** Base of every error Coinbook raises on purpose. Tell them apart by `code`, never by message. */
export class CoinbookError extends Error {
  override name = 'CoinbookError'
  readonly code: ErrorCode
  readonly details: Record<string, unknown> | undefined
  readonly fieldErrors: FieldError[] | undefined

  constructor(
    code: ErrorCode,
    message: string,
    opts: { details?: Record<string, unknown>; fieldErrors?: FieldError[]; cause?: unknown } = {},
  ) {
    super(message, { cause: opts.cause })
    this.code = code
    this.details = opts.details
    this.fieldErrors = opts.fieldErrors
  }
}

export class NotFoundError extends CoinbookError {
  override name = 'NotFoundError'
  constructor(resource: string, id?: string) {
    super('not_found', id ? `${resource} ${id} was not found` : `${resource} was not found`, {
      details: { resource, ...(id ? { id } : {}) },
    })
  }
}

export class ConflictError extends CoinbookError {
  override name = 'ConflictError'
  constructor(message: string, details?: Record<string, unknown>) {
    super('conflict', message, details ? { details } : {})
  }
}

export class ValidationError extends CoinbookError {
  override name = 'ValidationError'
  constructor(message: string, fieldErrors: FieldError[] = []) {
    super('validation_failed', message, { fieldErrors })
  }
}

export class UnauthorizedError extends CoinbookError {
  override name = 'UnauthorizedError'
  constructor(message = 'Sign in or send an API key as "Authorization: Bearer <key>"') {
    super('unauthorized', message)
  }
}

export class ForbiddenError extends CoinbookError {
  override name = 'ForbiddenError'
  constructor(message: string) {
    super('forbidden', message)
  }
}

/** Well-formed, but asks for something this deployment cannot do (yet). */
export class UnprocessableError extends CoinbookError {
  override name = 'UnprocessableError'
  constructor(message: string, details?: Record<string, unknown>) {
    super('unprocessable', message, details ? { details } : {})
  }
}

/** Existed, but is no longer available (a disabled, expired or used-up payment link). */
export class GoneError extends CoinbookError {
  override name = 'GoneError'
  constructor(message: string, details?: Record<string, unknown>) {
    super('gone', message, details ? { details } : {})
  }
}
