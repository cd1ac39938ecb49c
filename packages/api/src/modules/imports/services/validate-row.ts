import type { z } from 'zod'
import { email as emailSchema } from '../../../http/fields.js'
import { type UpdateCustomerInput, updateCustomerBody } from '../../customers/schema.js'
import { headerOf, type ImportField, readOnlyFields } from '../columns.js'
import type { ImportErrorDto } from '../schema.js'
import { parseCoins, parseCountry, parseDate, parseTerms, splitList, unguard } from './cells.js'
import type { ColumnPlan } from './plan-columns.js'
import { type StagedRow, stagedRow } from './staged-row.js'

type Shape = typeof updateCustomerBody.shape
type FieldKey = keyof Shape
type Issue = Omit<ImportErrorDto, 'line'>

export type RowResult = { ok: true; row: StagedRow } | { ok: false; errors: ImportErrorDto[] }

const clip = (v: string | null | undefined) =>
  v === null || v === undefined ? null : v.length > 200 ? `${v.slice(0, 199)}…` : v

/** The fields whose values repeat across a file: validated once per distinct cell. */
const MEMO_FIELDS = new Set<FieldKey>([
  'country',
  'timezone',
  'status',
  'type',
  'tier',
  'preferredFiat',
  'tags',
  'preferredCoins',
  'registrationDate',
  'paymentTermsDays',
])

type Parsed = { ok: true; value: unknown } | { ok: false; issues: z.core.$ZodIssue[] }

/**
 * Validates CSV rows with the customer API's own field schemas, one field at a time (the update body is
 * a strict object of independent optional fields, so this is the same validation), remembering results
 * for values that repeat.
 */
export class CsvRowValidator {
  private readonly memo = new Map<string, Parsed>()
  private readonly byField = new Map<ImportField, { index: number; header: string }>()
  private readonly custom: { index: number; header: string; key: string }[] = []

  constructor(plan: ColumnPlan) {
    for (const t of plan.targets) {
      if (t.target.kind === 'field') this.byField.set(t.target.field, t)
      else this.custom.push({ ...t, key: t.target.key })
    }
  }

  private cell(cells: string[], field: ImportField): string | undefined {
    const col = this.byField.get(field)
    if (!col) return undefined
    return unguard(cells[col.index] ?? '')
  }

  /** The column a field path of the API comes from ("billingAddress.postalCode" → "Zip/Postal Code"). */
  private columnFor(path: string): { header: string; index: number } | undefined {
    const [head, sub] = path.split('.')
    const sources: ImportField[] =
      head === 'name'
        ? ['name', 'firstName', 'lastName']
        : head === 'billingAddress'
          ? sub === 'line1'
            ? ['address']
            : sub === 'line2'
              ? ['address2']
              : sub === 'country'
                ? ['billingCountry', 'country']
                : sub
                  ? [sub as ImportField]
                  : ['address', 'city', 'postalCode']
          : head === 'shippingAddress'
            ? [
                sub === 'line1'
                  ? 'shippingAddress'
                  : sub === 'line2'
                    ? 'shippingAddress2'
                    : (`shipping${(sub ?? 'Address').charAt(0).toUpperCase()}${(sub ?? 'Address').slice(1)}` as ImportField),
                'shippingAddress',
              ]
            : head === 'paymentLimits'
              ? sub === 'monthlyMax'
                ? ['monthlyMax']
                : ['perPaymentMax', 'monthlyMax']
              : [head as ImportField]
    for (const f of sources) {
      const col = this.byField.get(f)
      if (col) return col
    }
    return head === 'customFields' ? this.custom[0] : undefined
  }

  private parseField(key: FieldKey, value: unknown, memoKey: string | undefined): Parsed {
    if (memoKey !== undefined) {
      const hit = this.memo.get(memoKey)
      if (hit) return hit
    }
    const result = updateCustomerBody.shape[key].safeParse(value)
    const parsed: Parsed = result.success
      ? { ok: true, value: result.data }
      : { ok: false, issues: result.error.issues }
    if (memoKey !== undefined && this.memo.size < 100_000) this.memo.set(memoKey, parsed)
    return parsed
  }

