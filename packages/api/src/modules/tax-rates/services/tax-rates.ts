import type { Selectable } from 'kysely'
import type { ServiceContext } from '../../../context.js'
import type { TaxRatesTable } from '../../../db/database.js'
import { newId } from '../../../db/ids.js'
import type { CreateTaxRateInput, TaxRateDto } from '../schema.js'

function present(row: Selectable<TaxRatesTable>): TaxRateDto {
  return { id: row.id, name: row.name, percentage: row.percentage, createdAt: row.created_at.toISOString() }
}

/** A tax rate such as "VAT 23%" that invoice lines may carry. */
export async function createTaxRate({
  ctx,
  input,
}: {
  ctx: ServiceContext
  input: CreateTaxRateInput
}): Promise<TaxRateDto> {
  const row = await ctx.db
    .insertInto('tax_rates')
    .values({ id: newId(), merchant_id: ctx.merchantId, name: input.name, percentage: input.percentage })
    .returningAll()
    .executeTakeFirstOrThrow()
  return present(row)
}

/** The merchant's tax rates, oldest first. */
export async function listTaxRates({ ctx }: { ctx: ServiceContext }): Promise<TaxRateDto[]> {
  const rows = await ctx.db
    .selectFrom('tax_rates')
    .selectAll()
    .where('merchant_id', '=', ctx.merchantId)
    .where('archived_at', 'is', null)
    .orderBy('id')
    .execute()
  return rows.map(present)
}
