import type { ServiceContext } from '../../../context.js'
import { newId } from '../../../db/ids.js'
import { ConflictError, ForbiddenError, NotFoundError } from '../../../errors.js'
import { hashPassword } from '../../auth/secrets.js'
import type { CreateMemberInput } from '../schema.js'

type Row = {
  id: string
  email: string
  name: string | null
  role: 'owner' | 'admin' | 'viewer'
  created_at: Date
}
const present = (r: Row) => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  createdAt: r.created_at.toISOString(),
})

/** Adds a teammate with a role; only an owner can make another owner. */
export async function createMember({ ctx, input }: { ctx: ServiceContext; input: CreateMemberInput }) {
  if (input.role === 'owner' && ctx.actor.role !== 'owner') {
    throw new ForbiddenError('Only an owner can add another owner')
  }
  const row = await ctx.db
    .insertInto('users')
    .values({
      id: newId(),
      merchant_id: ctx.merchantId,
      email: input.email,
      name: input.name ?? null,
      password_hash: await hashPassword(input.password),
      role: input.role,
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning(['id', 'email', 'name', 'role', 'created_at'])
    .executeTakeFirst()
  if (!row) throw new ConflictError('A user with this email already exists')
  return present(row)
}

export async function listMembers({ ctx }: { ctx: ServiceContext }) {
  const rows = await ctx.db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'created_at'])
    .where('merchant_id', '=', ctx.merchantId)
    .orderBy('id')
    .execute()
  return rows.map(present)
}

/** Removes a teammate and their sessions; the last owner stays. */
export async function removeMember({ ctx, id }: { ctx: ServiceContext; id: string }) {
  const target = await ctx.db
    .selectFrom('users')
    .select(['id', 'role'])
    .where('merchant_id', '=', ctx.merchantId)
    .where('id', '=', id)
    .executeTakeFirst()
  if (!target) throw new NotFoundError('Member', id)
  if (target.role === 'owner' && ctx.actor.role !== 'owner')
    throw new ForbiddenError('Only an owner can remove an owner')
  if (target.role === 'owner') {
    const owners = await ctx.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('merchant_id', '=', ctx.merchantId)
      .where('role', '=', 'owner')
      .executeTakeFirstOrThrow()
    if (owners.n <= 1) throw new ConflictError('A merchant keeps at least one owner')
  }
  await ctx.db.deleteFrom('users').where('merchant_id', '=', ctx.merchantId).where('id', '=', id).execute()
}