  /** One data row → the row to stage, or its errors (every field's, not just the first). */
  validate(line: number, cells: string[]): RowResult {
    const issues: Issue[] = []
    const input: Record<string, unknown> = {}
    const raw = (field: ImportField) => this.cell(cells, field)
    const text = (field: ImportField) => {
      const v = raw(field)
      return v === undefined ? undefined : v.trim() === '' ? null : v
    }
    const fail = (field: ImportField, path: string, message: string) => {
      const col = this.byField.get(field)
      issues.push({ column: col?.header ?? null, field: path, value: clip(raw(field)), message })
    }

    // Name: a Name column, else First Name + Last Name.
    const name = raw('name')
    const first = raw('firstName')?.trim()
    const last = raw('lastName')?.trim()
    if (name !== undefined && name.trim() !== '') input.name = name
    else if (first || last) input.name = [first, last].filter(Boolean).join(' ')
    else if (name !== undefined || first !== undefined || last !== undefined) input.name = ''

    for (const [field, key] of [
      ['customId', 'customId'],
      ['email', 'email'],
      ['phone', 'phone'],
      ['company', 'company'],
      ['jobTitle', 'jobTitle'],
      ['timezone', 'timezone'],
      ['taxId', 'taxId'],
      ['vatNumber', 'vatNumber'],
      ['notes', 'notes'],
    ] as const) {
      const v = text(field)
      if (v !== undefined) input[key] = v
    }
    const country = text('country')
    if (country !== undefined) input.country = country === null ? null : parseCountry(country)
    for (const field of ['status', 'type'] as const) {
      const v = text(field)
      // An empty status or type keeps the default (new) or the current value (update).
      if (v) input[field] = v.trim().toLowerCase()
    }
    const tier = text('tier')
    if (tier !== undefined) input.tier = tier === null ? null : tier.trim().toLowerCase()
    const fiat = text('preferredFiat')
    if (fiat !== undefined) input.preferredFiat = fiat === null ? null : fiat.trim().toUpperCase()
    const tags = raw('tags')
    if (tags !== undefined) input.tags = splitList(tags)
    const coins = raw('preferredCoins')
    if (coins !== undefined) {
      const pairs = parseCoins(coins)
      if (pairs) input.preferredCoins = pairs
      else
        fail(
          'preferredCoins',
          'preferredCoins',
          'must list coins as ASSET:network, such as USDT:tron, BTC:bitcoin',
        )
    }
    const terms = text('paymentTermsDays')
    if (terms !== undefined) {
      const v = terms === null ? null : parseTerms(terms)
      if (typeof v === 'string')
        fail('paymentTermsDays', 'paymentTermsDays', 'must be a whole number of days, such as 30')
      else input.paymentTermsDays = v
    }
    const date = text('registrationDate')
    if (date) input.registrationDate = parseDate(date)
    this.addresses(input, text)
    const perPayment = text('perPaymentMax')
    const monthly = text('monthlyMax')
    if (perPayment !== undefined || monthly !== undefined) {
      input.paymentLimits =
        perPayment || monthly
          ? {
              ...(perPayment ? { perPaymentMax: perPayment } : {}),
              ...(monthly ? { monthlyMax: monthly } : {}),
            }
          : null
    }
    const patch = this.customFields(input, cells, raw, fail)

    const validated: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(input) as [FieldKey, unknown][]) {
      const memoKey = MEMO_FIELDS.has(key)
        ? `${key}\u0000${typeof value === 'string' ? value : JSON.stringify(value)}`
        : undefined
      const parsed = this.parseField(key, value, memoKey)
      if (parsed.ok) {
        validated[key] = parsed.value
        continue
      }
      for (const issue of parsed.issues) {
        const path = [key, ...issue.path.map(String)].join('.')
        const col = this.columnFor(path)
        issues.push({
          column: col?.header ?? null,
          field: path,
          value: clip(col ? unguard(cells[col.index] ?? '') : null),
          message: issue.message,
        })
      }
    }
    if (issues.length) return { ok: false, errors: issues.map((i) => ({ line, ...i })) }
    return { ok: true, row: stagedRow(line, validated as UpdateCustomerInput, patch) }
  }

  private addresses(input: Record<string, unknown>, text: (f: ImportField) => string | null | undefined) {
    const billing = {
      line1: text('address'),
      line2: text('address2'),
      city: text('city'),
      state: text('state'),
      postalCode: text('postalCode'),
    }
    const billingCountry = text('billingCountry')
    if (Object.values(billing).some((v) => v !== undefined) || billingCountry !== undefined) {
      const filled = Object.values(billing).some((v) => v)
      // Without a Billing Country column, a row's Country is its address's country too.
      const country = billingCountry !== undefined ? billingCountry : filled ? text('country') : null
      input.billingAddress = addressOf({ ...billing, country: country ? parseCountry(country) : null })
    }
    const shipping = {
      line1: text('shippingAddress'),
      line2: text('shippingAddress2'),
      city: text('shippingCity'),
      state: text('shippingState'),
      postalCode: text('shippingPostalCode'),
      country: text('shippingCountry'),
    }
    if (Object.values(shipping).some((v) => v !== undefined)) {
      input.shippingAddress = addressOf({
        ...shipping,
        country: shipping.country ? parseCountry(shipping.country) : null,
      })
    }
  }

  private customFields(
    input: Record<string, unknown>,
    cells: string[],
    raw: (f: ImportField) => string | undefined,
    fail: (field: ImportField, path: string, message: string) => void,
  ) {
    const json = raw('customFields')
    if (json !== undefined) {
      if (json.trim() === '') input.customFields = {}
      else {
        try {
          input.customFields = JSON.parse(json) as unknown
        } catch {
          fail('customFields', 'customFields', 'must be a JSON object such as {"segment":"retail"}')
        }
      }
    }
    const patch = { set: {} as Record<string, unknown>, unset: [] as string[] }
    const columns: { key: string; value: string; header: string }[] = this.custom.map((c) => ({
      key: c.key,
      value: unguard(cells[c.index] ?? '').trim(),
      header: c.header,
    }))
    for (const field of ['companyId', 'companyEmail'] as const) {
      const value = raw(field)
      if (value !== undefined) columns.push({ key: field, value: value.trim(), header: headerOf(field) })
    }
    for (const { key, value, header } of columns) {
      if (value === '') patch.unset.push(key)
      else if (value.length > 1000) {
        fail('customFields', `customFields.${key}`, 'must be at most 1000 characters')
      } else if (key === 'companyEmail' && !emailSchema.safeParse(value).success) {
        fail('companyEmail', `customFields.${key}`, `${header} must be a valid email address`)
      } else patch.set[key] = value
    }
    return patch
  }
}

