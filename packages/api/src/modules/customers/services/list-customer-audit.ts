import { z } from 'zod'
import type { ServiceContext } from '../../../context.js'
import { NotFoundError } from '../../../errors.js'
import type { AuditEntry, CustomerAuditInput } from '../schema.js'
import { decodeCursor, encodeCursor } from './cursor.js'

const auditCursor = z.strictObject({ before: z.uuid() })

/** A live customer's audit trail, newest first (audit ids are UUIDv7, so id order is time order). */
export async function listCustomerAudit({
  ctx,
  input,
}: {
  ctx: ServiceContext
  input: CustomerAuditInput & { id: string }
}): Promise<{ data: AuditEntry[]; nextCursor: string | null }> {
  const before = input.cursor === undefined ? undefined : decodeCursor(input.cursor, auditCursor).before
  const customer = await ctx.db
    .selectFrom('customers')
    .select('id')
    .where('merchant_id', '=', ctx.merchantId)
    .where('id', '=', input.id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!customer) throw new NotFoundError('Customer', input.id)

  const rows = await ctx.db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', (j) =>
      j.onRef('u.id', '=', 'a.actor_id').on('u.merchant_id', '=', ctx.merchantId),
    )
    .leftJoin('api_keys as k', (j) =>
      j.onRef('k.id', '=', 'a.actor_id').on('k.merchant_id', '=', ctx.merchantId),
    )
    .select([
      'a.id',
      'a.action',
      'a.actor_type',
      'a.actor_id',
      'a.data',
      'a.created_at',
      'u.name',
      'u.email',
      'k.name as key_name',
    ])
    .where('a.merchant_id', '=', ctx.merchantId)
    .where('a.subject_type', '=', 'customer')
    .where('a.subject_id', '=', input.id)
    .$if(before !== undefined, (qb) => qb.where('a.id', '<', before ?? ''))
    .orderBy('a.id', 'desc')
    .limit(input.limit + 1)
    .execute()

  const page = rows.slice(0, input.limit)
  const last = page.at(-1)
  return {
    data: page.map((r) => ({
      id: r.id,
      action: r.action,
      actor: {
        type: r.actor_type,
        id: r.actor_id,
        name: r.actor_type === 'api_key' ? r.key_name : (r.name ?? r.email),
      },
      data: r.data,
      createdAt: r.created_at.toISOString(),
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor({ before: last.id }) : null,
  }
}
