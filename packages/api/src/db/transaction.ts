import type { Transaction } from 'kysely'
import type { Executor } from '../context.js'
import { logger } from '../observability/logger.js'
import type { Database } from './database.js'

/** SQLSTATEs after which the whole transaction may simply run again: deadlock, serialization failure. */
const RETRYABLE = new Set(['40P01', '40001'])
const ATTEMPTS = 4

/** Whether an error is PostgreSQL giving up a transaction that would succeed if run again. */
export function isRetryableConflict(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' && RETRYABLE.has(code)
}

/**
 * Runs `fn` in the caller's transaction when there is one, else in a new one. A new transaction that
 * PostgreSQL aborts as a deadlock victim or a serialization failure is run again (up to 4 times, after a
 * short random pause), so two requests that lock the same rows in opposite orders both succeed instead
 * of one answering 500. `fn` must only write through the transaction (it is what makes a rerun safe).
 */
export async function inTransaction<T>(
  db: Executor,
  fn: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<Database>)
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(fn)
    } catch (err) {
      if (!isRetryableConflict(err) || attempt >= ATTEMPTS) throw err
      logger.warn({ attempt, code: (err as { code: string }).code }, 'transaction conflict: running it again')
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt))
    }
  }
}
