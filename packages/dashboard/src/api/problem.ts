export interface FieldError {
  /** Dotted path into the request body, e.g. "billingAddress.country" or "tags.2". */
  path: string
  message: string
}

/**
 * The RFC 9457 problem document the API answers errors with (see packages/api/src/http/problem.ts).
 * Written out here rather than imported: it is the wire format, and importing the server's module
 * would pull its whole type graph (Hono context, config, chain adapters) into the dashboard's build.
 */
export interface Problem {
  type: string
  title: string
  status: number
  detail: string
  instance?: string
  /** Coinbook's error code, e.g. "validation_failed", "conflict", "unauthorized". */
  code: string
  requestId?: string
  errors?: FieldError[]
  [extension: string]: unknown
}

/** An error answered by the API (RFC 9457 problem+json), or a failure to reach it (`status` 0). */
export class ApiProblem extends Error {
  override name = 'ApiProblem'
  readonly status: number
  readonly code: string
  readonly title: string
  readonly detail: string
  readonly fieldErrors: FieldError[]
  /** The whole problem document, extension members included (e.g. the existing customer of a 409). */
  readonly problem: Partial<Problem>

  constructor(status: number, problem: Partial<Problem>, opts: { cause?: unknown } = {}) {
    const title = typeof problem.title === 'string' ? problem.title : 'Request failed'
    const detail = typeof problem.detail === 'string' ? problem.detail : title
    super(detail, { cause: opts.cause })
    this.status = status
    this.code = typeof problem.code === 'string' ? problem.code : status === 0 ? 'network_error' : 'unknown'
    this.title = title
    this.detail = detail
    this.fieldErrors = Array.isArray(problem.errors)
      ? problem.errors.filter(
          (e): e is FieldError => typeof e?.path === 'string' && typeof e?.message === 'string',
        )
      : []
    this.problem = problem
  }
}

/** Whether an unknown error is an API problem with the given code. */
export function isProblem(error: unknown, code?: string): error is ApiProblem {
  return error instanceof ApiProblem && (code === undefined || error.code === code)
}

/** A sentence for the user from any error. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiProblem) return error.detail
  if (error instanceof Error) return error.message
  return 'Something went wrong'
}
