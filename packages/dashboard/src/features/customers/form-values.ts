import type { CreateCustomerInput, UpdateCustomerInput } from '@coinbook/api/contracts'
import type { FieldError } from '../../api/problem'
import type { CustomerDto, CustomerStatus, CustomerTier, CustomerType } from './api'

export interface AddressValues {
  line1: string
  line2: string
  city: string
  state: string
  postalCode: string
  country: string
}

export type CustomFieldKind = 'text' | 'number' | 'boolean' | 'empty'

export interface CustomFieldRow {
  /** Stable React key; not sent. */
  rowId: string
  key: string
  kind: CustomFieldKind
  value: string
}

export interface CoinChoice {
  asset: string
  network: string
}

export type PaymentTermsChoice = 'none' | '0' | '15' | '30' | 'custom'

/** Everything the customer form edits, as the inputs hold it (strings), before it becomes a request body. */
export interface CustomerFormValues {
  name: string
  customId: string
  type: CustomerType
  registrationDate: string
  email: string
  phone: string
  country: string
  timezone: string
  company: string
  jobTitle: string
  taxId: string
  vatNumber: string
  billingAddress: AddressValues
  shippingAddress: AddressValues
  preferredFiat: string
  paymentTerms: PaymentTermsChoice
  customTermsDays: string
  preferredCoins: CoinChoice[]
  perPaymentMax: string
  monthlyMax: string
  status: CustomerStatus
  tier: CustomerTier | ''
  tags: string[]
  notes: string
  customFields: CustomFieldRow[]
}

/** Field paths in the order the form shows them, for error mapping and focus. */
export const CUSTOMER_FORM_FIELDS = [
  'name',
  'customId',
  'type',
  'registrationDate',
  'email',
  'phone',
  'country',
  'timezone',
  'company',
  'jobTitle',
  'taxId',
  'vatNumber',
  ...(['billingAddress', 'shippingAddress'] as const).flatMap((a) => [
    `${a}.line1`,
    `${a}.line2`,
    `${a}.city`,
    `${a}.state`,
    `${a}.postalCode`,
    `${a}.country`,
    a,
  ]),
  'preferredFiat',
  'paymentTermsDays',
  'preferredCoins',
  'paymentLimits.perPaymentMax',
  'paymentLimits.monthlyMax',
  'paymentLimits',
  'status',
  'tier',
  'tags',
  'notes',
  'customFields',
] as const

const emptyAddress = (): AddressValues => ({
  line1: '',
  line2: '',
  city: '',
  state: '',
  postalCode: '',
  country: '',
})

let rowCounter = 0
export const newRowId = () => `row-${++rowCounter}`

function addressValues(a: CustomerDto['billingAddress']): AddressValues {
  if (!a) return emptyAddress()
  return {
    line1: a.line1 ?? '',
    line2: a.line2 ?? '',
    city: a.city ?? '',
    state: a.state ?? '',
    postalCode: a.postalCode ?? '',
    country: a.country ?? '',
  }
}

function termsChoice(days: number | null): PaymentTermsChoice {
  if (days === null) return 'none'
  if (days === 0 || days === 15 || days === 30) return String(days) as PaymentTermsChoice
  return 'custom'
}

/** The form's starting values: empty for a new customer, the customer's own for an edit. */
export function formValuesFrom(customer?: CustomerDto): CustomerFormValues {
  const c = customer
  return {
    name: c?.name ?? '',
    customId: c?.customId ?? '',
    type: c?.type ?? 'individual',
    registrationDate: c?.registrationDate?.slice(0, 10) ?? '',
    email: c?.email ?? '',
    phone: c?.phone ?? '',
    country: c?.country ?? '',
    timezone: c?.timezone ?? '',
    company: c?.company ?? '',
    jobTitle: c?.jobTitle ?? '',
    taxId: c?.taxId ?? '',
    vatNumber: c?.vatNumber ?? '',
    billingAddress: addressValues(c?.billingAddress ?? null),
    shippingAddress: addressValues(c?.shippingAddress ?? null),
    preferredFiat: c?.preferredFiat ?? '',
    paymentTerms: termsChoice(c?.paymentTermsDays ?? null),
    customTermsDays:
      c?.paymentTermsDays != null && termsChoice(c.paymentTermsDays) === 'custom'
        ? String(c.paymentTermsDays)
        : '',
    preferredCoins: (c?.preferredCoins ?? []).map((p) => ({ asset: p.asset, network: p.network })),
    perPaymentMax: c?.paymentLimits?.perPaymentMax ?? '',
    monthlyMax: c?.paymentLimits?.monthlyMax ?? '',
    status: c?.status ?? 'active',
    tier: c?.tier ?? '',
    tags: c?.tags ?? [],
    notes: c?.notes ?? '',
    customFields: Object.entries(c?.customFields ?? {}).map(([key, value]) => ({
      rowId: newRowId(),
      key,
      kind:
        value === null
          ? 'empty'
          : typeof value === 'number'
            ? 'number'
            : typeof value === 'boolean'
              ? 'boolean'
              : 'text',
      value: value === null ? '' : String(value),
    })),
  }
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim())

