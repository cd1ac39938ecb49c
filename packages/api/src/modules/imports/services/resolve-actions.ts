import { type RawBuilder, sql } from 'kysely'
import type { Executor } from '../../../context.js'
import type { StoredImportOptions } from '../schema.js'
import { FIELD_BITS } from './staged-row.js'

/** The columns of the file that error entries name, for the fields the set-based checks report on. */
export interface ErrorColumns {
  email: string | null
  customId: string | null
  name: string | null
}

export interface ImportScope {
  importId: string
  merchantId: string
  options: StoredImportOptions
  columns: ErrorColumns
}

const column = (columns: ErrorColumns) =>
  sql`case d.err_field when 'email' then ${columns.email}::text when 'customId' then ${columns.customId}::text when 'name' then ${columns.name}::text end`

/**
 * A row that repeats an earlier row's email or custom id (emails in any case: citext) is an error naming
 * that line; the first one stays.
 */
async function markInFileDuplicates(db: Executor, scope: ImportScope) {
  for (const [key, field, what] of [
    ['email', 'email', 'email'],
    ['custom_id', 'customId', 'custom id'],
  ] as const) {
    const k = sql.ref(`s.${key}`)
    await sql`
      with dup as (
        select s.line, ${k}::text as value, min(s.line) over (partition by ${k}) as first_line
        from customer_import_rows s
        where s.import_id = ${scope.importId} and ${k} is not null
      ),
      marked as (
        update customer_import_rows s set action = 'error'
        from dup
        where s.import_id = ${scope.importId} and s.line = dup.line and dup.line > dup.first_line
        returning s.line, dup.value, dup.first_line
      )
      insert into customer_import_errors (import_id, line, column_name, field, value, message)
      select ${scope.importId}, line, ${field === 'email' ? scope.columns.email : scope.columns.customId}::text,
        ${field}, value, ${`appears again: the same ${what} as line `}::text || first_line::text
      from marked`.execute(db)
  }
}

/** The decision for one row, from its matches by email (`by_email`) and by custom id (`by_custom`). */
function decision(options: StoredImportOptions): {
  action: RawBuilder<string>
  target: RawBuilder<string>
  field: RawBuilder<string>
  message: RawBuilder<string>
} {
  const named = (who: string) => sql.raw(`'already belongs to ' || ${who}`)
  const noName = sql`s.mask & ${FIELD_BITS.name} = 0`
  if (options.mode === 'upsert') {
    const [own, other, otherField, otherName] =
      options.matchBy === 'email'
        ? ['by_email', 'by_custom', 'customId', 'custom_name']
        : ['by_custom', 'by_email', 'email', 'email_name']
    const o = sql.raw(own)
    const x = sql.raw(other)
    const conflict = sql`${x} is not null and ${x} is distinct from ${o}`
    return {
      action: sql`case when ${conflict} then 'error' when ${o} is not null then 'update' when ${noName} then 'error' else 'create' end`,
      target: sql`${o}`,
      field: sql`case when ${conflict} then ${otherField} when ${o} is null and ${noName} then 'name' end`,
      message: sql`case when ${conflict} then ${named(otherName)} when ${o} is null and ${noName} then 'is required to create a customer' end`,
    }
  }
  const exists = sql`by_email is not null or by_custom is not null`
  if (options.mode === 'skip') {
    return {
      action: sql`case when ${exists} then 'skip' when ${noName} then 'error' else 'create' end`,
      target: sql`coalesce(by_email, by_custom)`,
      field: sql`case when not (${exists}) and ${noName} then 'name' end`,
      message: sql`case when not (${exists}) and ${noName} then 'is required to create a customer' end`,
    }
  }
  return {
    action: sql`case when ${exists} or ${noName} then 'error' else 'create' end`,
    target: sql`null::uuid`,
    field: sql`case when by_email is not null then 'email' when by_custom is not null then 'customId' when ${noName} then 'name' end`,
    message: sql`case when by_email is not null then ${named('email_name')} || ' (mode create; use upsert or skip for existing customers)'
      when by_custom is not null then ${named('custom_name')} || ' (mode create; use upsert or skip for existing customers)'
      when ${noName} then 'is required to create a customer' end`,
  }
}

/**
 * Decides every staged row's fate against the merchant's live customers, set-based: create, update
 * (its target), skip, or an error entry (a duplicate inside the file, an email or custom id another
 * customer has, a new customer without a name). Runs in the write's transaction, so what it saw is what
 * gets written.
 */
export async function resolveActions(db: Executor, scope: ImportScope) {
  await markInFileDuplicates(db, scope)
  const d = decision(scope.options)
  await sql`
    with m as (
      select s.line, s.mask, s.email::text as email_value, s.custom_id as custom_value,
        ce.id as by_email, ce.name as email_name, cc.id as by_custom, cc.name as custom_name
      from customer_import_rows s
      left join customers ce on ce.merchant_id = ${scope.merchantId} and ce.deleted_at is null and ce.email = s.email
      left join customers cc on cc.merchant_id = ${scope.merchantId} and cc.deleted_at is null and cc.custom_id = s.custom_id
      where s.import_id = ${scope.importId} and s.action is null
    ),
    d as (
      select line, ${d.action} as action, ${d.target} as target, ${d.field} as err_field, ${d.message} as err_message,
        email_value, custom_value
      from m s
    ),
    decided as (
      update customer_import_rows s set action = d.action, target_id = d.target
      from d where s.import_id = ${scope.importId} and s.line = d.line
      returning s.line
    )
    insert into customer_import_errors (import_id, line, column_name, field, value, message)
    select ${scope.importId}, d.line, ${column(scope.columns)}, d.err_field,
      case d.err_field when 'email' then d.email_value when 'customId' then d.custom_value end, d.err_message
    from d where d.action = 'error'`.execute(db)
}

/** How many staged rows each action has. */
export async function countActions(db: Executor, importId: string) {
  const rows = await db
    .selectFrom('customer_import_rows')
    .select(['action', (eb) => eb.fn.countAll<number>().as('n')])
    .where('import_id', '=', importId)
    .groupBy('action')
    .execute()
  const n = (a: string) => Number(rows.find((r) => r.action === a)?.n ?? 0)
  return { create: n('create'), update: n('update'), skip: n('skip'), error: n('error') }
}
