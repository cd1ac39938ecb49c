import { sql } from 'kysely'
import type { ServiceContext } from '../../../context.js'
import type { ListInvoicesInput } from '../schema.js'
import { type PresentOptions, presentInvoiceSummary, selectInvoices } from './present.js'

/** The merchant's invoices, newest first, filtered; keyset pagination on the id. */
export async function listInvoices({
  ctx,
  input,
  opts,
}: {
  ctx: ServiceContext
  input: ListInvoicesInput
  opts: Pick<PresentOptions, 'publicUrl' | 'today'>
}) {
  let q = selectInvoices(ctx.db, ctx.merchantId)
  if (input.status) q = q.where('i.status', '=', input.status)
  if (input.customerId) q = q.where('i.customer_id', '=', input.customerId)
  if (input.overdue !== undefined) {
    const overdue = sql<boolean>`(i.status in ('open', 'partially_paid') and i.due_date < ${opts.today}::date)`
    q = q.where(input.overdue ? overdue : sql<boolean>`not ${overdue}`)
  }
  if (input.from) q = q.where('i.issue_date', '>=', input.from.slice(0, 10))
  if (input.to) q = q.where('i.issue_date', '<', input.to.slice(0, 10))
  if (input.q) {
    const like = `%${input.q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`
    q = q.where((eb) => eb.or([eb(sql`lower(i.number)`, 'like', like), eb(sql`lower(c.name)`, 'like', like)]))
  }
  if (input.cursor) q = q.where('i.id', '<', input.cursor)
  const rows = await q
    .orderBy('i.id', 'desc')
    .limit(input.limit + 1)
    .execute()
  const page = rows.slice(0, input.limit)
  return {
    data: page.map((r) => presentInvoiceSummary(r, opts)),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  }
}
