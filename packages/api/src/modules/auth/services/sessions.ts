import type { Executor } from '../../../context.js'
import { UnauthorizedError } from '../../../errors.js'
import type { LoginInput } from '../schema.js'
import { generateSecret, hashPassword, hashSecret, verifyPassword } from '../secrets.js'

// Verifying against a real hash when the email is unknown keeps the response time from revealing accounts.
const decoyHash = hashPassword('coinbook-decoy-password')

/** Opens a session for a user; returns the cookie token (only its hash is stored). */
export async function createSession({
  db,
  userId,
  merchantId,
  ttlHours,
}: {
  db: Executor
  userId: string
  merchantId: string
  ttlHours: number
}) {
  const token = generateSecret('cb_sess_')
  const expiresAt = new Date(Date.now() + ttlHours * 3600_000)
  await db
    .insertInto('sessions')
    .values({ id: hashSecret(token), user_id: userId, merchant_id: merchantId, expires_at: expiresAt })
    .execute()
  return { token, expiresAt }
}

/** Checks email and password; the same error for an unknown email and a wrong password. */
export async function login({ db, input, ttlHours }: { db: Executor; input: LoginInput; ttlHours: number }) {
  const user = await db
    .selectFrom('users')
    .select(['id', 'merchant_id', 'password_hash'])
    .where('email', '=', input.email)
    .executeTakeFirst()
  const ok = await verifyPassword(user?.password_hash ?? (await decoyHash), input.password)
  if (!user || !ok) throw new UnauthorizedError('The email or password is not correct')
  return createSession({ db, userId: user.id, merchantId: user.merchant_id, ttlHours })
}

export async function deleteSession({ db, sessionId }: { db: Executor; sessionId: string }) {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute()
}

/** Removes expired sessions; run by a repeatable job. */
export async function pruneSessions({ db }: { db: Executor }) {
  const r = await db.deleteFrom('sessions').where('expires_at', '<', new Date()).executeTakeFirst()
  return Number(r.numDeletedRows)
}
