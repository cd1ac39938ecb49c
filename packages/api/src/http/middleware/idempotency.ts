import { createHash } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { CoinbookError, ValidationError } from '../../errors.js'
import type { AppEnv } from '../env.js'

const HEADER = 'idempotency-key'

/**
 * Honours `Idempotency-Key` on POST: the first request with a key runs and its response is stored; a
 * retry with the same key and body gets the stored response (`Idempotent-Replayed: true`); the same key
 * with another body, or while the first is still running, is a 409. Keys are per merchant.
 * Runs after `authenticate`, so it knows the merchant.
 */
export function idempotency(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.req.header(HEADER)
    if (c.req.method !== 'POST' || key === undefined) return next()
    if (key.length < 1 || key.length > 255) {
      throw new ValidationError('The Idempotency-Key header must be 1 to 255 characters', [
        { path: 'Idempotency-Key', message: 'must be 1 to 255 characters' },
      ])
    }
    const { db, merchantId } = c.var.ctx
    const body = await c.req.text()
    const requestHash = createHash('sha256').update(`${c.req.method} ${c.req.path}\n${body}`).digest('hex')

    const claimed = await db
      .insertInto('idempotency_keys')
      .values({
        merchant_id: merchantId,
        key,
        method: c.req.method,
        path: c.req.path,
        request_hash: requestHash,
      })
      .onConflict((oc) => oc.columns(['merchant_id', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst()

    if (!claimed) {
      const prior = await db
        .selectFrom('idempotency_keys')
        .select(['request_hash', 'status', 'response'])
        .where('merchant_id', '=', merchantId)
        .where('key', '=', key)
        .executeTakeFirstOrThrow()
      if (prior.request_hash !== requestHash) {
        throw new CoinbookError(
          'idempotency_conflict',
          'This Idempotency-Key was already used with a different request; use a new key',
        )
      }
      if (prior.status === null) {
        throw new CoinbookError(
          'idempotency_conflict',
          'A request with this Idempotency-Key is still in progress',
        )
      }
      return c.newResponse(JSON.stringify(prior.response), prior.status as 200, {
        'Content-Type': 'application/json',
        'Idempotent-Replayed': 'true',
      })
    }

    await next()
    const status = c.res.status
    if (status >= 500) {
      // A server failure may succeed on retry: release the key instead of pinning the error.
      await db
        .deleteFrom('idempotency_keys')
        .where('merchant_id', '=', merchantId)
        .where('key', '=', key)
        .execute()
      return
    }
    const text = await c.res.clone().text()
    let response: unknown = null
    try {
      response = text ? JSON.parse(text) : null
    } catch {
      response = text
    }
    await db
      .updateTable('idempotency_keys')
      .set({ status, response: JSON.stringify(response) })
      .where('merchant_id', '=', merchantId)
      .where('key', '=', key)
      .execute()
  }
}
