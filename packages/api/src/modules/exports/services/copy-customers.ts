import { type Expression, type SqlBool, sql } from 'kysely'
import type { Executor } from '../../../context.js'
import type { CustomerSort } from '../../customers/schema.js'
import { type CustomerFilterInput, customerFilters } from '../../customers/services/list-filters.js'
import { customerOrder, orderCustomers } from '../../customers/services/list-order.js'
import { selectLiveCustomers } from '../../customers/services/live-customers.js'
import { customerColumns, type ImportField, type ReadOnlyField } from '../../imports/columns.js'
import type { IdRange } from './copy-out.js'
import type { ExportFormat } from './stream-file.js'

/**
 * The customer export written by PostgreSQL itself (COPY … TO STDOUT): the same bytes as the batched
 * export in export-customers.ts (`cells` + csv-stringify + `neutralise`, or `presentCustomer` +
 * JSON.stringify), with every formatting step done in SQL, so Node only passes chunks on.
 *
 * CSV: COPY's csv format quotes a value exactly when csv-stringify does (a comma, a quote, CR or LF in
 * it); empty values are sent as NULL so they are written bare, as csv-stringify writes '' and null.
 * JSON Lines: one text column per row made by row_to_json (compact, keys in column order, strings
 * escaped as JSON.stringify escapes them), copied with a quote and delimiter that JSON text never
 * contains raw, so COPY adds nothing.
 */

/**
 * JSON text of a jsonb (a column or a cheap expression: it is repeated) as JSON.stringify writes it:
 * jsonb prints ": " and ", " between tokens. Without an escaped quote (\") every " in the text
 * delimits a string, so '": ' only ends a key and ', "' only starts one: two replace() calls compact
 * it. A `[` might hold numbers ("[1, 2]"), and a \" might be inside a string: those rare values take a
 * regular expression that steps over whole strings (ten times slower, 10 µs a value).
 */
const compact = (jsonb: string) => {
  const t = `(${jsonb})::text`
  return `(case when strpos(${t}, '\\"') = 0 and strpos(${t}, '[') = 0
    then replace(replace(${t}, '": ', '":'), ', "', ',"')
    else regexp_replace(${t}, '("(?:[^"\\\\]|\\\\.)*")|([,:]) ', '\\1\\2', 'g') end)`
}

// A key JavaScript treats as an array index, which an object lists first, in numeric order.
const INDEX_KEY = String.raw`'^(0|[1-9][0-9]{0,9})$'`
const indexKey = (k: string) => `(case when ${k} ~ ${INDEX_KEY} then ${k}::bigint end)`

/**
 * Custom fields (flat: scalar values) as JSON.stringify writes the object node-pg parses: jsonb's key
 * order, except that keys such as "7" or "2024" come first, in numeric order. The rare object with such
 * a key is rebuilt key by key; the others are compacted as they are.
 */
const customFieldsJson = (jsonb: string) => `(case when (${jsonb})::text ~ '(\\{|, )"(0|[1-9][0-9]{0,9})": '
  then (select '{' || string_agg(to_json(e.k)::text || ':' || ${compact('e.v')}, ','
      order by (${indexKey('e.k')} < 4294967295) is true desc, ${indexKey('e.k')}, e.n) || '}'
    from jsonb_each(${jsonb}) with ordinality as e(k, v, n))
  else ${compact(jsonb)} end)`

