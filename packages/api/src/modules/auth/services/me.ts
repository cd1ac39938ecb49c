import type { Executor } from '../../../context.js'
import type { Role } from '../../../db/database.js'

/** The caller as the dashboard shows it: user (if any), merchant, role. */
export async function loadMe({
  db,
  merchantId,
  userId,
  role,
  via,
}: {
  db: Executor
  merchantId: string
  userId: string | null
  role: Role
  via: 'session' | 'api_key'
}) {
  const merchant = await db
    .selectFrom('merchants')
    .select(['id', 'name', 'reporting_currency'])
    .where('id', '=', merchantId)
    .executeTakeFirstOrThrow()
  const user = userId
    ? await db
        .selectFrom('users')
        .select(['id', 'email', 'name', 'role'])
        .where('id', '=', userId)
        .where('merchant_id', '=', merchantId)
        .executeTakeFirst()
    : undefined
  return {
    user: user ?? null,
    merchant: { id: merchant.id, name: merchant.name, reportingCurrency: merchant.reporting_currency },
    role,
    via,
  }
}
