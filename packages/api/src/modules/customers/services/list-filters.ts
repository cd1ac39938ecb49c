import type { Expression, ExpressionBuilder, SqlBool } from 'kysely'
import { sql } from 'kysely'
import type { Database } from '../../../db/database.js'
import type { ListCustomersInput } from '../schema.js'

/** The list's search and filters: what the list shows and the export writes are the same customers. */
export type CustomerFilterInput = Pick<
  ListCustomersInput,
  'q' | 'status' | 'type' | 'tag' | 'country' | 'tier'
>

/** `q` as a LIKE fragment: %, _ and \ match themselves. */
const escapeLike = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * A `where` over customers as `c` (see selectLiveCustomers): `q` matches the trigram-indexed `search`
 * column, the others are equalities (tag: the tags contain it).
 */
export function customerFilters({ q, status, type, tag, country, tier }: CustomerFilterInput) {
  return (eb: ExpressionBuilder<Database & { c: Database['customers'] }, 'c'>) => {
    const filters: Expression<SqlBool>[] = []
    if (q) filters.push(eb('c.search', 'like', sql<string>`'%' || lower(${escapeLike(q)}) || '%'`))
    if (status) filters.push(eb('c.status', '=', status))
    if (type) filters.push(eb('c.type', '=', type))
    if (tier) filters.push(eb('c.tier', '=', tier))
    if (country) filters.push(eb('c.country', '=', country))
    if (tag) filters.push(eb('c.tags', '@>', sql<string[]>`array[${tag}]::text[]`))
    return eb.and(filters)
  }
}
