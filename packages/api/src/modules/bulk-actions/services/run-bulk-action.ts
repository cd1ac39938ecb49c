import { stringify } from 'csv-stringify/sync'
import { sql, type Transaction } from 'kysely'
import type { CoreDeps, Executor } from '../../../context.js'
import type { BulkActionKind, Database } from '../../../db/database.js'
import { CoinbookError } from '../../../errors.js'
import { logger } from '../../../observability/logger.js'
import { selectLiveCustomers } from '../../customers/services/live-customers.js'
import type { PaymentPreference } from '../../customers/services/present.js'
import { neutralise } from '../../exports/formula.js'
import { cells, type ExportRow } from '../../exports/services/export-customers.js'
import { customerColumns } from '../../imports/columns.js'
import { queuePaymentDetailsRequests } from '../../portal/services/request-payment-details.js'
import { forgetCounts } from '../../segments/count-cache.js'
import type { BulkMessageParams } from '../message.js'
import type { BulkSelection } from '../schema.js'
import { selectionCondition } from '../selection.js'
import { bulkMessageKey, queueBulkMessages } from './queue-bulk-messages.js'

/** Customers per transaction: small enough to keep locks short, large enough to move 1M in minutes. */
export const BULK_BATCH = 1000

/**
 * Runs a bulk action to the end. First the snapshot: the customers the selection matches now, stored
 * with the action (once, under the row lock). Then batches in customer-id order, each in one
 * transaction with the cursor: a retried or resumed job continues after the last batch written, and a
 * batch redone changes nothing twice (tags are sets, the rest are assignments; export chunks are keyed;
 * messages have one dedupe key per action and customer).
 */
export async function runBulkAction(deps: CoreDeps, bulkActionId: string, batchSize = BULK_BATCH) {
  const { db } = deps
  const ok = await snapshot(deps, bulkActionId)
  if (!ok) return
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('bulk_actions')
        .selectAll()
        .where('id', '=', bulkActionId)
        .forUpdate()
        .executeTakeFirstOrThrow()
      if (row.status !== 'running') return true
      const batch = await trx
        .selectFrom('bulk_action_items')
        .select('customer_id')
        .where('bulk_action_id', '=', bulkActionId)
        .$if(row.cursor !== null, (q) => q.where('customer_id', '>', row.cursor as string))
        .orderBy('customer_id')
        .limit(batchSize)
        .execute()
      if (batch.length === 0) {
        await trx
          .updateTable('bulk_actions')
          .set({ status: 'completed', finished_at: sql`now()`, updated_at: sql`now()` })
          .where('id', '=', bulkActionId)
          .execute()
        await trx.deleteFrom('bulk_action_items').where('bulk_action_id', '=', bulkActionId).execute()
        return true
      }
      const ids = batch.map((b) => b.customer_id)
      const { changed, skipped } = await apply(
        trx,
        row.merchant_id,
        row.action,
        row.params,
        ids,
        bulkActionId,
        row.processed === 0,
      )
      await trx
        .updateTable('bulk_actions')
        .set({
          cursor: ids.at(-1) as string,
          processed: sql`processed + ${ids.length}`,
          changed: sql`changed + ${changed}`,
          skipped: sql`skipped + ${skipped}`,
          updated_at: sql`now()`,
        })
        .where('id', '=', bulkActionId)
        .execute()
      return false
    })
    if (done) break
  }
  const { merchant_id, action, status, processed, changed } = await db
    .selectFrom('bulk_actions')
    .select(['merchant_id', 'action', 'status', 'processed', 'changed'])
    .where('id', '=', bulkActionId)
    .executeTakeFirstOrThrow()
  forgetCounts(merchant_id)
  logger.info(
    { merchantId: merchant_id, bulkActionId, action, status, processed, changed },
    'bulk action finished',
  )
}

/** Fixes the action's customers (once). False when there is nothing (more) to run. */
async function snapshot(deps: CoreDeps, id: string): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('bulk_actions')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst()
    if (!row || row.status === 'completed' || row.status === 'failed') return false
    if (row.total !== null) return true
    const fail = async (code: string, message: string) => {
      await trx
        .updateTable('bulk_actions')
        .set({
          status: 'failed',
          failure: JSON.stringify({ code, message }),
          finished_at: sql`now()`,
          updated_at: sql`now()`,
        })
        .where('id', '=', id)
        .execute()
      return false
    }
    let where: Awaited<ReturnType<typeof selectionCondition>>
    try {
      where = await selectionCondition(trx, row.merchant_id, row.selection as BulkSelection, deps.clock.now())
    } catch (err) {
      // The segment was deleted, or a built-in lost a setting it needs, since the action was asked for.
      if (err instanceof CoinbookError) return fail(err.code, err.message)
      throw err
    }
    const inserted = await trx
      .insertInto('bulk_action_items')
      .columns(['bulk_action_id', 'customer_id'])
      .expression((eb) =>
        eb
          .selectFrom('customers as c')
          .select([sql<string>`${id}::uuid`.as('bulk_action_id'), 'c.id'])
          .where('c.merchant_id', '=', row.merchant_id)
          .where('c.deleted_at', 'is', null)
          .where(where),
      )
      .executeTakeFirst()
    const total = Number(inserted.numInsertedOrUpdatedRows ?? 0n)
    const confirm = (row.params as { confirmCount?: number }).confirmCount
    if (row.action === 'delete' && total !== confirm) {
      await trx.deleteFrom('bulk_action_items').where('bulk_action_id', '=', id).execute()
      return fail(
        'conflict',
        `The selection changed: it matches ${total} customers now, ${confirm} were confirmed; nothing was deleted`,
      )
    }
    await trx
      .updateTable('bulk_actions')
      .set({ status: 'running', total, started_at: sql`now()`, updated_at: sql`now()` })
      .where('id', '=', id)
      .execute()
    return true
  })
}

