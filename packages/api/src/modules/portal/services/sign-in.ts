import { sql, type Transaction } from 'kysely'
import type { Clock } from '../../../clock.js'
import type { Executor } from '../../../context.js'
import type { Database } from '../../../db/database.js'
import { inTransaction } from '../../../db/transaction.js'
import { CoinbookError, ForbiddenError, UnauthorizedError } from '../../../errors.js'
import { generateSecret, hashSecret } from '../../auth/secrets.js'
import { publicLink, signingKey } from '../../messages/links.js'
import { queueMessage } from '../../messages/services/queue-message.js'
import {
  newLinkToken,
  PORTAL_SESSION_TTL_HOURS,
  portalPath,
  SIGN_IN_TTL_MINUTES,
  verifyLinkToken,
} from '../tokens.js'
import { loadPortalSettings } from './settings.js'

export class InvalidPortalLinkError extends CoinbookError {
  override name = 'InvalidPortalLinkError'
  constructor() {
    super(
      'bad_request',
      'This sign-in link is not valid; open the whole link from the email or ask for a new one',
    )
  }
}

export class ExpiredPortalLinkError extends CoinbookError {
  override name = 'ExpiredPortalLinkError'
  constructor() {
    super('unauthorized', 'This sign-in link has expired or was already used; ask for a new one')
  }
}

export class PortalDisabledError extends ForbiddenError {
  override name = 'PortalDisabledError'
  constructor() {
    super('This merchant’s customer portal is switched off')
  }
}

/** Issues a single-use portal link for a customer, in the caller's transaction. */
export async function issuePortalLink(
  trx: Transaction<Database>,
  input: {
    merchantId: string
    customerId: string
    purpose: 'sign_in' | 'payment_details'
    ttlMinutes: number
    now: Date
  },
): Promise<string> {
  const { token, id } = newLinkToken(await signingKey(trx), input.merchantId)
  await trx
    .insertInto('portal_tokens')
    .values({
      id,
      merchant_id: input.merchantId,
      customer_id: input.customerId,
      purpose: input.purpose,
      expires_at: new Date(input.now.getTime() + input.ttlMinutes * 60_000),
    })
    .execute()
  return publicLink(portalPath(input.merchantId, token))
}

/**
 * POST /portal/login: emails a sign-in link when the email is a live customer of a merchant whose portal is
 * on. Whatever the outcome the caller learns nothing (the route answers 202 alike), so nobody can probe
 * which emails are customers.
 */
export async function requestPortalSignIn(
  db: Executor,
  clock: Clock,
  input: { merchant: string; email: string },
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const settings = await loadPortalSettings(trx, input.merchant)
    if (!settings.enabled) return
    const customer = await trx
      .selectFrom('customers')
      .select('id')
      .where('merchant_id', '=', input.merchant)
      .where(sql<string>`lower(email)`, '=', input.email.toLowerCase())
      .where('deleted_at', 'is', null)
      .executeTakeFirst()
    if (!customer) return
    const now = clock.now()
    const link = await issuePortalLink(trx, {
      merchantId: input.merchant,
      customerId: customer.id,
      purpose: 'sign_in',
      ttlMinutes: SIGN_IN_TTL_MINUTES,
      now,
    })
    await queueMessage(trx, {
      merchantId: input.merchant,
      customerId: customer.id,
      kind: 'portal_sign_in',
      variables: { payLink: link, link: { expiresInMinutes: SIGN_IN_TTL_MINUTES } },
      sendAfter: now,
    })
  })
}

/**
 * Trades a link token for a portal session (once: the token is spent in the same statement that checks
 * it, so two clicks cannot both sign in). Forged: 400; expired, spent, or its customer gone: 401.
 */
export async function enterPortal(
  db: Executor,
  clock: Clock,
  input: { merchant: string; token: string },
): Promise<{ token: string; expiresAt: Date; customerId: string; purpose: string }> {
  const id = verifyLinkToken(await signingKey(db), input.merchant, input.token)
  if (!id) throw new InvalidPortalLinkError()
  return inTransaction(db, async (trx) => {
    const settings = await loadPortalSettings(trx, input.merchant)
    if (!settings.enabled) throw new PortalDisabledError()
    const now = clock.now()
    const spent = await trx
      .updateTable('portal_tokens')
      .set({ used_at: now })
      .where('id', '=', id)
      .where('merchant_id', '=', input.merchant)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning(['customer_id', 'purpose'])
      .executeTakeFirst()
    if (!spent) throw new ExpiredPortalLinkError()
    const live = await trx
      .selectFrom('customers')
      .select('id')
      .where('merchant_id', '=', input.merchant)
      .where('id', '=', spent.customer_id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()
    if (!live) throw new ExpiredPortalLinkError()
    const token = generateSecret('cb_portal_')
    const expiresAt = new Date(now.getTime() + PORTAL_SESSION_TTL_HOURS * 3600_000)
    await trx
      .insertInto('portal_sessions')
      .values({
        id: hashSecret(token),
        merchant_id: input.merchant,
        customer_id: spent.customer_id,
        expires_at: expiresAt,
      })
      .execute()
    return { token, expiresAt, customerId: spent.customer_id, purpose: spent.purpose }
  })
}

export interface PortalCaller {
  sessionId: string
  merchantId: string
  customerId: string
}

/** The (merchant, customer) a portal cookie is for; 401 when it is unknown, expired or its customer gone. */
export async function resolvePortalSession(db: Executor, clock: Clock, token: string): Promise<PortalCaller> {
  const row = await db
    .selectFrom('portal_sessions as s')
    .innerJoin('customers as c', (j) =>
      j.onRef('c.id', '=', 's.customer_id').onRef('c.merchant_id', '=', 's.merchant_id'),
    )
    .select(['s.id', 's.merchant_id', 's.customer_id'])
    .where('s.id', '=', hashSecret(token))
    .where('s.expires_at', '>', clock.now())
    .where('c.deleted_at', 'is', null)
    .executeTakeFirst()
  if (!row) throw new UnauthorizedError('Sign in to the portal with the link we email you')
  const settings = await loadPortalSettings(db, row.merchant_id)
  if (!settings.enabled) throw new PortalDisabledError()
  return { sessionId: row.id, merchantId: row.merchant_id, customerId: row.customer_id }
}

export async function endPortalSessionByToken(db: Executor, token: string): Promise<void> {
  await db.deleteFrom('portal_sessions').where('id', '=', hashSecret(token)).execute()
}

/** Removes expired portal sessions and links; hourly job. */
export async function prunePortalSessions(db: Executor, now: Date): Promise<number> {
  const sessions = await db.deleteFrom('portal_sessions').where('expires_at', '<', now).executeTakeFirst()
  const tokens = await db.deleteFrom('portal_tokens').where('expires_at', '<', now).executeTakeFirst()
  return Number(sessions.numDeletedRows) + Number(tokens.numDeletedRows)
}
