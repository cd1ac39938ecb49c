import type { Actor, Executor } from '../../../context.js'
import { hashSecret } from '../secrets.js'

export interface Caller {
  merchantId: string
  actor: Actor
  via: 'session' | 'api_key'
  sessionId?: string
}

/** Finds who a session token belongs to, or null when it is unknown or expired. */
export async function callerFromSession(db: Executor, token: string): Promise<Caller | null> {
  const sessionId = hashSecret(token)
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.merchant_id', 'users.id as user_id', 'users.role'])
    .where('sessions.id', '=', sessionId)
    .where('sessions.expires_at', '>', new Date())
    .executeTakeFirst()
  if (!row) return null
  return {
    merchantId: row.merchant_id,
    actor: { type: 'user', id: row.user_id, role: row.role },
    via: 'session',
    sessionId,
  }
}

/** Finds the merchant of an API key, or null when it is unknown or revoked. */
export async function callerFromApiKey(db: Executor, key: string): Promise<Caller | null> {
  const row = await db
    .selectFrom('api_keys')
    .select(['id', 'merchant_id', 'role', 'last_used_at'])
    .where('key_hash', '=', hashSecret(key))
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  if (!row) return null
  // Touch last_used_at at most once a minute, so reads stay reads.
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000) {
    await db.updateTable('api_keys').set({ last_used_at: new Date() }).where('id', '=', row.id).execute()
  }
  return {
    merchantId: row.merchant_id,
    actor: { type: 'api_key', id: row.id, role: row.role },
    via: 'api_key',
  }
}