const textArray = (values: string[]) => sql<string[]>`array[${sql.join(values)}]::text[]`

/** Applies the action to one batch of the merchant's customers: how many changed, and were skipped. */
async function apply(
  trx: Transaction<Database>,
  merchantId: string,
  action: BulkActionKind,
  params: Record<string, unknown>,
  ids: string[],
  bulkActionId: string,
  first: boolean,
): Promise<{ changed: number; skipped: number }> {
  if (action === 'sendMessage')
    return queueBulkMessages(trx, merchantId, bulkActionId, params as BulkMessageParams, ids)
  if (action === 'requestPaymentDetails')
    return queuePaymentDetailsRequests(trx, merchantId, ids, new Date(), (id) =>
      bulkMessageKey(bulkActionId, id),
    )
  return { changed: await change(trx, merchantId, action, params, ids, bulkActionId, first), skipped: 0 }
}

/** The actions that change customers (or export them); returns how many changed. */
async function change(
  trx: Executor,
  merchantId: string,
  action: Exclude<BulkActionKind, 'sendMessage' | 'requestPaymentDetails'>,
  params: Record<string, unknown>,
  ids: string[],
  bulkActionId: string,
  first: boolean,
): Promise<number> {
  const update = trx
    .updateTable('customers')
    .where('merchant_id', '=', merchantId)
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
  const count = (r: { numUpdatedRows: bigint }) => Number(r.numUpdatedRows)
  switch (action) {
    case 'addTags': {
      const tags = textArray(params.tags as string[])
      return count(
        await update
          .set({
            tags: sql`tags || array(select unnest(${tags}) except select unnest(tags))`,
            updated_at: sql`now()`,
          })
          .where(sql<boolean>`not (tags @> ${tags})`)
          .executeTakeFirst(),
      )
    }
    case 'removeTags': {
      const tags = textArray(params.tags as string[])
      return count(
        await update
          .set({
            tags: sql`array(select t from unnest(tags) as t where t <> all(${tags}))`,
            updated_at: sql`now()`,
          })
          .where(sql<boolean>`tags && ${tags}`)
          .executeTakeFirst(),
      )
    }
    case 'setTier': {
      const tier = params.tier as string | null
      return count(
        await update
          .set({ tier: tier as never, updated_at: sql`now()` })
          .where(sql<boolean>`tier is distinct from ${tier}`)
          .executeTakeFirst(),
      )
    }
    case 'setStatus': {
      const status = params.status as string
      return count(
        await update
          .set({ status: status as never, updated_at: sql`now()` })
          .where('status', '!=', status as never)
          .executeTakeFirst(),
      )
    }
    case 'delete':
      return count(await update.set({ deleted_at: sql`now()`, updated_at: sql`now()` }).executeTakeFirst())
    case 'export':
      return exportChunk(trx, merchantId, ids, bulkActionId, first)
  }
}

/** Writes one batch of the export's CSV as a chunk (the header and byte order mark with the first). */
async function exportChunk(
  trx: Executor,
  merchantId: string,
  ids: string[],
  bulkActionId: string,
  first: boolean,
) {
  const rows: ExportRow[] = await selectLiveCustomers(trx, merchantId)
    .select(
      sql<
        PaymentPreference[] | null
      >`(select jsonb_agg(jsonb_build_object('asset', p.asset, 'network', p.network) order by p.position)
        from customer_preferences p where p.customer_id = c.id and p.merchant_id = ${merchantId})`.as(
        'coins',
      ),
    )
    .where('c.id', 'in', ids)
    .orderBy('c.id')
    .execute()
  const header = first ? `\uFEFF${stringify([customerColumns.map((c) => c.header)])}` : ''
  const body = rows.length
    ? stringify(rows.map((r) => cells(r).map((v) => (v === null ? '' : neutralise(v)))))
    : ''
  const seq = await trx
    .selectFrom('bulk_action_chunks')
    .select(sql<number>`coalesce(max(seq), -1) + 1`.as('next'))
    .where('bulk_action_id', '=', bulkActionId)
    .executeTakeFirstOrThrow()
  await trx
    .insertInto('bulk_action_chunks')
    .values({
      bulk_action_id: bulkActionId,
      seq: Number(seq.next),
      data: new TextEncoder().encode(header + body),
    })
    .execute()
  return rows.length
}
