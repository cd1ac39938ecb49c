import { stringify } from 'csv-stringify/sync'
import { type Expression, type SqlBool, sql } from 'kysely'
import type { ServiceContext } from '../../../context.js'
import type { CustomerSort } from '../../customers/schema.js'
import { type CustomerFilterInput, customerFilters } from '../../customers/services/list-filters.js'
import {
  type After,
  customerOrder,
  orderCustomers,
  sortKeyColumn,
} from '../../customers/services/list-order.js'
import { type LiveCustomerRow, selectLiveCustomers } from '../../customers/services/live-customers.js'
import { type PaymentPreference, presentCustomer } from '../../customers/services/present.js'
import { COLUMN_CUSTOM_FIELDS, customerColumns } from '../../imports/columns.js'
import { formatCoins, joinList } from '../../imports/services/cells.js'
import { customerCopyBoundaries, customerCopyOptions, customerCopyQuery } from './copy-customers.js'
import { copyOutStream, type IdRange, inlineParameters } from './copy-out.js'
import { EXPORT_BATCH, type ExportFormat, streamFile } from './stream-file.js'

export type ExportRow = LiveCustomerRow & { coins: PaymentPreference[] | null }

/**
 * The merchant's live customers matching the list's filters, in the list's order, in batches: keyset on
 * (sort key, id), so every batch is an index range however deep the export is.
 */
async function* customerBatches(
  ctx: ServiceContext,
  filters: CustomerFilterInput,
  segment: Expression<SqlBool> | undefined,
  sort: CustomerSort,
  batchRows: number,
): AsyncGenerator<ExportRow[]> {
  const order = customerOrder(sort)
  let after: After | undefined
  for (;;) {
    const rows = await orderCustomers(
      selectLiveCustomers(ctx.db, ctx.merchantId)
        .select(
          sql<
            PaymentPreference[] | null
          >`(select jsonb_agg(jsonb_build_object('asset', p.asset, 'network', p.network) order by p.position)
          from customer_preferences p where p.customer_id = c.id and p.merchant_id = ${ctx.merchantId})`.as(
            'coins',
          ),
        )
        .select(sortKeyColumn(order))
        .where(customerFilters(filters))
        .$if(segment !== undefined, (q) => q.where(segment as Expression<SqlBool>)),
      order,
      ctx.merchantId,
      after,
    )
      .limit(batchRows)
      .execute()
    if (rows.length) yield rows
    const last = rows.at(-1)
    if (rows.length < batchRows || !last) return
    after = { id: last.id, k: last.sort_key ?? undefined }
  }
}

const iso = (d: Date | null) => d?.toISOString() ?? null
const str = (v: unknown) => (v === null || v === undefined ? null : String(v))

/** One customer as the cells of Coinbook's CSV, in the order of `customerColumns` (also bulk export). */
export function cells(row: ExportRow): (string | null)[] {
  const custom = { ...(row.custom_fields as Record<string, unknown>) }
  // Company ID and Company Email have columns of their own; a non-text value stays in the JSON.
  const own: Record<string, string | null> = {}
  for (const key of Object.values(COLUMN_CUSTOM_FIELDS)) {
    const v = custom[key]
    if (typeof v === 'string') {
      own[key] = v
      delete custom[key]
    } else own[key] = null
  }
  const billing = row.billing_address ?? {}
  const shipping = row.shipping_address ?? {}
  const limits = row.payment_limits ?? {}
  const values: Record<string, string | null> = {
    name: row.name,
    email: row.email,
    company: row.company,
    companyId: own.companyId ?? null,
    companyEmail: own.companyEmail ?? null,
    taxId: row.tax_id,
    phone: row.phone,
    address: billing.line1 ?? null,
    city: billing.city ?? null,
    state: billing.state ?? null,
    postalCode: billing.postalCode ?? null,
    country: row.country,
    vatNumber: row.vat_number,
    lifetimeValue: row.lifetime_value ?? '0',
    id: row.id,
    customId: row.custom_id,
    jobTitle: row.job_title,
    address2: billing.line2 ?? null,
    billingCountry: billing.country ?? null,
    shippingAddress: shipping.line1 ?? null,
    shippingAddress2: shipping.line2 ?? null,
    shippingCity: shipping.city ?? null,
    shippingState: shipping.state ?? null,
    shippingPostalCode: shipping.postalCode ?? null,
    shippingCountry: shipping.country ?? null,
    timezone: row.timezone,
    status: row.status,
    type: row.type,
    tier: row.tier,
    tags: joinList(row.tags),
    notes: row.notes,
    preferredFiat: row.preferred_fiat,
    paymentTermsDays: str(row.payment_terms_days),
    preferredCoins: formatCoins(row.coins ?? []),
    perPaymentMax: limits.perPaymentMax ?? null,
    monthlyMax: limits.monthlyMax ?? null,
    registrationDate: row.registration_date,
    customFields: Object.keys(custom).length ? JSON.stringify(custom) : null,
    paymentCount: str(row.payment_count ?? 0),
    lastPaymentAt: iso(row.last_payment_at),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  }
  return customerColumns.map((c) => values[c.field] ?? null)
}

