import { sql } from 'kysely'
import type { ServiceContext } from '../../../context.js'
import type { CustomerDto, DuplicateGroup } from '../schema.js'
import { presentLiveCustomers, selectLiveCustomers } from './live-customers.js'

const MAX_GROUPS = 100
const MAX_PER_GROUP = 20

type Reason = DuplicateGroup['reason']

/**
 * Groups of the merchant's live customers that are probably one person or company: the same email
 * once normalised (case, `+tag`, and dots for Gmail), the same phone digits (7 or more), or the same
 * name at the same company. Email groups come first, then phone, then name+company, each by key.
 */
export async function findDuplicates({ ctx }: { ctx: ServiceContext }) {
  const live = sql`merchant_id = ${ctx.merchantId} and deleted_at is null`
  // Unordered: an ordered aggregate sorts every group, even the ones `having` then drops (most of
  // them); ids are sorted and capped below, for the few groups kept.
  const ids = sql`array_agg(id)::text[]`
  const limit = sql.lit(MAX_GROUPS)
  // Each branch walks an index in key order (email_key and phone_key from 0002, name+company from 0001)
  // and stops at its first groups, instead of aggregating every customer of the merchant.
  const { rows: found } = await sql<{ reason: Reason; key: string; ids: string[] }>`
    select reason, key, ids from (
      (select 'email' as reason, 1 as rank, email_key as key, ${ids} as ids
        from customers where ${live} and email_key is not null
        group by email_key having count(*) > 1 order by email_key limit ${limit})
      union all
      (select 'phone', 2, phone_key, ${ids}
        from customers where ${live} and length(phone_key) >= 7
        group by phone_key having count(*) > 1 order by phone_key limit ${limit})
      union all
      (select 'name_company', 3, lower(name) || ' / ' || lower(company), ${ids}
        from customers where ${live} and lower(company) is not null
        group by lower(name), lower(company) having count(*) > 1 order by lower(name), lower(company) limit ${limit})
    ) groups
    order by rank, key
    limit ${limit}
  `.execute(ctx.db)
  const groups = found.map((g) => ({ ...g, size: g.ids.length, ids: g.ids.sort().slice(0, MAX_PER_GROUP) }))

  const customerIds = [...new Set(groups.flatMap((g) => g.ids))]
  const rows = customerIds.length
    ? await selectLiveCustomers(ctx.db, ctx.merchantId).where('c.id', 'in', customerIds).execute()
    : []
  const byId = new Map((await presentLiveCustomers(ctx.db, ctx.merchantId, rows)).map((c) => [c.id, c]))
  return groups.map(
    (g): DuplicateGroup => ({
      reason: g.reason,
      key: g.key,
      size: g.size,
      customers: g.ids.map((id) => byId.get(id)).filter((c): c is CustomerDto => c !== undefined),
    }),
  )
}
