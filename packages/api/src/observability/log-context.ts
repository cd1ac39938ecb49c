import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * What every log line written while serving a request or running a job carries: the request id (also
 * in the jobs a request enqueues, and in the jobs those enqueue), and for a job its queue and id.
 */
export interface LogContext {
  requestId?: string
  queue?: string
  jobId?: string
}

const storage = new AsyncLocalStorage<LogContext>()

/** Runs `fn` with this context: the logger adds it to every line, `enqueue` passes its request id on. */
export function withLogContext<T>(context: LogContext, fn: () => T): T {
  return storage.run(context, fn)
}

/** The context of the request or job being served here, if any. */
export function currentLogContext(): LogContext | undefined {
  return storage.getStore()
}
