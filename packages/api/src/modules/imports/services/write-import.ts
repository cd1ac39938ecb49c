import { type RawBuilder, sql } from 'kysely'
import type { Executor } from '../../../context.js'
import type { ImportScope } from './resolve-actions.js'
import { FIELD_BITS } from './staged-row.js'

type Field = keyof typeof FIELD_BITS

const bit = (field: Field) => sql`s.mask & ${sql.lit(FIELD_BITS[field])} <> 0`

const CUSTOM_FIELDS = sql`(case when ${bit('customFields')} then coalesce(s.custom_fields, '{}'::jsonb) else c.custom_fields end
  || coalesce(s.cf_set, '{}'::jsonb)) - coalesce(s.cf_unset, '{}'::text[])`

/** Each customers column an import writes, the field that sets it, and its value on an update. */
const updated: [column: string, value: RawBuilder<unknown>][] = (
  [
    ['name', 'name'],
    ['custom_id', 'customId'],
    ['email', 'email'],
    ['phone', 'phone'],
    ['company', 'company'],
    ['job_title', 'jobTitle'],
    ['billing_address', 'billingAddress'],
    ['shipping_address', 'shippingAddress'],
    ['country', 'country'],
    ['timezone', 'timezone'],
    ['status', 'status'],
    ['type', 'type'],
    ['tax_id', 'taxId'],
    ['vat_number', 'vatNumber'],
    ['tags', 'tags'],
    ['tier', 'tier'],
    ['notes', 'notes'],
    ['preferred_fiat', 'preferredFiat'],
    ['payment_terms_days', 'paymentTermsDays'],
    ['payment_limits', 'paymentLimits'],
    ['registration_date', 'registrationDate'],
  ] as const
).map(([col, field]): [string, RawBuilder<unknown>] => {
  const value = col === 'tags' ? sql`coalesce(s.tags, '{}'::text[])` : sql.ref(`s.${col}`)
  return [col, sql`case when ${bit(field)} then ${value} else ${sql.ref(`c.${col}`)} end`]
})
updated.push(['custom_fields', CUSTOM_FIELDS])

const CURRENT_COINS = sql`coalesce((select jsonb_agg(jsonb_build_object('asset', p.asset, 'network', p.network) order by p.position)
  from customer_preferences p where p.customer_id = c.id), '[]'::jsonb)`

/** Whether an update row changes its customer at all (fields, or the preferred coins). */
const CHANGES = sql`((${sql.join(updated.map(([col]) => sql.ref(`c.${col}`)))}) is distinct from (${sql.join(updated.map(([, v]) => v))})
  or (${bit('preferredCoins')} and coalesce(s.preferred_coins, '[]'::jsonb) is distinct from ${CURRENT_COINS}))`

const updateRows = (scope: ImportScope) =>
  sql`s.import_id = ${scope.importId} and s.action = 'update' and c.id = s.target_id and c.merchant_id = ${scope.merchantId}`

/** How many update rows would change their customer (for a dry run). */
export async function countChanges(db: Executor, scope: ImportScope): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from customer_import_rows s join customers c on c.id = s.target_id
    where ${updateRows(scope)} and ${CHANGES}`.execute(db)
  return Number(rows[0]?.n ?? 0)
}

/** Rows a concurrent request beat to an email or custom id between the check and the insert. */
async function markRaced(db: Executor, scope: ImportScope) {
  await sql`
    with raced as (
      update customer_import_rows s set action = 'error'
      where s.import_id = ${scope.importId} and s.action = 'create'
        and not exists (select 1 from customers c where c.id = s.id)
      returning s.line, s.email::text as email
    )
    insert into customer_import_errors (import_id, line, column_name, field, value, message)
    select ${scope.importId}, line, ${scope.columns.email}::text, 'email', email,
      'another customer took this email or custom id while the import ran'
    from raced`.execute(db)
}

/**
 * The write, set-based, in the caller's transaction: new customers (with a zeroed stats row and their
 * preferred coins, as createCustomer makes them; source "import"), then the updates, which set only the
 * fields their row gives and leave unchanged customers (and their updatedAt) alone.
 * Returns false when a concurrent write took an email or custom id (see markRaced).
 */
export async function writeImport(
  db: Executor,
  scope: ImportScope,
  expected: { create: number },
): Promise<{ created: number; updated: number; raced: number }> {
  const { importId, merchantId } = scope
  const created = await sql`
    insert into customers (id, merchant_id, custom_id, name, email, phone, company, job_title, billing_address,
      shipping_address, country, timezone, status, type, tax_id, vat_number, tags, tier, notes, custom_fields,
      preferred_fiat, payment_terms_days, payment_limits, registration_date, source)
    select s.id, ${merchantId}, s.custom_id, s.name, s.email, s.phone, s.company, s.job_title, s.billing_address,
      s.shipping_address, s.country, s.timezone, coalesce(s.status, 'active'), coalesce(s.type, 'individual'),
      s.tax_id, s.vat_number, coalesce(s.tags, '{}'::text[]), s.tier, s.notes,
      (coalesce(s.custom_fields, '{}'::jsonb) || coalesce(s.cf_set, '{}'::jsonb)) - coalesce(s.cf_unset, '{}'::text[]),
      s.preferred_fiat, s.payment_terms_days, s.payment_limits, coalesce(s.registration_date, current_date), 'import'
    from customer_import_rows s where s.import_id = ${importId} and s.action = 'create'
    on conflict do nothing`.execute(db)
  const inserted = Number(created.numAffectedRows ?? 0)
  let raced = 0
  if (inserted < expected.create) {
    await markRaced(db, scope)
    raced = expected.create - inserted
  }
  await sql`
    insert into customer_stats (customer_id, merchant_id)
    select s.id, ${merchantId} from customer_import_rows s where s.import_id = ${importId} and s.action = 'create'`.execute(
    db,
  )
  await sql`
    insert into customer_preferences (customer_id, merchant_id, position, asset, network)
    select s.id, ${merchantId}, e.ord - 1, e.value->>'asset', e.value->>'network'
    from customer_import_rows s cross join lateral jsonb_array_elements(s.preferred_coins) with ordinality as e(value, ord)
    where s.import_id = ${importId} and s.action = 'create' and s.preferred_coins is not null`.execute(db)

  const changed = await sql`
    update customers c set ${sql.join(updated.map(([col, v]) => sql`${sql.ref(col)} = ${v}`))}, updated_at = now()
    from customer_import_rows s
    where ${updateRows(scope)} and ${CHANGES}`.execute(db)
  await sql`
    delete from customer_preferences p using customer_import_rows s
    where s.import_id = ${importId} and s.action = 'update' and ${bit('preferredCoins')}
      and p.customer_id = s.target_id and p.merchant_id = ${merchantId}`.execute(db)
  await sql`
    insert into customer_preferences (customer_id, merchant_id, position, asset, network)
    select s.target_id, ${merchantId}, e.ord - 1, e.value->>'asset', e.value->>'network'
    from customer_import_rows s cross join lateral jsonb_array_elements(s.preferred_coins) with ordinality as e(value, ord)
    where s.import_id = ${importId} and s.action = 'update' and ${bit('preferredCoins')}
      and s.preferred_coins is not null`.execute(db)
  return { created: inserted, updated: Number(changed.numAffectedRows ?? 0), raced }
}
