import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely'
import type { Executor } from '../../context.js'
import type { Database } from '../../db/database.js'
import { customerFilters } from '../customers/services/list-filters.js'
import { resolveSegment } from '../segments/resolve.js'
import type { BulkSelection } from './schema.js'

type CustomersEb = ExpressionBuilder<Database & { c: Database['customers'] }, 'c'>

/**
 * A selection as a `where` over customers as `c` — listed ids, a segment, or the list's filters (and
 * their segment). The caller scopes `c` to the merchant and to live customers.
 */
export async function selectionCondition(
  db: Executor,
  merchantId: string,
  selection: BulkSelection,
  now: Date,
): Promise<(eb: CustomersEb) => Expression<SqlBool>> {
  if ('ids' in selection) {
    const ids = selection.ids
    return (eb) => eb('c.id', 'in', ids)
  }
  if ('segmentId' in selection) {
    const { condition } = await resolveSegment(db, merchantId, selection.segmentId, now)
    return () => condition
  }
  const { segmentId, ...filters } = selection.filter
  const segment = segmentId
    ? (await resolveSegment(db, merchantId, segmentId, now)).condition
    : sql<SqlBool>`true`
  return (eb) => eb.and([customerFilters(filters)(eb), segment])
}
