import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ErrorCode } from '../errors.js'

/** The one closed table from error code to HTTP status and problem title. */
export const httpErrors: Record<ErrorCode, { status: ContentfulStatusCode; title: string }> = {
  bad_request: { status: 400, title: 'Bad request' },
  validation_failed: { status: 400, title: 'Your request is not valid' },
  invalid_rule: { status: 422, title: 'The segment rule is not valid' },
  unauthorized: { status: 401, title: 'Authentication required' },
  forbidden: { status: 403, title: 'Not allowed' },
  not_found: { status: 404, title: 'Not found' },
  gone: { status: 410, title: 'No longer available' },
  conflict: { status: 409, title: 'Conflict' },
  idempotency_conflict: { status: 409, title: 'Idempotency key conflict' },
  unprocessable: { status: 422, title: 'Cannot be processed' },
  payload_too_large: { status: 413, title: 'Payload too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  rate_limited: { status: 429, title: 'Too many requests' },
  rpc_unavailable: { status: 503, title: 'Chain node unavailable' },
  rate_unavailable: { status: 503, title: 'Exchange rate unavailable' },
  internal: { status: 500, title: 'Internal server error' },
}