const csvHead = () => new TextEncoder().encode(`\uFEFF${stringify([customerColumns.map((c) => c.header)])}`)

/** A split select's boundaries when the export is one part. */
const NO_BOUNDARIES = 'select null::uuid as id where false'

/** Customers per part of a COPY export: ~10 MB of CSV, ~25 MB of JSON Lines (under the 32 MB read-ahead). */
const PART_ROWS = 32_768

/**
 * GET /customers/export.csv: every customer the list's filters match, in the list's order (`sort`,
 * newest first by default), as CSV or JSON Lines (the API's Customer). On PostgreSQL (`databaseUrl`)
 * the server writes the file with COPY (copy-customers.ts): newest first, in parts of `partRows`
 * customers that two connections write side by side (copy-out.ts); in another order, in one COPY. On
 * PGlite it is built here batch by batch. Both give the same bytes.
 */
export function exportCustomers({
  ctx,
  input,
  segment,
  databaseUrl,
  partRows = PART_ROWS,
}: {
  ctx: ServiceContext
  input: CustomerFilterInput & {
    format: ExportFormat
    sort?: CustomerSort | undefined
    segmentId?: string | undefined
  }
  /** The resolved segmentId (resolveSegment), when the export is of a segment. */
  segment?: Expression<SqlBool> | undefined
  /** PostgreSQL's URL: the COPY runs on connections of its own. */
  databaseUrl?: string | undefined
  partRows?: number
}): ReadableStream<Uint8Array> {
  const { format, sort = '-createdAt', segmentId: _segmentId, ...filters } = input
  if (databaseUrl) {
    const { merchantId } = ctx
    // Only newest first splits into id ranges; another order is one part, as the boundaries find none.
    const split = sort === '-createdAt'
    const part = (range: IdRange) =>
      inlineParameters(
        customerCopyQuery(ctx.db, merchantId, format, filters, segment, split ? range : {}, sort),
      )
    const boundaries = split
      ? inlineParameters(customerCopyBoundaries(ctx.db, merchantId, filters, segment, partRows))
      : NO_BOUNDARIES
    // A range only adds ids (strings): a query that inlines whole inlines in every part.
    if (boundaries !== undefined && part({}) !== undefined)
      return copyOutStream({
        url: databaseUrl,
        select: {
          first: part(split ? { first: partRows } : {}) as string,
          boundaries,
          part: (range) => part(range) as string,
        },
        options: customerCopyOptions(format),
        ...(format === 'csv' ? { head: csvHead() } : {}),
      })
  }
  return batchedExport(ctx, format, filters, segment, sort)
}

/** The export built in Node from batches of rows (PGlite, and the reference the COPY export matches). */
export function batchedExport(
  ctx: ServiceContext,
  format: ExportFormat,
  filters: CustomerFilterInput,
  segment?: Expression<SqlBool>,
  sort: CustomerSort = '-createdAt',
  batchRows = EXPORT_BATCH,
): ReadableStream<Uint8Array> {
  return streamFile({
    format,
    header: customerColumns.map((c) => c.header),
    batches: customerBatches(ctx, filters, segment, sort, batchRows),
    toCells: cells,
    toJson: (rows) => rows.map((r) => presentCustomer(r, r.coins ?? [], r)),
  })
}
