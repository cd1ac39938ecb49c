import type { ServiceContext } from '../../../context.js'
import type { Role } from '../../../db/database.js'
import { newId } from '../../../db/ids.js'
import { ForbiddenError, NotFoundError } from '../../../errors.js'
import { generateSecret, hashSecret } from '../../auth/secrets.js'
import type { CreateApiKeyInput } from '../schema.js'

const rank: Record<Role, number> = { viewer: 0, admin: 1, owner: 2 }

type ApiKeyRow = {
  id: string
  name: string
  prefix: string
  role: Role
  created_at: Date
  last_used_at: Date | null
}

function present(row: ApiKeyRow) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    role: row.role,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  }
}

/** Creates a key no stronger than its creator; the secret is returned once and stored hashed. */
export async function createApiKey({ ctx, input }: { ctx: ServiceContext; input: CreateApiKeyInput }) {
  if (rank[input.role] > rank[ctx.actor.role]) {
    throw new ForbiddenError(`A ${ctx.actor.role} cannot create a ${input.role} key`)
  }
  const key = generateSecret('cb_key_')
  const row = await ctx.db
    .insertInto('api_keys')
    .values({
      id: newId(),
      merchant_id: ctx.merchantId,
      name: input.name,
      prefix: key.slice(0, 14),
      key_hash: hashSecret(key),
      role: input.role,
      created_by: ctx.actor.type === 'user' ? ctx.actor.id : null,
    })
    .returning(['id', 'name', 'prefix', 'role', 'created_at', 'last_used_at'])
    .executeTakeFirstOrThrow()
  return { ...present(row), key }
}

export async function listApiKeys({ ctx }: { ctx: ServiceContext }) {
  const rows = await ctx.db
    .selectFrom('api_keys')
    .select(['id', 'name', 'prefix', 'role', 'created_at', 'last_used_at'])
    .where('merchant_id', '=', ctx.merchantId)
    .where('revoked_at', 'is', null)
    .orderBy('id', 'desc')
    .execute()
  return rows.map(present)
}

export async function revokeApiKey({ ctx, id }: { ctx: ServiceContext; id: string }) {
  const r = await ctx.db
    .updateTable('api_keys')
    .set({ revoked_at: new Date() })
    .where('merchant_id', '=', ctx.merchantId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  if (Number(r.numUpdatedRows) === 0) throw new NotFoundError('API key', id)
}
