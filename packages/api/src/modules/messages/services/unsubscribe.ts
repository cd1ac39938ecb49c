import type { Executor } from '../../../context.js'
import { CoinbookError } from '../../../errors.js'
import type { MessageKind } from '../kinds.js'
import { signingKey, verifyUnsubscribeToken } from '../links.js'

export class InvalidUnsubscribeTokenError extends CoinbookError {
  override name = 'InvalidUnsubscribeTokenError'
  constructor() {
    super('bad_request', 'This unsubscribe link is not valid; copy the whole link from the email')
  }
}

/** Who a signed token is for: the customer (and merchant) and the kind; a forged or stale token throws. */
export async function resolveUnsubscribe(db: Executor, token: string) {
  const found = verifyUnsubscribeToken(await signingKey(db), token)
  if (!found) throw new InvalidUnsubscribeTokenError()
  const customer = await db
    .selectFrom('customers as c')
    .innerJoin('merchants as m', 'm.id', 'c.merchant_id')
    .select(['c.id', 'c.merchant_id', 'm.name as merchant_name'])
    .where('c.id', '=', found.customerId)
    .executeTakeFirst()
  if (!customer) throw new InvalidUnsubscribeTokenError()
  return {
    customerId: customer.id,
    merchantId: customer.merchant_id,
    merchantName: customer.merchant_name,
    kind: found.kind,
  }
}

/** Opts the token's customer out of the token's kind (again: no change). */
export async function unsubscribe(
  db: Executor,
  token: string,
): Promise<{ merchantName: string; kind: MessageKind }> {
  const r = await resolveUnsubscribe(db, token)
  await db
    .insertInto('message_opt_outs')
    .values({ customer_id: r.customerId, kind: r.kind, merchant_id: r.merchantId })
    .onConflict((oc) => oc.columns(['customer_id', 'kind']).doNothing())
    .execute()
  return r
}
