import type { ErrorCode, FieldError } from '../errors.js'

// A leaf module (it imports only types from errors.ts, which imports nothing), so clients such as the
// dashboard can share the error shape without pulling in the server.

/** An RFC 9457 problem document, with Coinbook's `code` and field-level `errors`. */
export interface Problem {
  type: string
  title: string
  status: number
  detail: string
  instance?: string
  code: ErrorCode
  requestId?: string
  errors?: FieldError[]
  [extension: string]: unknown
}
