import type { CustomerDto } from '../schema.js'
import type { PaymentPreference } from './present.js'
import type { CustomerFields } from './write-values.js'

/** Fields the kept customer takes from the duplicate only where its own are empty. */
const fillable = [
  'customId',
  'email',
  'phone',
  'company',
  'jobTitle',
  'billingAddress',
  'shippingAddress',
  'country',
  'timezone',
  'taxId',
  'vatNumber',
  'tier',
  'preferredFiat',
  'paymentTermsDays',
  'paymentLimits',
] as const satisfies readonly (keyof CustomerFields & keyof CustomerDto)[]

/**
 * What the kept customer becomes when the duplicate folds into it: its own values win, empty ones are
 * filled from the duplicate, tags and preferred coins are unioned (kept's order first), custom fields
 * merged (kept wins), notes appended under a "Merged from" line, and the earlier registration date kept.
 */
export function mergeFields(kept: CustomerDto, duplicate: CustomerDto) {
  const fields: CustomerFields = {}
  const filled: string[] = []
  for (const key of fillable) {
    if (kept[key] === null && duplicate[key] !== null) {
      Object.assign(fields, { [key]: duplicate[key] })
      filled.push(key)
    }
  }
  fields.tags = [...new Set([...kept.tags, ...duplicate.tags])]
  fields.customFields = { ...duplicate.customFields, ...kept.customFields }
  fields.notes = duplicate.notes
    ? [kept.notes, `Merged from ${duplicate.name}:\n${duplicate.notes}`].filter(Boolean).join('\n\n')
    : kept.notes
  if (duplicate.registrationDate < kept.registrationDate) fields.registrationDate = duplicate.registrationDate

  const seen = new Set(kept.preferredCoins.map((c) => `${c.asset}/${c.network}`))
  const coins: PaymentPreference[] = [
    ...kept.preferredCoins,
    ...duplicate.preferredCoins.filter((c) => !seen.has(`${c.asset}/${c.network}`)),
  ]
  return { fields, coins, filled }
}
