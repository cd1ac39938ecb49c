import { sql } from 'kysely'
import { z } from 'zod'
import type { ServiceContext } from '../../../context.js'
import { NotFoundError } from '../../../errors.js'
import { decodeCursor, encodeCursor } from '../../customers/services/cursor.js'
import { TIMELINE_KINDS, type TimelineItem, type TimelineKind, type TimelineQuery } from '../schema.js'
import { presentTimelineRow, resolveActors, type TimelineRow } from './present-timeline.js'

/** A position in the timeline: the item's time to the microsecond, and its id for ties. */
const timelineCursor = z.strictObject({ at: z.string().max(40), id: z.uuid() })

/**
 * A live customer's timeline, newest first: the events about them (created, updated, merged), about their
 * payments and invoices (joined through the payments and invoices they hold now, so a merged-in payment
 * shows), their sent and failed messages, and — for a customer an import created, which records no
 * per-customer event — their creation. Keyset pages on (time, id).
 */
export async function listCustomerTimeline({
  ctx,
  input,
}: {
  ctx: ServiceContext
  input: TimelineQuery & { id: string }
}): Promise<{ data: TimelineItem[]; nextCursor: string | null }> {
  const before = input.cursor === undefined ? undefined : decodeCursor(input.cursor, timelineCursor)
  const kinds: TimelineKind[] = input.types
    ? [...new Set(input.types.split(',') as TimelineKind[])]
    : [...TIMELINE_KINDS]
  const customer = await ctx.db
    .selectFrom('customers')
    .select(['id', 'name'])
    .where('merchant_id', '=', ctx.merchantId)
    .where('id', '=', input.id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!customer) throw new NotFoundError('Customer', input.id)

  const m = ctx.merchantId
  const c = input.id
  const want = (k: TimelineKind) => kinds.includes(k)
  const page = before ? sql`and (t.at, t.id) < (${before.at}::timestamptz, ${before.id}::uuid)` : sql``
  const customerTypes = [
    ...(want('profile') || want('note') ? ['customer.created', 'customer.updated'] : []),
    ...(want('merge') ? ['customer.merged'] : []),
  ]
  const branches = [
    customerTypes.length > 0 &&
      // The audit entry written just before the event, in its transaction, names who did it (ids are UUIDv7).
      sql`select e.id, e.type, e.created_at as at, e.data, a.actor_type, a.actor_id
        from events e
        left join lateral (
          select actor_type, actor_id from audit_log a
          where a.merchant_id = ${m} and a.subject_type = 'customer' and a.subject_id = ${c}
            and a.action = e.type and a.id < e.id
          order by a.id desc limit 1
        ) a on true
        where e.merchant_id = ${m} and e.subject_id = ${c}
          and e.type in (${sql.join(customerTypes)})`,
    want('profile') &&
      sql`select c.id, 'customer.created' as type, c.created_at as at,
          jsonb_build_object('source', c.source) as data, null as actor_type, null::uuid as actor_id
        from customers c
        where c.merchant_id = ${m} and c.id = ${c} and not exists (
          select 1 from events e
          where e.merchant_id = ${m} and e.subject_id = ${c} and e.type = 'customer.created')`,
    want('payment') &&
      sql`select e.id, e.type, e.created_at as at, e.data, null as actor_type, null::uuid as actor_id
        from events e
        where e.merchant_id = ${m} and e.type like 'payment.%' and e.subject_id in (
          select p.id from payments p where p.merchant_id = ${m} and p.customer_id = ${c})`,
    want('invoice') &&
      sql`select e.id, e.type, e.created_at as at, e.data, null as actor_type, null::uuid as actor_id
        from events e
        where e.merchant_id = ${m} and e.type like 'invoice.%' and e.subject_id in (
          select i.id from invoices i where i.merchant_id = ${m} and i.customer_id = ${c})`,
    want('message') &&
      sql`select ms.id, 'message.' || ms.status as type, coalesce(ms.sent_at, ms.updated_at) as at,
          jsonb_build_object('kind', ms.kind, 'subject', ms.subject, 'to', ms.to_address,
            'status', ms.status, 'error', ms.last_error) as data,
          null as actor_type, null::uuid as actor_id
        from messages ms
        where ms.merchant_id = ${m} and ms.customer_id = ${c} and ms.status in ('sent', 'failed')`,
  ].filter((b) => b !== false)
  if (branches.length === 0) return { data: [], nextCursor: null }

  // A change of the notes alone is a note; any other change of the profile (notes included) is a profile item.
  const { rows } = await sql<TimelineRow>`
    select * from (
      select t.*,
        case
          when t.type like 'payment.%' then 'payment'
          when t.type like 'invoice.%' then 'invoice'
          when t.type like 'message.%' then 'message'
          when t.type = 'customer.merged' then 'merge'
          when t.type = 'customer.updated' and (
            select array_agg(k order by k) from jsonb_object_keys(t.data -> 'previousAttributes') k
          ) = array['notes'] then 'note'
          else 'profile'
        end as kind,
        to_char(t.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_key
      from (${sql.join(branches, sql` union all `)}) t
      where true ${page}
    ) k
    where k.kind in (${sql.join(kinds)})
    order by k.at desc, k.id desc
    limit ${input.limit + 1}`.execute(ctx.db)

  const pageRows = rows.slice(0, input.limit)
  const actors = await resolveActors(ctx, pageRows, customer)
  const last = pageRows.at(-1)
  return {
    data: pageRows.map((row) => presentTimelineRow(row, actors)),
    nextCursor: rows.length > input.limit && last ? encodeCursor({ at: last.at_key, id: last.id }) : null,
  }
}
