import type { FieldError } from '../../../../api/problem'
import type { Coin } from '../../../../chains/coins'
import type { PickedCustomer } from '../../../customers/components/picker/CustomerPicker'
import type { CreateInvoiceInput, Invoice, UpdateInvoiceInput } from '../../api'
import { lineProblems } from '../../totals'

export interface EditorLine {
  /** A key for React only. */
  key: number
  description: string
  quantity: string
  unitAmount: string
  /** '' for no tax. */
  taxRateId: string
}

/** When the invoice falls due: the customer's own terms (the API's default), N days, or a date. */
export type DueChoice = 'terms' | '0' | '15' | '30' | 'date'

export interface EditorValues {
  customer: PickedCustomer | null
  /** '' for the API's default (the customer's preferred fiat, else the reporting currency). */
  currency: string
  lines: EditorLine[]
  due: DueChoice
  dueDate: string
  /** Coins picked; none means the API's default (the customer's preferred coins you receive). */
  accepts: Coin[]
  memo: string
  split: boolean
  installmentCount: string
  installmentInterval: 'week' | 'month'
  firstDueDate: string
}

let nextKey = 1
export const emptyLine = (): EditorLine => ({
  key: nextKey++,
  description: '',
  quantity: '1',
  unitAmount: '',
  taxRateId: '',
})

/** YYYY-MM-DD of today + `days`, in the browser's time zone. */
export function isoDateIn(days: number, from = new Date()): string {
  const d = new Date(from.getFullYear(), from.getMonth(), from.getDate() + days)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

export function initialValues(customer: PickedCustomer | null): EditorValues {
  return {
    customer,
    currency: '',
    lines: [emptyLine()],
    due: 'terms',
    dueDate: isoDateIn(30),
    accepts: [],
    memo: '',
    split: false,
    installmentCount: '3',
    installmentInterval: 'month',
    firstDueDate: isoDateIn(0),
  }
}

/** The body paths the editor shows, in form order, so the API's errors land next to their fields. */
export function editorFields(lineCount: number): string[] {
  const lines = Array.from({ length: lineCount }, (_, i) =>
    ['description', 'quantity', 'unitAmount', 'taxRateId'].map((f) => `lines.${i}.${f}`),
  ).flat()
  return [
    'customerId',
    'currency',
    'lines',
    ...lines,
    'dueDate',
    'installments.count',
    'installments.interval',
    'installments.firstDueDate',
    'installments',
    'accepts',
    'memo',
  ]
}

/** The request body, or the errors to show before sending anything. */
export function toCreateInput(v: EditorValues): { input?: CreateInvoiceInput; errors: FieldError[] } {
  const errors: FieldError[] = []
  if (!v.customer) errors.push({ path: 'customerId', message: 'Choose a customer' })
  v.lines.forEach((l, i) => {
    if (!l.description.trim()) errors.push({ path: `lines.${i}.description`, message: 'is required' })
    const p = lineProblems(l)
    if (p.quantity) errors.push({ path: `lines.${i}.quantity`, message: p.quantity })
    if (p.unitAmount) errors.push({ path: `lines.${i}.unitAmount`, message: p.unitAmount })
  })
  if (v.split) {
    if (
      !/^\d+$/.test(v.installmentCount.trim()) ||
      Number(v.installmentCount) < 2 ||
      Number(v.installmentCount) > 60
    )
      errors.push({ path: 'installments.count', message: 'must be a whole number from 2 to 60' })
    if (!v.firstDueDate) errors.push({ path: 'installments.firstDueDate', message: 'is required' })
  } else if (v.due === 'date' && !v.dueDate) {
    errors.push({ path: 'dueDate', message: 'is required' })
  }
  if (errors.length || !v.customer) return { errors }
  const dueDate = v.split
    ? undefined
    : v.due === 'terms'
      ? undefined
      : v.due === 'date'
        ? v.dueDate
        : isoDateIn(Number(v.due))
  return {
    errors,
    input: {
      customerId: v.customer.id,
      ...(v.currency ? { currency: v.currency } : {}),
      lines: v.lines.map((l) => ({
        description: l.description.trim(),
        quantity: l.quantity.trim(),
        unitAmount: l.unitAmount.trim(),
        ...(l.taxRateId ? { taxRateId: l.taxRateId } : {}),
      })),
      ...(dueDate ? { dueDate } : {}),
      ...(v.accepts.length
        ? {
            accepts: v.accepts.map(
              (c) =>
                ({ asset: c.asset, network: c.network }) as NonNullable<
                  CreateInvoiceInput['accepts']
                >[number],
            ),
          }
        : {}),
      ...(v.memo.trim() ? { memo: v.memo.trim() } : {}),
      ...(v.split
        ? {
            installments: {
              count: Number(v.installmentCount),
              interval: v.installmentInterval,
              firstDueDate: v.firstDueDate,
            },
          }
        : {}),
    },
  }
}

/** A draft's values, to edit it: its own currency, lines, due date, coins and memo. */
export function valuesFromInvoice(invoice: Invoice): EditorValues {
  return {
    ...initialValues({ id: invoice.customerId, name: invoice.customerName ?? 'Deleted customer' }),
    currency: invoice.currency,
    lines: invoice.lines.map((l) => ({
      key: nextKey++,
      description: l.description,
      quantity: l.quantity,
      unitAmount: l.unitAmount,
      taxRateId: l.taxRateId ?? '',
    })),
    due: 'date',
    dueDate: invoice.dueDate,
    accepts: invoice.accepts,
    memo: invoice.memo ?? '',
  }
}

/**
 * The PATCH body of an edited draft, or the errors to show first: the create body without the customer
 * (not editable) and installments (a draft is not split afterwards); an emptied memo is cleared.
 */
export function toUpdateInput(v: EditorValues): { input?: UpdateInvoiceInput; errors: FieldError[] } {
  const { input, errors } = toCreateInput({ ...v, split: false })
  if (!input) return { errors }
  const { customerId: _customer, installments: _split, memo, ...rest } = input
  return { errors, input: { ...rest, memo: memo ?? null } }
}
