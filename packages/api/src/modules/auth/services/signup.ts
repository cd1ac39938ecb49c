import type { Executor } from '../../../context.js'
import { newId } from '../../../db/ids.js'
import { inTransaction } from '../../../db/transaction.js'
import { ConflictError } from '../../../errors.js'
import type { SignupInput } from '../schema.js'
import { hashPassword } from '../secrets.js'

/** Creates a merchant and its owner in one transaction; a taken email creates nothing. */
export async function signup({ db, input }: { db: Executor; input: SignupInput }) {
  const passwordHash = await hashPassword(input.password)
  const merchantId = newId()
  const userId = newId()
  await inTransaction(db, async (trx) => {
    await trx.insertInto('merchants').values({ id: merchantId, name: input.merchantName }).execute()
    const user = await trx
      .insertInto('users')
      .values({
        id: userId,
        merchant_id: merchantId,
        email: input.email,
        name: input.name ?? null,
        password_hash: passwordHash,
        role: 'owner',
      })
      .onConflict((oc) => oc.column('email').doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!user) throw new ConflictError('An account with this email already exists; log in instead')
  })
  return { merchantId, userId }
}
