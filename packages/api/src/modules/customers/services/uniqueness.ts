import { sql, type Transaction } from 'kysely'
import type { Executor } from '../../../context.js'
import type { Database } from '../../../db/database.js'
import { CoinbookError, ConflictError } from '../../../errors.js'

/** The fields that are unique among a merchant's live customers. */
export interface UniqueFields {
  email?: string | null | undefined
  customId?: string | null | undefined
}

/** The partial unique index (0001) behind each field. */
const indexes: Record<string, keyof UniqueFields> = {
  customers_email_uq: 'email',
  customers_custom_id_uq: 'customId',
}

/** The 409 that names the customer already holding the value, so the caller can open or merge it. */
function takenBy(field: keyof UniqueFields, existing: { id: string; name: string }) {
  const what = field === 'email' ? 'email' : 'custom id'
  return new CoinbookError(
    'conflict',
    `This ${what} already belongs to ${existing.name} (customer ${existing.id})`,
    {
      details: { field, existingCustomerId: existing.id, existingCustomerName: existing.name },
      fieldErrors: [{ path: field, message: `already belongs to ${existing.name}` }],
    },
  )
}

/** Throws the 409 when another live customer of the merchant has this email (any case) or custom id. */
export async function assertUnique(
  db: Executor,
  merchantId: string,
  fields: UniqueFields,
  exceptId?: string,
) {
  const { email, customId } = fields
  if (!email && !customId) return
  const taken = await db
    .selectFrom('customers')
    .select(['id', 'name', 'email', 'custom_id'])
    .where('merchant_id', '=', merchantId)
    .where('deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        ...(email ? [eb('email', '=', email)] : []),
        ...(customId ? [eb('custom_id', '=', customId)] : []),
      ]),
    )
    .$if(exceptId !== undefined, (qb) => qb.where('id', '!=', exceptId as string))
    .orderBy('id')
    .execute()
  // citext compares case-insensitively; so must this check of which field matched.
  const byEmail = email ? taken.find((c) => c.email?.toLowerCase() === email.toLowerCase()) : undefined
  if (byEmail) throw takenBy('email', byEmail)
  const byCustomId = taken.find((c) => c.custom_id === customId)
  if (byCustomId) throw takenBy('customId', byCustomId)
}

/** The unique index a PostgreSQL / PGlite error tripped (SQLSTATE 23505), if that is what it is. */
function violatedIndex(err: unknown): string | undefined {
  if (!(err instanceof Error) || !('code' in err) || err.code !== '23505') return undefined
  return 'constraint' in err && typeof err.constraint === 'string' ? err.constraint : undefined
}

/**
 * Runs a write that may take an email or custom id. The pre-check answers the common case; when a
 * concurrent request wins the race, the unique index trips, the savepoint keeps our transaction usable,
 * and the loser gets the same 409 naming the winner.
 */
export async function writeUnique<T>(
  trx: Transaction<Database>,
  merchantId: string,
  fields: UniqueFields,
  exceptId: string | undefined,
  write: () => Promise<T>,
): Promise<T> {
  await assertUnique(trx, merchantId, fields, exceptId)
  await sql`savepoint customer_unique`.execute(trx)
  try {
    const result = await write()
    await sql`release savepoint customer_unique`.execute(trx)
    return result
  } catch (err) {
    const index = violatedIndex(err)
    const field = index ? indexes[index] : undefined
    if (!field) throw err
    await sql`rollback to savepoint customer_unique`.execute(trx)
    await assertUnique(trx, merchantId, fields, exceptId)
    const what = field === 'email' ? 'email' : 'custom id'
    throw new ConflictError(`Another customer took this ${what} just now`, { field })
  }
}
