import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { Database } from '../src/db/database.js'
import { hashPassword } from '../src/modules/auth/secrets.js'

/** The merchant the seed fills and the benchmark reads, found again by its owner's email. */
export const BENCH_MERCHANT_EMAIL = 'bench@coinbook.local'
/** Its owner's password, so the seeded data can be browsed in the dashboard. Never a real account. */
export const BENCH_PASSWORD = 'coinbook-bench'

export interface BenchMerchant {
  merchantId: string
  userId: string
  created: boolean
}

/** The merchant whose owner signs in with this email, if any. */
export async function findMerchant(db: Kysely<Database>, email: string): Promise<BenchMerchant | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'merchant_id'])
    .where('email', '=', email)
    .where('role', '=', 'owner')
    .executeTakeFirst()
  return row && { merchantId: row.merchant_id, userId: row.id, created: false }
}

/** Finds the merchant by its owner's email, or creates both (argon2id password, as signup does). */
export async function ensureMerchant(
  db: Kysely<Database>,
  { email, password, name }: { email: string; password: string; name: string },
): Promise<BenchMerchant> {
  const existing = await findMerchant(db, email)
  if (existing) return existing
  const passwordHash = await hashPassword(password)
  return db.transaction().execute(async (trx) => {
    const merchantId = uuidv7()
    const userId = uuidv7()
    await trx.insertInto('merchants').values({ id: merchantId, name }).execute()
    await trx
      .insertInto('users')
      .values({
        id: userId,
        merchant_id: merchantId,
        email,
        name: 'Bench Owner',
        password_hash: passwordHash,
        role: 'owner',
      })
      .execute()
    return { merchantId, userId, created: true }
  })
}
