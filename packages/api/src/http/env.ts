import type { AppDeps, ServiceContext } from '../context.js'

/** Typed Hono context variables: no globals, everything a handler needs is on `c.var`. */
export interface AppEnv {
  Variables: {
    deps: AppDeps
    requestId: string
    /** Set by the auth middleware on every /api/v1 route that needs a caller. */
    ctx: ServiceContext
    /** The session token hash when the caller used the cookie (for logout). */
    sessionId?: string
    /** Set on the customer portal's routes: the signed-in customer and their merchant. */
    portal?: { sessionId: string; merchantId: string; customerId: string }
  }
}