function addressInput(a: AddressValues) {
  const out = {
    line1: orNull(a.line1),
    line2: orNull(a.line2),
    city: orNull(a.city),
    state: orNull(a.state),
    postalCode: orNull(a.postalCode),
    country: orNull(a.country),
  }
  if (Object.values(out).every((v) => v === null)) return null
  // The API's address members are optional strings: leave out the empty ones rather than send null.
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== null)) as Record<string, string>
}

type CustomFieldValue = string | number | boolean | null

/** The custom-field rows as the API's record; rows that cannot be sent add to `errors`. */
function customFieldsInput(rows: CustomFieldRow[], errors: FieldError[]): Record<string, CustomFieldValue> {
  const out: Record<string, CustomFieldValue> = {}
  for (const [i, row] of rows.entries()) {
    const key = row.key.trim()
    const path = `customFields.${i}`
    if (!key && !row.value.trim()) continue
    if (!key) {
      errors.push({ path, message: 'needs a name' })
    } else if (Object.hasOwn(out, key)) {
      errors.push({ path, message: `"${key}" is used twice` })
    } else if (row.kind === 'number') {
      const n = Number(row.value)
      if (row.value.trim() === '' || !Number.isFinite(n))
        errors.push({ path, message: `"${key}" must be a number` })
      else out[key] = n
    } else if (row.kind === 'boolean') {
      out[key] = row.value === 'true'
    } else {
      out[key] = row.kind === 'empty' ? null : row.value
    }
  }
  return out
}

/**
 * Turns the form into a create body, or the field errors that stop it from being one (a number that is
 * not a number). Everything else is left for the API to judge, so its messages are the ones shown.
 */
export function toCreateInput(v: CustomerFormValues): { input: CreateCustomerInput; errors: FieldError[] } {
  const errors: FieldError[] = []
  let paymentTermsDays: number | null = null
  if (v.paymentTerms === 'custom') {
    const days = v.customTermsDays.trim()
    if (!/^\d+$/.test(days))
      errors.push({ path: 'paymentTermsDays', message: 'must be a whole number of days' })
    else paymentTermsDays = Number(days)
  } else if (v.paymentTerms !== 'none') {
    paymentTermsDays = Number(v.paymentTerms)
  }

  const customFields = customFieldsInput(v.customFields, errors)

  const perPaymentMax = orNull(v.perPaymentMax)
  const monthlyMax = orNull(v.monthlyMax)
  const input: CreateCustomerInput = {
    name: v.name,
    customId: orNull(v.customId),
    type: v.type,
    email: orNull(v.email),
    phone: orNull(v.phone),
    country: orNull(v.country),
    timezone: orNull(v.timezone),
    company: orNull(v.company),
    jobTitle: orNull(v.jobTitle),
    taxId: orNull(v.taxId),
    vatNumber: orNull(v.vatNumber),
    billingAddress: addressInput(v.billingAddress),
    shippingAddress: addressInput(v.shippingAddress),
    preferredFiat: orNull(v.preferredFiat),
    paymentTermsDays,
    preferredCoins: v.preferredCoins.map((p) => ({
      asset: p.asset,
      network: p.network,
    })) as CreateCustomerInput['preferredCoins'],
    paymentLimits:
      perPaymentMax === null && monthlyMax === null
        ? null
        : { ...(perPaymentMax ? { perPaymentMax } : {}), ...(monthlyMax ? { monthlyMax } : {}) },
    status: v.status,
    tier: v.tier === '' ? null : v.tier,
    tags: v.tags,
    notes: orNull(v.notes),
    customFields,
    ...(v.registrationDate ? { registrationDate: v.registrationDate } : {}),
  }
  return { input, errors }
}

/** Only what changed since `initial`, so an edit touches (and the audit log records) just those fields. */
export function toUpdateInput(
  v: CustomerFormValues,
  initial: CustomerFormValues,
): { input: UpdateCustomerInput; errors: FieldError[] } {
  const { input: next, errors } = toCreateInput(v)
  const { input: before } = toCreateInput(initial)
  const changed: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(next)) {
    if (JSON.stringify(value) !== JSON.stringify((before as Record<string, unknown>)[key]))
      changed[key] = value
  }
  return { input: changed as UpdateCustomerInput, errors }
}