/** An ISO date-time as Date#toISOString writes it (milliseconds, UTC, Z); node-pg truncates to ms too. */
const iso = (ts: string) => `to_char(${ts} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

/**
 * `neutralise` (formula.ts) in SQL, and '' as NULL. A value whose first byte is 'A' or above (a letter, any
 * non-ASCII character) can neither be empty nor start like a formula: one bytewise comparison settles
 * nearly every value, and only the rest meet the regex. 1M customers: the export's SELECT 7.5 s against
 * 8.0 s with ascii() + IN, byte-identical output.
 */
const guard = (v: string) =>
  `(case when ${v} >= 'A' collate "C" then ${v} when ${v} = '' then null
    when ${v} ~ E'^''*[-=+@\\t\\r]' then '''' || ${v} else ${v} end)`

/** `joinList` (cells.ts): a tag with a comma or quote is quoted; the common case is one array_to_string. */
const joinedTags = `(case when array_to_string(c.tags, '') !~ '[",]' then array_to_string(c.tags, ', ')
  else array_to_string(array(select case when t ~ '[",]' then '"' || replace(t, '"', '""') || '"' else t end
    from unnest(c.tags) with ordinality as u(t, n) order by n), ', ') end)`

const ownString = (key: string) =>
  `(case when jsonb_typeof(c.custom_fields -> '${key}') = 'string' then c.custom_fields ->> '${key}' end)`

const billing = (key: string) => `(c.billing_address ->> '${key}')`
const shipping = (key: string) => `(c.shipping_address ->> '${key}')`

/** Each CSV column's text before the guard, by field (customerColumns gives the order). */
const csvValues: Record<Exclude<ImportField | ReadOnlyField, 'firstName' | 'lastName'>, string> = {
  name: 'c.name',
  email: 'c.email::text',
  company: 'c.company',
  companyId: ownString('companyId'),
  companyEmail: ownString('companyEmail'),
  taxId: 'c.tax_id',
  phone: 'c.phone',
  address: billing('line1'),
  city: billing('city'),
  state: billing('state'),
  postalCode: billing('postalCode'),
  country: 'c.country',
  vatNumber: 'c.vat_number',
  lifetimeValue: `coalesce(s.lifetime_value::text, '0')`,
  id: 'c.id::text',
  customId: 'c.custom_id',
  jobTitle: 'c.job_title',
  address2: billing('line2'),
  billingCountry: billing('country'),
  shippingAddress: shipping('line1'),
  shippingAddress2: shipping('line2'),
  shippingCity: shipping('city'),
  shippingState: shipping('state'),
  shippingPostalCode: shipping('postalCode'),
  shippingCountry: shipping('country'),
  timezone: 'c.timezone',
  status: 'c.status::text',
  type: 'c.type::text',
  tier: 'c.tier::text',
  tags: joinedTags,
  notes: 'c.notes',
  preferredFiat: 'c.preferred_fiat',
  paymentTermsDays: 'c.payment_terms_days::text',
  preferredCoins: `(select string_agg(p.asset || ':' || p.network, ', ' order by p.position)
    from customer_preferences p where p.customer_id = c.id and p.merchant_id = c.merchant_id)`,
  perPaymentMax: `(c.payment_limits ->> 'perPaymentMax')`,
  monthlyMax: `(c.payment_limits ->> 'monthlyMax')`,
  registrationDate: 'c.registration_date::text',
  // Company ID and Company Email have columns of their own when they are text (as `cells` does).
  customFields: `(case when not (c.custom_fields ? 'companyId' or c.custom_fields ? 'companyEmail')
    then case when c.custom_fields <> '{}'::jsonb then ${customFieldsJson('c.custom_fields')} end
    else (select case when r.j <> '{}'::jsonb then ${customFieldsJson('r.j')} end
      from (select c.custom_fields - array_remove(array[
        case when jsonb_typeof(c.custom_fields -> 'companyId') = 'string' then 'companyId' end,
        case when jsonb_typeof(c.custom_fields -> 'companyEmail') = 'string' then 'companyEmail' end], null) as j) r) end)`,
  paymentCount: 'coalesce(s.payment_count, 0)::text',
  lastPaymentAt: iso('s.last_payment_at'),
  createdAt: iso('c.created_at'),
  updatedAt: iso('c.updated_at'),
}

/** presentCustomer's keys, in its order, and each one's SQL (row_to_json turns the row into JSON). */
const jsonValues: [string, string][] = [
  ['id', 'c.id::text'],
  ['customId', 'c.custom_id'],
  ['name', 'c.name'],
  ['email', 'c.email::text'],
  ['phone', 'c.phone'],
  ['company', 'c.company'],
  ['jobTitle', 'c.job_title'],
  ['billingAddress', `${compact('c.billing_address')}::json`],
  ['shippingAddress', `${compact('c.shipping_address')}::json`],
  ['country', 'c.country'],
  ['timezone', 'c.timezone'],
  ['status', 'c.status::text'],
  ['type', 'c.type::text'],
  ['taxId', 'c.tax_id'],
  ['vatNumber', 'c.vat_number'],
  ['tags', 'c.tags'],
  ['tier', 'c.tier::text'],
  ['notes', 'c.notes'],
  ['customFields', `${customFieldsJson('c.custom_fields')}::json`],
  ['preferredFiat', 'c.preferred_fiat'],
  ['paymentTermsDays', 'c.payment_terms_days'],
  [
    'preferredCoins',
    `coalesce((select '[' || string_agg('{"asset":' || to_json(p.asset)::text || ',"network":'
      || to_json(p.network)::text || '}', ',' order by p.position) || ']'
      from customer_preferences p where p.customer_id = c.id and p.merchant_id = c.merchant_id), '[]')::json`,
  ],
  ['paymentLimits', `${compact('c.payment_limits')}::json`],
  ['registrationDate', 'c.registration_date::text'],
  ['source', 'c.source'],
  ['lifetimeValue', `coalesce(s.lifetime_value::text, '0')`],
  ['paymentCount', 'coalesce(s.payment_count, 0)'],
  ['lastPaymentAt', iso('s.last_payment_at')],
  ['createdAt', iso('c.created_at')],
  ['updatedAt', iso('c.updated_at')],
]

const csvSelect = customerColumns.map((col, i) => {
  const value = csvValues[col.field as keyof typeof csvValues]
  if (value === undefined) throw new Error(`no SQL for the export column ${col.field}`)
  return sql.raw(value).as(`v${i}`)
})
/**
 * Columns whose values can neither be empty nor start like a formula (a uuid, digits, ISO dates, enum
 * words, a JSON object) skip the guard: 43 guards a row are a fifth of the query's time.
 */
const unguarded = new Set([
  'id',
  'status',
  'type',
  'tier',
  'registrationDate',
  'customFields',
  'paymentCount',
  'lastPaymentAt',
  'createdAt',
  'updatedAt',
])
const csvOuter = customerColumns
  .map((col, i) => (unguarded.has(col.field) ? `v${i}` : guard(`v${i}`)))
  .join(', ')
const jsonSelect = jsonValues.map(([key, value]) => sql.raw(value).as(key))

/** The merchant's live customers matching the list's filters (and segment), as `c` with stats `s`. */
function matchingCustomers(
  db: Executor,
  merchantId: string,
  filters: CustomerFilterInput,
  segment?: Expression<SqlBool>,
) {
  return selectLiveCustomers(db, merchantId)
    .clearSelect()
    .where(customerFilters(filters))
    .$if(segment !== undefined, (q) => q.where(segment as Expression<SqlBool>))
}

/**
 * The merchant's live customers matching the list's filters, in the list's order (`sort`; those of
 * `range` only, which takes the default order, newest first), as the query COPY runs (compiled,
 * parameters not yet inlined).
 */
export function customerCopyQuery(
  db: Executor,
  merchantId: string,
  format: ExportFormat,
  filters: CustomerFilterInput,
  segment?: Expression<SqlBool>,
  range: IdRange = {},
  sort: CustomerSort = '-createdAt',
) {
  const { below, atLeast, first } = range
  const inner = orderCustomers(
    matchingCustomers(db, merchantId, filters, segment)
      .select(format === 'csv' ? csvSelect : jsonSelect)
      .$if(below !== undefined, (q) => q.where('c.id', '<', below as string))
      .$if(atLeast !== undefined, (q) => q.where('c.id', '>=', atLeast as string)),
    customerOrder(sort),
    merchantId,
  )
    .$if(first !== undefined, (q) => q.limit(first as number))
    .compile()
  // The outer select only formats: a subquery with ORDER BY is not flattened, and a projection over
  // it keeps its order (no second sort; EXPLAIN shows one index scan).
  const outer = format === 'csv' ? `select ${csvOuter} from (` : 'select row_to_json(j)::text from ('
  return { ...inner, sql: `${outer}${inner.sql}) ${format === 'csv' ? 'v' : 'j'}` }
}

/**
 * The COPY options for a format's query. JSON text holds no raw control character, so \x01 and \x02
 * never occur and nothing is quoted.
 */
export const customerCopyOptions = (format: ExportFormat) =>
  format === 'csv' ? 'FORMAT csv' : `FORMAT csv, DELIMITER E'\\x02', QUOTE E'\\x01'`

/**
 * The id that ends every full part of `partRows` customers of the export, newest first: the
 * boundaries of a split export (copy-out.ts). Reads ids only (an index-only scan when unfiltered).
 */
export function customerCopyBoundaries(
  db: Executor,
  merchantId: string,
  filters: CustomerFilterInput,
  segment: Expression<SqlBool> | undefined,
  partRows: number,
) {
  const ids = matchingCustomers(db, merchantId, filters, segment)
    .select(['c.id', sql<number>`row_number() over (order by c.id desc)`.as('n')])
    .compile()
  return {
    ...ids,
    sql: `select id from (${ids.sql}) b where n % ${Math.trunc(partRows)} = 0 order by id desc`,
  }
}