function addressOf(parts: Record<string, string | null | undefined>) {
  const kept = Object.entries(parts).filter(([, v]) => v !== null && v !== undefined && v !== '')
  return kept.length ? Object.fromEntries(kept) : null
}

const readOnly = new Set<string>([...readOnlyFields, 'source'])

/**
 * A JSON (or JSON Lines) item: the customer API's own body (an exported line included: its read-only
 * members are ignored), validated as the API validates it.
 */
export function validateJsonRecord(line: number, value: unknown): RowResult {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      errors: [
        {
          line,
          column: null,
          field: null,
          value: clip(JSON.stringify(value)),
          message: 'must be a JSON object with the customer’s fields',
        },
      ],
    }
  }
  const body = Object.fromEntries(Object.entries(value).filter(([k]) => !readOnly.has(k)))
  const result = updateCustomerBody.safeParse(body)
  if (!result.success) {
    return {
      ok: false,
      errors: result.error.issues.map((issue) => {
        const path = issue.path.map(String)
        let at: unknown = body
        for (const p of path)
          at = at && typeof at === 'object' ? (at as Record<string, unknown>)[p] : undefined
        return {
          line,
          column: null,
          field: path.length ? path.join('.') : null,
          value: clip(at === undefined ? null : typeof at === 'string' ? at : JSON.stringify(at)),
          message: issue.message,
        }
      }),
    }
  }
  return { ok: true, row: stagedRow(line, result.data) }
}
